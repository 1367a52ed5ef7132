import { TIER_DEFINITIONS } from "../engine/routing/tiers";
import type { TierCode } from "../engine/types";

const NAMES: ReadonlyMap<string, string> = new Map(TIER_DEFINITIONS.map((d) => [d.code, d.name]));

/** Every buyer-facing tier code, in the engine's display order. */
export const TIER_CODES: readonly TierCode[] = TIER_DEFINITIONS.map((d) => d.code);

/**
 * The buyer-facing name of a tier ("Express", "Freight – room of choice"), read from the engine's tier table.
 *
 * @example
 * tierName("TR_ECONOMY"); // "Economy"
 */
export function tierName(code: string): string {
  return NAMES.get(code) ?? code;
}
