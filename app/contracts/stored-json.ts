import { z } from "zod";
import {
  DefaultBoxSchema,
  FallbackRatesSchema,
  FreightLevelSchema,
  HolidaysSchema,
  RateCardSchema,
  StateCodeSchema,
  StrategySchema,
  SurchargeRuleSchema,
  TransitByZoneSchema,
  WarehouseConfigSchema,
  ZoneChartSchema,
} from "./shop-config";

// The shapes of the Prisma `Json` columns (prisma/schema.prisma), read with `readJsonColumn` (app/db/json-column.ts)
// instead of a cast. Where a column stores a part of the engine's configuration, its schema is that part of the
// configuration's contract (app/contracts/shop-config.ts), so what the config file accepts and what the database
// gives back are checked by the same rules, and `ShopConfigSchema satisfies z.ZodType<ShopConfig>` holds these
// parts to the engine's types. Nullable columns (`Json?`) come back as null when unset.

/** Shop.strategyTuning: the strategy's knobs besides its kind and cost target (those have their own columns). */
export const StoredStrategyTuningSchema = StrategySchema.omit({ kind: true, costTargetBasisPoints: true });
/** Shop.defaultBox */
export const StoredDefaultBoxSchema = DefaultBoxSchema;
/** Shop.fallbackRates */
export const StoredFallbackRatesSchema = FallbackRatesSchema;

/** Warehouse.inventorySnapshot: units on hand by SKU / variant. */
export const StoredInventorySnapshotSchema = WarehouseConfigSchema.shape.inventory.unwrap().nullable();
/** Warehouse.freightLevels */
export const StoredWarehouseFreightLevelsSchema = WarehouseConfigSchema.shape.freightLevels
  .unwrap()
  .nullable();

/** CarrierService.surcharges */
export const StoredSurchargesSchema = z.array(SurchargeRuleSchema);
/** CarrierService.holidays */
export const StoredHolidaysSchema = HolidaysSchema;
/** CarrierService.transitByZone */
export const StoredTransitByZoneSchema = TransitByZoneSchema;
/** CarrierService.zoneChart */
export const StoredZoneChartSchema = ZoneChartSchema.nullable();
/** CarrierService.servedStates, CarrierService.excludedStates */
export const StoredStatesSchema = z.array(StateCodeSchema).nullable();
/** CarrierService.freightLevels: the final-mile levels a freight service offers. */
export const StoredServiceFreightLevelsSchema = z.array(FreightLevelSchema).nullable();

/** RateCard.zones, RateCard.breaks, RateCard.overLastBreakCentsPerLb */
export const StoredRateCardZonesSchema = RateCardSchema.shape.zones;
export const StoredRateCardBreaksSchema = RateCardSchema.shape.breaks;
export const StoredRateCardOverLastBreakSchema = RateCardSchema.shape.overLastBreakCentsPerLb;
