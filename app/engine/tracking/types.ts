/** Every normalised tracking status, in the order a parcel normally meets them (exceptions last). */
export const TRACKING_STATUSES = [
  "LABEL_CREATED",
  "OUTBOUND_SCAN",
  "AT_SORT_CENTER",
  "IN_TRANSIT",
  "OUT_FOR_DELIVERY",
  "ATTEMPTED_DELIVERY",
  "REDELIVERY_SCHEDULED",
  "AVAILABLE_FOR_PICKUP",
  "DELIVERED",
  "PICKED_UP",
  "DELAYED",
  "EXCEPTION",
  "RETURN_TO_SENDER",
  "RETURNED",
] as const;

/** The closed union every provider's and carrier's raw code is normalised onto. */
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/** Where a raw code came from: an aggregator (its own normalised codes) or a carrier's scan codes. */
export type TrackingSourceKind = "EASYPOST" | "SHIPPO" | "UPS" | "FEDEX" | "USPS" | "AMAZON";

/** A raw code table: provider/carrier code (lower-cased) → status. */
export type RawCodeTable = Readonly<Record<string, TrackingStatus>>;

/** The result of normalising one raw code: the status, and whether the table knew the code. */
export interface NormalizedCode {
  status: TrackingStatus;
  /** false = the explicit fallback was used (the code is not in the table). */
  known: boolean;
}

/** Pickup networks with a hold clock (docs/carrier-rules.md). */
export type PickupNetwork =
  "AMAZON_LOCKER" | "UPS_ACCESS_POINT" | "FEDEX_HOLD_AT_LOCATION" | "USPS_HOLD_FOR_PICKUP";

/** How long a network holds a parcel: calendar days, or business days (weekends don't count). */
export interface HoldRule {
  days: number;
  dayKind: "CALENDAR" | "BUSINESS";
  /** Expected reverse (return-to-origin) cost as basis points of the outbound carrier cost. */
  reverseCostBasisPoints: number;
}

/** The Shopify Admin API 2026-10 FulfillmentEventStatus values Tailroute sends. */
export type ShopifyFulfillmentEventStatus =
  | "LABEL_PURCHASED"
  | "CARRIER_PICKED_UP"
  | "IN_TRANSIT"
  | "OUT_FOR_DELIVERY"
  | "ATTEMPTED_DELIVERY"
  | "READY_FOR_PICKUP"
  | "DELAYED"
  | "DELIVERED"
  | "FAILURE";
