import type { ResolvedStrategy } from "../config/types";
import type { StrategyKind } from "../types";

/** Weights of the scoring function per strategy ("CONFIG" = taken from the shop's strategy settings). */
export const STRATEGY_WEIGHTS: Readonly<
  Record<
    StrategyKind,
    {
      cost: number;
      perDayCents: number | "CONFIG";
      unreliabilityCents: number | "CONFIG";
      overTarget: number;
    }
  >
> = {
  // Price decides; a cent per day only breaks ties.
  CHEAPEST: { cost: 1, perDayCents: 1, unreliabilityCents: 0, overTarget: 0 },
  // Days decide ($10,000 per day dwarfs any price gap); price breaks ties.
  FASTEST: { cost: 1, perDayCents: 1_000_000, unreliabilityCents: 0, overTarget: 0 },
  // Price plus what waiting and unreliability are worth; every cent above the cost target counts twice.
  BALANCED: { cost: 1, perDayCents: "CONFIG", unreliabilityCents: "CONFIG", overTarget: 1 },
};

export interface PlanMetrics {
  /** What the buyer pays (after markup), integer cents. */
  priceCents: number;
  /** Calendar days from today (destination time zone) to the latest promised delivery day. */
  days: number;
  /** Probability the promise holds, 0…1. */
  onTimeRate: number;
}

/**
 * The one ranking function (lower is better), in cents-equivalent:
 *
 *   score = cost·price + perDay·days + unreliability·(1 − onTime) + overTarget·max(0, price − target)
 *
 * with weights from `STRATEGY_WEIGHTS`. Used both to pick a service for a shipment and to pick the plan
 * (warehouse choice / split) for a tier.
 *
 * @example
 * scorePlan(balanced, { priceCents: 1200, days: 3, onTimeRate: 0.95 }, 1000);
 * // 1200 + 150·3 + 1000·0.05 + (1200 − 1000) = 1900
 */
export function scorePlan(
  strategy: ResolvedStrategy,
  m: PlanMetrics,
  targetCents: number | undefined,
): number {
  const w = STRATEGY_WEIGHTS[strategy.kind];
  const perDay = w.perDayCents === "CONFIG" ? strategy.centsPerDay : w.perDayCents;
  const unreliability =
    w.unreliabilityCents === "CONFIG" ? strategy.unreliabilityCents : w.unreliabilityCents;
  const over = targetCents === undefined ? 0 : Math.max(0, m.priceCents - targetCents);
  return w.cost * m.priceCents + perDay * m.days + unreliability * (1 - m.onTimeRate) + w.overTarget * over;
}
