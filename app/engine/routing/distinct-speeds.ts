import type { IssueList } from "../issues";
import type { TierCode } from "../types";
import type { PlanCandidate, TierDefinition } from "./types";

export interface TierPlans {
  def: TierDefinition;
  /** Best first. */
  plans: PlanCandidate[];
  /** Every feasible plan before speed filtering, best first: what explanations compare against. */
  alternatives?: PlanCandidate[];
}

/**
 * True when plan `b` makes plan `a` pointless: `b` costs the buyer no more and its window is the same or earlier on
 * both ends. `bWinsTies` settles exact ties (same price, same window): the slower tier's plan wins them, so a tier is
 * never offered under a faster name for nothing.
 */
function dominates(b: PlanCandidate, a: PlanCandidate, bWinsTies: boolean): boolean {
  if (b.totalCents > a.totalCents || b.minDay > a.minDay || b.maxDay > a.maxDay) return false;
  return bWinsTies || b.totalCents < a.totalCents || b.minDay < a.minDay || b.maxDay < a.maxDay;
}

/**
 * Keeps the parcel tiers honest: a faster (pricier) tier is offered only when it is faster.
 *
 * 1. Walking from the slowest tier to the fastest, each tier keeps only the plans whose latest day is no later than
 *    the slower tiers' and that no slower tier's chosen plan dominates (as cheap, window the same or earlier on both
 *    ends; an exact tie goes to the slower tier). So a faster tier shows a plan that arrives earlier at either end of
 *    the window (if its best-scoring plan lands on Standard's days, its next plan that beats them), or is withdrawn:
 *    Express at $112 with Standard's "Thu Dec 10 – Fri Dec 11" is not offered.
 * 2. A slower tier that a faster tier's plan dominates (the faster one is cheaper and no later) is withdrawn too.
 *
 * Withdrawn tiers get a `TIER_UNAVAILABLE` info issue. `keepTier` (a tier the buyer already paid for, at order
 * routing) is never withdrawn as dominated. Freight tiers differ by service level, not speed, and pass
 * through.
 *
 * @example
 * // Express's cheapest plan lands on Standard's days at five times the price: Express switches to a plan that
 * // arrives earlier, or is not offered.
 * withDistinctSpeeds([{ def: express, plans }, { def: standard, plans: standardPlans }], issues);
 */
export function withDistinctSpeeds(
  offered: readonly TierPlans[],
  issues: IssueList,
  keepTier?: TierCode,
): TierPlans[] {
  const kept: TierPlans[] = [];
  const slowerChosen: PlanCandidate[] = [];
  let slowerLatestDay = Number.POSITIVE_INFINITY;
  for (let i = offered.length - 1; i >= 0; i--) {
    const { def, plans } = offered[i];
    if (def.freightLevel !== undefined) {
      kept.unshift(offered[i]);
      continue;
    }
    // A tier the buyer already paid for is held only to the latest-day rule, never withdrawn as dominated.
    const paidFor = def.code === keepTier;
    const faster = plans.filter(
      (p) => p.maxDay <= slowerLatestDay && (paidFor || !slowerChosen.some((s) => dominates(s, p, true))),
    );
    if (faster.length === 0) {
      issues.add(
        "TIER_UNAVAILABLE",
        "info",
        `${def.name}: no service arrives sooner than the slower options`,
      );
      continue;
    }
    kept.unshift({ def, plans: faster, alternatives: plans });
    slowerChosen.push(faster[0]);
    slowerLatestDay = faster[0].maxDay;
  }
  return kept.filter((tier, i) => {
    if (tier.def.freightLevel !== undefined || tier.def.code === keepTier) return true;
    const by = kept
      .slice(0, i)
      .find((f) => f.def.freightLevel === undefined && dominates(f.plans[0], tier.plans[0], false));
    if (!by) return true;
    issues.add("TIER_UNAVAILABLE", "info", `${tier.def.name}: ${by.def.name} is as fast for no more`);
    return false;
  });
}
