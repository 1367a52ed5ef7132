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
