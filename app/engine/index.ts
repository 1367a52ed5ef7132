/**
 * Tailroute engine — public API. Pure TypeScript: data in, data out; `now` is an input.
 *
 * Typical use: `compileShopConfig(config)` once per configuration version, then `quote(compiled, input)` per
 * request.
 */
export { activeConfig, compileShopConfig, PARCEL_MAX, type CompiledShopConfig } from "./config";
export {
  quote,
  quoteShipping,
  scorePlan,
  STRATEGY_WEIGHTS,
  TIER_DEFINITIONS,
  zoneGaps,
  type QuoteOptions,
  type ZoneGap,
} from "./routing";
export { assert, EngineAssertionError } from "./assert";
export {
  classifyAddress,
  greatCircleMiles,
  lookupZip,
  nearestZips,
  normalizeZip,
  STATE_TIME_ZONES,
  timeZoneForZip,
  USPS_ZONE_CHART,
  zoneBetween,
  zoneForMiles,
  type AddressClass,
  type ZipInfo,
} from "./geo";
export {
  billableWeight,
  cartonize,
  DEFAULT_PALLET,
  palletize,
  prepareCartons,
  type PackedPackage,
  type PackUnit,
} from "./packing";
export {
  applyBasisPoints,
  applyMarkup,
  applyPlanMarkup,
  classForDensity,
  compileRateCard,
  cwtCharge,
  explainFreight,
  formatDollars,
  lookupRate,
  NMFC_CLASSES,
  NMFC_DENSITY_SCALE,
  NMFC_DENSITY_SCALE_SOURCE,
} from "./rating";
export { addBusinessDays, compileCalendar, formatDay, localNow, parseDay, shipDay } from "./transit";
export {
  applyTrackingEvent,
  deliveryRisk,
  holdClock,
  HOLD_RULES,
  normalizeRawCode,
  TRACKING_STATUSES,
  type TrackingStatus,
} from "./tracking";
export type * from "./types";
export {
  DEFAULT_PICKUP_RULES,
  PICKUP_NETWORKS,
  PICKUP_NETWORK_LABELS,
  PickupPointIndex,
  checkPickupChoice,
  evaluateNetwork,
  findPickupOptions,
  isPickupNetwork,
  pickupDestination,
  type NetworkEligibility,
  type PickupExclusion,
  type PickupExclusionCode,
  type PickupNetwork,
  type PickupNetworkRule,
  type PickupOption,
  type PickupPointRecord,
  type PickupQueryResult,
} from "./pickup";
