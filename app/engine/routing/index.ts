export { quote, quoteShipping, type QuoteOptions } from "./quote";
export { Allocator } from "./allocate";
export { scorePlan, STRATEGY_WEIGHTS, type PlanMetrics } from "./scoring";
export { TIER_DEFINITIONS } from "./tiers";
export { fallbackTimeZone, fallbackWindow } from "./fallback-window";
export { packageNeedsFreight } from "./evaluate-shipment";
export { zoneGaps, type ZoneGap } from "./zone-coverage";
export type { Allocation, PlanCandidate, ShipmentAllocation, TierDefinition } from "./types";
