import { z } from "zod";
import { PickupChoiceSchema, PickupHoursSchema } from "./pickup-point";
import {
  DefaultBoxSchema,
  FallbackRatesSchema,
  FreightLevelSchema,
  HolidaysSchema,
  RateCardSchema,
  StateCodeSchema,
  StrategySchema,
  SurchargeRuleSchema,
  TierCodeSchema,
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

/** RoutingDecision.reasons: the engine's explanation lines. */
export const StoredReasonsSchema = z.array(z.string());

const ActionState = {
  key: z.string(),
  round: z.number().int().nonnegative(),
  status: z.enum(["PENDING", "APPLIED", "FAILED", "SUPERSEDED"]),
  attempts: z.number().int().nonnegative(),
  error: z.string().optional(),
  appliedAt: z.string().optional(),
};
/** A mailing address kept in a SHIPPING_ADDRESS action (the buyer's original, or what was written). */
export const StoredMailingAddressSchema = z.object({
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  address1: z.string().nullable(),
  address2: z.string().nullable(),
  city: z.string().nullable(),
  provinceCode: z.string().nullable(),
  zip: z.string().nullable(),
  countryCode: z.string().nullable(),
});

/** RoutingDecision.actions: the Admin actions of a decision with their state (app/services/order-routing/actions.server.ts). */
export const StoredRoutingActionsSchema = z.array(
  z.discriminatedUnion("kind", [
    z.object({
      ...ActionState,
      kind: z.literal("SPLIT"),
      fulfillmentOrderId: z.string(),
      lineItems: z.array(
        z.object({ id: z.string(), quantity: z.number(), variantId: z.string().nullable() }),
      ),
      warehouseKey: z.string(),
      resultFulfillmentOrderId: z.string().optional(),
    }),
    z.object({
      ...ActionState,
      kind: z.literal("MOVE"),
      fulfillmentOrderId: z.string().optional(),
      fromSplit: z.string().optional(),
      newLocationId: z.string(),
      warehouseKey: z.string(),
    }),
    z.object({
      ...ActionState,
      kind: z.literal("METAFIELD"),
      namespace: z.string(),
      metafieldKey: z.string(),
      value: z.string(),
    }),
    z.object({
      ...ActionState,
      kind: z.literal("TAGS"),
      tags: z.array(z.string()),
      removeTags: z.array(z.string()).optional(),
    }),
    z.object({
      ...ActionState,
      kind: z.literal("NOTE"),
      text: z.string(),
      marker: z.string(),
      replacesMarker: z.string().optional(),
    }),
    z.object({
      ...ActionState,
      kind: z.literal("SHIPPING_ADDRESS"),
      to: z.enum(["PICKUP", "HOME"]),
      pickup: StoredMailingAddressSchema.omit({ firstName: true, lastName: true, phone: true }).optional(),
      pointLabel: z.string().optional(),
      original: StoredMailingAddressSchema.nullable().optional(),
      written: StoredMailingAddressSchema.optional(),
      destinations: z
        .object({
          checkedAt: z.string(),
          checked: z.number().int().nonnegative(),
          stale: z.array(
            z.object({
              fulfillmentOrderId: z.string(),
              requestStatus: z.string(),
              destination: z.string(),
              advice: z.string(),
            }),
          ),
        })
        .optional(),
    }),
  ]),
);

/** RoutingDecision.input: what routing needs from the order, stored so it can be decided again. */
export const StoredRoutingInputSchema = z.object({
  orderId: z.string(),
  orderName: z.string().nullable(),
  cart: z.array(
    z.object({
      variantId: z.string().optional(),
      sku: z.string().optional(),
      name: z.string().optional(),
      quantity: z.number(),
      grams: z.number(),
      priceCents: z.number(),
    }),
  ),
  destination: z
    .object({
      country: z.string(),
      zip: z.string(),
      state: z.string().optional(),
      city: z.string().optional(),
      addressLines: z.array(z.string()),
      company: z.string().optional(),
      residential: z.boolean().optional(),
    })
    .nullable(),
  requestedServiceCode: TierCodeSchema.nullable(),
  shippingLineTitle: z.string().nullable(),
  orderValueCents: z.number(),
  pickupPoint: PickupChoiceSchema.nullable(),
});

/**
 * RoutingDecision.plan: the engine's chosen TierQuote, null when nothing was routed. Only what readers use is
 * checked (the shipments, each with its warehouse); the other fields are optional because rows written before they
 * existed lack them, and the rest of the quote passes through untouched.
 */
export const StoredDecisionPlanSchema = z
  .looseObject({
    shipments: z
      .array(
        z.looseObject({
          warehouseId: z.string(),
          warehouseLabel: z.string().optional(),
          carrier: z.string().optional(),
          serviceId: z.string().optional(),
          serviceName: z.string().optional(),
          freightLevel: FreightLevelSchema.optional(),
          zone: z.number().optional(),
          packages: z.array(z.unknown()).optional(),
          baseCents: z.number().optional(),
          surcharges: z.array(z.object({ code: z.string(), amountCents: z.number() })).optional(),
          costCents: z.number().optional(),
          shipDate: z.string().optional(),
          delivery: z
            .object({ minDate: z.string(), maxDate: z.string(), timeZone: z.string() })
            .partial()
            .optional(),
        }),
      )
      .optional(),
  })
  .nullable();

/** The destination ZIP of RoutingDecision.input, as tracking reads it for a parcel's lane. */
export const StoredInputZipSchema = z
  .looseObject({ destination: z.looseObject({ zip: z.string().optional() }).nullable().optional() })
  .nullable();

/** TrackingPush.payload of a FULFILLMENT_EVENT push. */
export const StoredFulfillmentEventPayloadSchema = z.object({
  status: z.string(),
  happenedAt: z.string(),
  estimatedDeliveryAt: z.string().nullable(),
  message: z.string(),
});
/** TrackingPush.payload of an ORDER_TAG push. */
export const StoredOrderTagPayloadSchema = z.object({ orderId: z.string(), tags: z.array(z.string()) });

/** DeliveryLane.histogram: deliveries by transit days. */
export const StoredLaneHistogramSchema = z.record(z.string(), z.number().nonnegative());

/** PickupPoint.hours */
export const StoredPickupHoursSchema = PickupHoursSchema;
