import type { IssueList } from "../issues";
import type { PlanCandidate, TierDefinition } from "./types";

export interface TierPlans {
  def: TierDefinition;
  /** Best first. */
  plans: PlanCandidate[];
  /** Every feasible plan before speed filtering, best first: what explanations compare against. */
  alternatives?: PlanCandidate[];
}

/**
 * Keeps the parcel tiers honest: a faster (pricier) tier must promise its latest delivery day no later than
 * every slower tier offered, or a buyer could pay for "Express" and get it after "Standard" would have come.
 * Walking from the slowest tier to the fastest, each tier keeps only the plans whose latest day is no later
 * than the slower tiers'; a tier left with none is withdrawn. (Same latest day is allowed: a 2-day air
 * service that lands on the last day of Priority Mail's 1–3 day range is still the surer promise.)
 * Freight tiers differ by service level, not speed, and pass through.
 *
 * @example
 * // Express's cheapest plan is a 3-day air service while Standard arrives in 1–2 days:
 * // Express switches to a plan that arrives no later than Standard, or is not offered.
 * withDistinctSpeeds([{ def: express, plans }, { def: standard, plans: standardPlans }], issues);
 */
export function withDistinctSpeeds(offered: readonly TierPlans[], issues: IssueList): TierPlans[] {
  const kept: TierPlans[] = [];
  let slowerLatestDay = Number.POSITIVE_INFINITY;
  for (let i = offered.length - 1; i >= 0; i--) {
    const { def, plans } = offered[i];
    if (def.freightLevel !== undefined) {
      kept.unshift(offered[i]);
      continue;
    }
    const faster = plans.filter((p) => p.maxDay <= slowerLatestDay);
    if (faster.length === 0) {
      issues.add(
        "TIER_UNAVAILABLE",
        "info",
        `${def.name}: no service arrives sooner than the slower options`,
      );
      continue;
    }
    kept.unshift({ def, plans: faster, alternatives: plans });
    slowerLatestDay = faster[0].maxDay;
  }
  return kept;
}
