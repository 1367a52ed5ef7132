import type { ServiceLimits } from "../types";

/** UPS / FedEx Ground parcel maximum: beyond any of these a package is freight-only. */
export const PARCEL_MAX: ServiceLimits = { maxWeightLb: 150, maxLongestIn: 108, maxLengthPlusGirthIn: 165 };

export const DEFAULT_CENTS_PER_DAY = 150;
export const DEFAULT_UNRELIABILITY_CENTS = 1000;
export const DEFAULT_LANE_STATS_MIN_SAMPLES = 20;
export const DEFAULT_COLD_CHAIN_MAX_TRANSIT_DAYS = 2;
/** Assumed on-time share of a lane without statistics. */
export const DEFAULT_ON_TIME_RATE = 0.95;
export const PACKING_CACHE_ENTRIES = 5000;
export const ZONE_MEMO_ENTRIES = 50_000;
