import type { PickupNetwork, PickupNetworkRule } from "./types";

/** Every network, in display order. */
export const PICKUP_NETWORKS: readonly PickupNetwork[] = [
  "AMAZON_LOCKER",
  "UPS_ACCESS_POINT",
  "FEDEX_HOLD_AT_LOCATION",
  "USPS_HOLD_FOR_PICKUP",
];

/** Buyer-facing network names. */
export const PICKUP_NETWORK_LABELS: Record<PickupNetwork, string> = {
  AMAZON_LOCKER: "Amazon Hub Locker",
  UPS_ACCESS_POINT: "UPS Access Point",
  FEDEX_HOLD_AT_LOCATION: "FedEx Hold at Location",
  USPS_HOLD_FOR_PICKUP: "USPS Hold for Pickup",
};

const NO_VALUABLES = { excludeFragile: true, excludeValuable: true, excludeColdChain: true } as const;

/**
 * The carriers' published locker / counter rules (docs/carrier-rules.md), as data. A shop starts from these with every
 * network disabled; the merchant's saved settings replace any setting field (`strictLimits` and
 * `maxLengthPlusGirthIn` are the carrier's and are not settings). Amazon's limits are "under" values, so a
 * parcel exactly at one is refused. USPS Hold for Pickup uses the USPS Ground Advantage parcel limits
 * (70 lb, 130 in length + girth, longest side 108 in like Priority Mail).
 *
 * @example
 * DEFAULT_PICKUP_RULES.AMAZON_LOCKER.maxWeightLb; // 10
 */
export const DEFAULT_PICKUP_RULES: Record<PickupNetwork, PickupNetworkRule> = {
  AMAZON_LOCKER: {
    network: "AMAZON_LOCKER",
    carrier: "AMAZON",
    enabled: false,
    maxWeightLb: 10,
    maxLongestIn: 16,
    maxDimensionsIn: [16, 14, 12],
    maxValueCents: 500_000,
    holdDays: 3,
    holdDaysKind: "CALENDAR",
    maxDistanceMiles: 10,
    ...NO_VALUABLES,
    strictLimits: true,
  },
  UPS_ACCESS_POINT: {
    network: "UPS_ACCESS_POINT",
    carrier: "UPS",
    enabled: false,
    maxWeightLb: 44,
    maxLongestIn: 38,
    maxDimensionsIn: null,
    maxValueCents: null,
    holdDays: 7,
    holdDaysKind: "CALENDAR",
    maxDistanceMiles: 15,
    ...NO_VALUABLES,
  },
  FEDEX_HOLD_AT_LOCATION: {
    network: "FEDEX_HOLD_AT_LOCATION",
    carrier: "FEDEX",
    enabled: false,
    maxWeightLb: 55,
    maxLongestIn: 108,
    maxDimensionsIn: null,
    maxValueCents: null,
    holdDays: 5,
    holdDaysKind: "BUSINESS",
    maxDistanceMiles: 15,
    ...NO_VALUABLES,
  },
  USPS_HOLD_FOR_PICKUP: {
    network: "USPS_HOLD_FOR_PICKUP",
    carrier: "USPS",
    enabled: false,
    maxWeightLb: 70,
    maxLongestIn: 108,
    maxDimensionsIn: null,
    maxValueCents: null,
    holdDays: 5,
    holdDaysKind: "CALENDAR",
    maxDistanceMiles: 15,
    ...NO_VALUABLES,
    maxLengthPlusGirthIn: 130,
  },
};

/**
 * "FedEx" / "FEDEX" / "Fed Ex" → "FEDEX": carrier names compare on letters only.
 *
 * @example
 * carrierKey("Fed Ex"); // "FEDEX"
 */
export function carrierKey(carrier: string): string {
  return carrier.toUpperCase().replace(/[^A-Z]/g, "");
}

/**
 * Whether `value` names a known network.
 *
 * @example
 * isPickupNetwork("UPS_ACCESS_POINT"); // true
 */
export function isPickupNetwork(value: unknown): value is PickupNetwork {
  return typeof value === "string" && (PICKUP_NETWORKS as readonly string[]).includes(value);
}
