import type { MarkupConfig } from "../types";
import { applyBasisPoints } from "./money";

/**
 * Merchant markup on a quote's carrier cost: percentage (rounded half away from zero) then fixed amount; the
 * result is clamped at 0 so a discount can make shipping free but never negative.
 *
 * @example
 * applyMarkup(1000, { basisPoints: 1000, fixedCents: 50 }); // { totalCents: 1150, markupCents: 150 }
 */
export function applyMarkup(
  costCents: number,
  markup: MarkupConfig,
): { totalCents: number; markupCents: number } {
  const totalCents = Math.max(
    0,
    costCents + applyBasisPoints(costCents, markup.basisPoints) + markup.fixedCents,
  );
  return { totalCents, markupCents: totalCents - costCents };
}

/**
 * Markup of a plan whose shipments may ride services with their own markup. Each markup is applied once, like
 * `applyMarkup`, to the summed carrier cost of the shipments it governs: the shop's to the shipments of services
 * without one, each service's own to that service's shipments. A plan without service markups is priced exactly
 * as `applyMarkup(total, shopMarkup)`. The total is clamped at 0.
 *
 * @example
 * applyPlanMarkup([{ costCents: 1000, markup: { basisPoints: 2000, fixedCents: 0 } }], { basisPoints: 1000, fixedCents: 50 });
 * // { totalCents: 1200, markupCents: 200 }
 */
export function applyPlanMarkup(
  shipments: readonly { costCents: number; markup?: MarkupConfig | undefined }[],
  shopMarkup: MarkupConfig,
): { totalCents: number; markupCents: number } {
  const groups = new Map<MarkupConfig, number>();
  let costCents = 0;
  for (const s of shipments) {
    const markup = s.markup ?? shopMarkup;
    groups.set(markup, (groups.get(markup) ?? 0) + s.costCents);
    costCents += s.costCents;
  }
  let markupCents = 0;
  for (const [markup, cents] of groups)
    markupCents += applyBasisPoints(cents, markup.basisPoints) + markup.fixedCents;
  const totalCents = Math.max(0, costCents + markupCents);
  return { totalCents, markupCents: totalCents - costCents };
}
