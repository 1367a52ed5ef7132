import type { ZipInfo } from "../geo/types";
import type { PackingCache, PreparedCarton, ProfileLookup } from "../packing";
import type { CompiledRateCard, CompiledSurcharges } from "../rating/types";
import type { CompiledZoneTable } from "./zone-tables";
import type { BusinessCalendar } from "../transit/types";
import type {
  CarrierServiceConfig,
  DeliveryMode,
  FreightLevel,
  PalletConfig,
  ServiceLimits,
  ServiceTier,
  ShopConfig,
  StrategyKind,
  TransitRow,
  WarehouseConfig,
  ZoneChart,
} from "../types";

export interface CompiledWarehouse {
  config: WarehouseConfig;
  index: number;
  zip: ZipInfo;
  /** "Dallas, TX". */
  label: string;
  cutoffMinutes: number;
  modes: Set<DeliveryMode>;
  /** Freight levels the warehouse can arrange; undefined = every level. */
  freightLevels?: Set<FreightLevel>;
  /** Undefined = stock not tracked. */
  inventory?: Map<string, number>;
}

export interface CompiledService {
  config: CarrierServiceConfig;
  index: number;
  rateCard: CompiledRateCard;
  surcharges: CompiledSurcharges;
  calendar: BusinessCalendar;
  /** Small integer shared by services with the same calendar (ship-day memo index). */
  calendarId: number;
  zoneChart: ZoneChart;
  /** Identity of the zone chart, shared by services with equal charts (zone memo key). */
  zoneChartKey: number;
  transitByZone: Map<number, TransitRow>;
  servedStates?: Set<string>;
  excludedStates: Set<string>;
  appointmentLeadDays: number;
  /** Warehouses allowed to tender this service. */
  warehouseIndexes: Set<number>;
  /** Imported carrier zone charts by warehouse index (undefined = distance bands). */
  zoneTables: (CompiledZoneTable | undefined)[];
  /** The shop's pallets (LTL handling units). */
  pallets: readonly PalletConfig[];
  /**
   * The rating depends on the destination ZIP beyond the zone and the ZIP-listed surcharges (LTL rows per
   * destination ZIP3), so a rating must not be shared across destinations.
   */
  ratingUsesDestZip: boolean;
}

/** Strategy with every default filled in. */
export interface ResolvedStrategy {
  kind: StrategyKind;
  costTargetBasisPoints?: number;
  centsPerDay: number;
  unreliabilityCents: number;
  laneStatsMinSamples: number;
  coldChainMaxTransitDays: number;
  freightFromCartWeightLb?: number;
  freightFromParcels?: number;
}

/** A ShopConfig prepared once; the quote hot path only reads it (plus its bounded caches). */
export interface CompiledShopConfig {
  config: ShopConfig;
  warehouses: CompiledWarehouse[];
  services: CompiledService[];
  servicesByTier: Map<ServiceTier, CompiledService[]>;
  cartons: PreparedCarton[];
  lookupProfile: ProfileLookup;
  packing: PackingCache;
  /** Number of distinct carrier calendars (ship-day memo stride). */
  calendarCount: number;
  strategy: ResolvedStrategy;
  /** Beyond these a package is freight-only, whatever the services say. */
  parcelMax: ServiceLimits;
}
