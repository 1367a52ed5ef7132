import { STATE_TIME_ZONES } from "../engine/geo/state-time-zones";

/**
 * The IANA time zones a US warehouse can be in, from the engine's state table (so a zone the engine derives for a
 * ZIP is always one the admin offers), in order of first appearance.
 */
export const US_TIME_ZONES: readonly string[] = [...new Set(Object.values(STATE_TIME_ZONES))];
