export { compileRateCard, lookupRate } from "./rate-card";
export { applyLargePackageMinimums, compileSurcharges, computeSurcharges } from "./surcharges";
export { limitBreach, servesDestination } from "./eligibility";
export { rateShipment, sizePackage } from "./rate-shipment";
export { applyMarkup, applyPlanMarkup } from "./markup";
export { applyBasisPoints, formatDollars } from "./money";
export type {
  CompiledRateCard,
  CompiledSurcharges,
  RatingRejection,
  ShipmentRating,
  SizedPackage,
  SurchargeContext,
} from "./types";
