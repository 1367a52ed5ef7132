import type { CompiledService, CompiledShopConfig, CompiledWarehouse } from "../config/types";
import type { ShipmentRating } from "../rating/types";
import type { ZipInfo } from "../geo/types";
import type { AddressClass } from "../geo/types";
import type { IssueList } from "../issues";
import type { CartPlan } from "./cart-plan";
import type { PackingResult, ResolvedLine } from "../packing";
import type { DayNumber, LaneStatsIndex, TransitEstimate } from "../transit/types";
import type { FreightLevel, ServiceTier, ShipmentPlan, TierCode } from "../types";

/** One buyer-facing tier: which services may serve it and how it is named. */
export interface TierDefinition {
  code: TierCode;
  name: string;
  serviceTier: ServiceTier;
  freightLevel?: FreightLevel;
}

export interface AllocatedLine {
  resolved: ResolvedLine;
  quantity: number;
}

/** Items one warehouse ships. */
export interface ShipmentAllocation {
  warehouse: CompiledWarehouse;
  lines: AllocatedLine[];
  /** Memo key of warehouse + contents, filled by the cart plan. */
  key?: string;
  /** Index of this warehouse + contents in its cart plan (`CartPlan.slots`), the per-quote memo index. */
  slot?: number;
}

/** A way of covering the whole cart from warehouses: one entry per shipment. */
export type Allocation = ShipmentAllocation[];

export interface ResolvedDestination {
  zip: ZipInfo;
  timeZone: string;
  addressClass: AddressClass;
  residential: boolean;
  /** Today in the destination's time zone. */
  today: DayNumber;
}

/** Packing and per-service options of one shipment allocation, memoised within a quote. */
export interface ShipmentEvaluation {
  allocation: ShipmentAllocation;
  packing: PackingResult;
  needsFreight: boolean;
  coldChain: boolean;
  /** Index `serviceIndex * OPTION_STRIDE + level index` → option (null = not feasible). */
  options: (ShipmentOption | null | undefined)[];
  /** Index in `TIER_DEFINITIONS` → best option for that tier (null = none). */
  best: (ShipmentOption | null | undefined)[];
}

/** What a service can do for a warehouse and this destination, whatever the shipment (memoised per quote). */
export interface DestinationLeg {
  zone: number;
  transit: TransitEstimate;
  shipDay: DayNumber;
  /** Index of the service's area surcharge that applies to the destination ZIP, or -1. */
  areaIndex: number;
  /** Delivery days of this leg (the same for every shipment on it), filled on first use. */
  minDay?: DayNumber;
  maxDay?: DayNumber;
  /** The leg's cold-chain rejection is already in the quote's issues. */
  coldChainReported?: boolean;
}

/** One service rated for one shipment. The public `ShipmentPlan` is built only for options that win. */
export interface ShipmentOption {
  service: CompiledService;
  warehouse: CompiledWarehouse;
  freightLevel?: FreightLevel;
  zone: number;
  rating: ShipmentRating;
  transit: TransitEstimate;
  shipDay: DayNumber;
  minDay: DayNumber;
  maxDay: DayNumber;
  onTimeRate: number;
  costCents: number;
  score: number;
  /** Built on demand by `optionPlan`. */
  plan?: ShipmentPlan;
}

/** A complete candidate for a tier. */
export interface PlanCandidate {
  allocation: Allocation;
  shipments: ShipmentOption[];
  carrierCostCents: number;
  markupCents: number;
  totalCents: number;
  minDay: DayNumber;
  maxDay: DayNumber;
  onTimeRate: number;
  score: number;
}

/** Everything one quote shares between tiers. */
export interface QuoteContext {
  compiled: CompiledShopConfig;
  dest: ResolvedDestination;
  now: Date;
  issues: IssueList;
  laneStats: LaneStatsIndex | undefined;
  orderValueCents: number;
  /** Shipping price at the shop's cost target, when it has one. */
  targetCents: number | undefined;
  /** The cart crossed the shop's freight threshold: every shipment goes by freight. */
  freightOnly: true | undefined;
  /** The cart's allocations and packings (shared by quotes of the same cart). */
  plan: CartPlan;
  /** Per-quote evaluation memo, by cart-plan slot. */
  evaluations: (ShipmentEvaluation | undefined)[];
  /** Per-quote memo by `warehouse.index * services + service.index`; null = the service cannot serve it. */
  legs: (DestinationLeg | null | undefined)[];
  /** Rating rejections (shared across quotes) already reported in this quote's issues. */
  reportedRejections?: Set<object>;
  /** Zone per quote by `zone chart key * warehouses + warehouse index` (`zoneFor`). */
  zones: (number | undefined)[];
  /** Per service index: which of its area surcharges applies to the destination (`areaSurchargeIndex`). */
  areaIndexes: (number | undefined)[];
  /** Ship day per warehouse × carrier calendar: index `warehouse.index * calendarCount + calendarId`. */
  shipDays: (DayNumber | undefined)[];
  /**
   * Only the plans matter, not which options were rejected (`issues: "errors"`): an allocation with a shipment that
   * no service of the tier can possibly carry is skipped without rating its other shipments.
   */
  prune: boolean;
  /** Per-quote memo for `prune` by slot class (`SlotClasses`): whether the class may be carried. */
  classVerdicts: (boolean | undefined)[];
  /** Bits of the classes 0–30 decided in this quote: may be carried, cannot be. */
  liveClasses: number;
  deadClasses: number;
  /** Per-quote memo for `prune` by `warehouse index * tiers + tier index`: whether any leg of the tier reaches. */
  warehouseVerdicts: (boolean | undefined)[];
  /**
   * Per-quote bit masks for `prune`, three per warehouse (index `warehouse.index * 3`): services whose destination
   * leg is known, exists, and exists and is fast enough for cold-chain contents. Created on first use.
   */
  legBits?: Int32Array;
}
