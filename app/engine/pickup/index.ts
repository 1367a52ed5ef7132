/** Pickup points: per-network eligibility rules as data and the nearest-point search. Pure. */
export {
  DEFAULT_PICKUP_RULES,
  PICKUP_NETWORKS,
  PICKUP_NETWORK_LABELS,
  carrierKey,
  isPickupNetwork,
} from "./network-rules";
export { PickupPointIndex, type NearbyPoint } from "./point-index";
export { carrierPlanFor } from "./carrier-plan";
export {
  CART_RULES,
  PLAN_RULES,
  evaluateNetwork,
  pickupCartFacts,
  pickupDestination,
  type PickupCartFacts,
} from "./eligibility";
export { checkPickupChoice, findPickupOptions, type PickupChoiceCheck } from "./find-pickup-points";
export type * from "./types";
export {
  DEFAULT_PICKUP_RELIABILITY,
  pointReliability,
  rankByReliability,
  type PickupReliabilityRule,
  type PointPickupStats,
  type PointReliability,
} from "./pickup-reliability";
export { MAX_LOCATOR_AREAS, centralZipOf, locatorSearchAreas, type LocatorArea } from "./locator-areas";
