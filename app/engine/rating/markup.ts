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
