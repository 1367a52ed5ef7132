import type { CartLine, Destination, RatedPackage, TierQuote } from "../types";

/** The pickup networks Tailroute knows (closed union). */
export type PickupNetwork =
  "AMAZON_LOCKER" | "UPS_ACCESS_POINT" | "FEDEX_HOLD_AT_LOCATION" | "USPS_HOLD_FOR_PICKUP";

/**
 * What a network accepts, as data: the carrier defaults (docs/carrier-rules.md) overridden by the merchant's settings.
 * Units in the field names; `maxDimensionsIn` is sorted [longest, middle, shortest].
 */
export interface PickupNetworkRule {
  network: PickupNetwork;
  /** The only carrier that delivers to this network (compared case-insensitively with services' `carrier`). */
  carrier: string;
  enabled: boolean;
  maxWeightLb: number;
  maxLongestIn: number;
  maxDimensionsIn: [number, number, number] | null;
  /** The parcel's value must stay below this; null = no cap. */
  maxValueCents: number | null;
  holdDays: number;
  holdDaysKind: "CALENDAR" | "BUSINESS";
  maxDistanceMiles: number;
  excludeFragile: boolean;
  excludeValuable: boolean;
  excludeColdChain: boolean;
  /**
   * Carrier-defined, not a merchant setting. True when the published limits are "under" (Amazon Hub Locker:
   * < 10 lb, < 16×12×14 in): a parcel exactly at a limit is refused. False/absent: "at most" (≤).
   */
  strictLimits?: boolean;
  /** Carrier-defined: length + girth (longest + 2 × the other two sides) must not exceed this; null = none. */
  maxLengthPlusGirthIn?: number | null;
}

/** A point of the directory, as the engine needs it. */
export interface PickupPointRecord {
  id: string;
  network: PickupNetwork;
  externalId: string;
  name: string;
  address1: string;
  city: string;
  province: string;
  zip: string;
  lat: number;
  lng: number;
  hours: unknown;
  /** Generated sample data (shown labelled as such). */
  isSample?: boolean;
}

/** Why a network (or every point of it) is not offered. Closed union. */
export type PickupExclusionCode =
  | "NETWORK_DISABLED"
  | "CARRIER_CANNOT_SERVE"
  | "PARCEL_TOO_HEAVY"
  | "PARCEL_TOO_LARGE"
  | "VALUE_OVER_CAP"
  | "PRODUCT_NOT_ALLOWED"
  | "NONE_NEARBY";

export interface PickupExclusion {
  network: PickupNetwork;
  code: PickupExclusionCode;
  message: string;
}

/** How the network's carrier would ship the cart (the best parcel plan restricted to that carrier). */
export interface PickupCarrierPlan {
  carrier: string;
  serviceId: string;
  serviceName: string;
  warehouseIds: string[];
  packages: RatedPackage[];
  costCents: number;
  /** The whole tier quote (order routing turns it into Shopify actions). */
  quote: TierQuote;
}

export type NetworkEligibility =
  | { network: PickupNetwork; eligible: true; rule: PickupNetworkRule; plan: PickupCarrierPlan }
  | { network: PickupNetwork; eligible: false; exclusions: PickupExclusion[] };

export interface PickupQueryInput {
  cart: CartLine[];
  destination: Destination;
  now: Date;
  orderValueCents?: number;
  /** At most this many points (nearest first). Default 10. */
  limit?: number;
}

/** An eligible point with its distance from the destination. */
export interface PickupOption {
  point: PickupPointRecord;
  distanceMiles: number;
  carrier: string;
  serviceName: string;
  holdDays: number;
  holdDaysKind: "CALENDAR" | "BUSINESS";
}

export interface PickupQueryResult {
  options: PickupOption[];
  excluded: PickupExclusion[];
  /** Set when the destination cannot be located (unknown ZIP, not US) or the cart is empty. */
  problem?: { code: "UNKNOWN_DESTINATION" | "EMPTY_CART"; message: string };
}
