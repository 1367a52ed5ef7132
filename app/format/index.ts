// Text for people (buyers, merchants, CLI users): one formatter per concept.
export { centsToDollarsInput, formatMoney } from "./money";
export { serviceLabel } from "./service-label";
export { TIER_CODES, tierName } from "./tiers";
export { US_TIME_ZONES } from "./time-zones";
