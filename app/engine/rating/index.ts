export { compileRateCard, lookupRate } from "./rate-card";
export { applyLargePackageMinimums, compileSurcharges, computeSurcharges } from "./surcharges";
export { limitBreach, servesDestination } from "./eligibility";
export { rateShipment, sizePackage } from "./rate-shipment";
export { applyMarkup, applyPlanMarkup } from "./markup";
export { applyBasisPoints, formatDollars } from "./money";
export { explainFreight } from "./explain-freight";
export {
  classForDensity,
  NMFC_CLASSES,
  NMFC_DENSITY_SCALE,
  NMFC_DENSITY_SCALE_SOURCE,
} from "./freight-class-table";
export {
  classifyHandlingUnit,
  compileLtlRates,
  cwtCharge,
  laneRates,
  type CompiledLtlRates,
} from "./ltl-rates";
export type {
  CompiledRateCard,
  CompiledSurcharges,
  RatingRejection,
  ShipmentRating,
  SizedPackage,
  SurchargeContext,
} from "./types";
