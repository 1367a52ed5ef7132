import type { PickupNetwork } from "../pickup/types";
import type { DeliveryMode, FreightLevel, ServiceTier, SurchargeCode, TransitRow } from "../types";

/**
 * A figure of the catalogue with where it comes from. `verified: true` = read on the carrier's own page named by
 * `source` (one of the entry's `sources`); `verified: false` = not confirmed on a carrier page, `note` says what was
 * found instead (a third-party copy, a template value), so nobody mistakes it for a checked fact.
 */
export type Sourced<T> =
  | { value: T; verified: true; source: string; note?: string }
  | { value: T; verified: false; note: string; source?: string };

/** Published package limits of a service (per package; freight: per shipment handling unit). */
export interface CatalogueLimits {
  maxWeightLb: Sourced<number>;
  maxLongestIn: Sourced<number>;
  maxLengthPlusGirthIn: Sourced<number>;
}

/** One built-in carrier service: the carrier's published rules as data. No prices: a merchant brings a rate card. */
export interface CatalogueService {
  /** Stable id, also the default service code of a service added from it (e.g. UPS_GROUND). */
  id: string;
  /** UPS | FEDEX | USPS | AMAZON | REGIONAL | LTL */
  carrier: string;
  name: string;
  mode: DeliveryMode;
  tier: ServiceTier;
  /** A template has no single carrier behind it: every figure is a starting value to replace. */
  template?: boolean;
  limits: CatalogueLimits;
  /** Cubic inches per pound, and the cube above which DIM weight applies (0 = every package). */
  dim: { divisor: Sourced<number>; minCubicIn: Sourced<number> };
  reach: { poBox: Sourced<boolean>; military: Sourced<boolean> };
  /** Where a buyer can collect instead of a doorstep delivery (the app's pickup networks, if any). */
  pickup: Sourced<{ networks: PickupNetwork[]; label: string }>;
  /** Business days in transit per zone 1–8, a template the merchant adjusts to their origin. */
  transitByZone: Sourced<TransitRow[]>;
  /** Which surcharges the carrier applies to this service (amounts are the merchant's contract). */
  surcharges: Sourced<SurchargeCode[]>;
  freight?: { levels: FreightLevel[]; appointmentLeadDays: number };
  /** Pages the figures were checked against (and third-party pages named in notes). */
  sources: string[];
}
