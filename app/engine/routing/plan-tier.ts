import { applyMarkup, applyPlanMarkup } from "../rating";
import { applyBasisPoints } from "../rating/money";
import type { CartPlan } from "./cart-plan";
import { candidateServices, levelFor } from "./candidate-services";
import { evaluateShipment, shipmentOption } from "./evaluate-shipment";
import { allocationMayBeCarried } from "./may-be-carried";
import { scorePlan } from "./scoring";
import { TIER_DEFINITIONS } from "./tiers";
import type {
  Allocation,
  PlanCandidate,
  QuoteContext,
  ShipmentEvaluation,
  ShipmentOption,
  TierDefinition,
} from "./types";

/** The tier's best option for a shipment, memoised per quote (options are memoised, so this only saves the walk). */
function bestOption(
  ctx: QuoteContext,
  def: TierDefinition,
  tierIndex: number,
  evaluation: ShipmentEvaluation,
): ShipmentOption | null {
  const memo = evaluation.best[tierIndex];
  if (memo !== undefined) return memo;
  const best = computeBestOption(ctx, def, evaluation);
  evaluation.best[tierIndex] = best;
  return best;
}

function computeBestOption(
  ctx: QuoteContext,
  def: TierDefinition,
  evaluation: ShipmentEvaluation,
): ShipmentOption | null {
  let best: ShipmentOption | null = null;
  for (const service of candidateServices(ctx, def, evaluation.needsFreight)) {
    const option = shipmentOption(ctx, evaluation, service, levelFor(def, service));
    // Ties go to the earlier service in the config (stable, deterministic).
    if (option && (!best || option.score < best.score)) best = option;
  }
  return best;
}

function planFor(
  ctx: QuoteContext,
  def: TierDefinition,
  tierIndex: number,
  allocation: Allocation,
): PlanCandidate | null {
  const shipments: ShipmentOption[] = [];
  for (const shipment of allocation) {
    const option = bestOption(ctx, def, tierIndex, evaluateShipment(ctx, shipment));
    if (!option) return null;
    shipments.push(option);
  }
  // Plain loops: this runs for every allocation of every tier.
  let carrierCostCents = 0;
  let ownMarkup = false;
  let minDay = Number.NEGATIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  // The order is on time only if every shipment is.
  let onTimeRate = 1;
  for (const s of shipments) {
    carrierCostCents += s.costCents;
    if (s.service.config.markup) ownMarkup = true;
    if (s.minDay > minDay) minDay = s.minDay;
    if (s.maxDay > maxDay) maxDay = s.maxDay;
    onTimeRate *= s.onTimeRate;
  }
  // Plans are priced by the thousand per quote: only a plan riding a service with its own markup needs grouping.
  const { totalCents, markupCents } = ownMarkup
    ? applyPlanMarkup(
        shipments.map((s) => ({ costCents: s.costCents, markup: s.service.config.markup })),
        ctx.compiled.config.markup,
      )
    : applyMarkup(carrierCostCents, ctx.compiled.config.markup);
  const score = scorePlan(
    ctx.compiled.strategy,
    { priceCents: totalCents, days: maxDay - ctx.dest.today, onTimeRate },
    ctx.targetCents,
  );
  return {
    allocation,
    shipments,
    carrierCostCents,
    markupCents,
    totalCents,
    minDay,
    maxDay,
    onTimeRate,
    score,
  };
}

/**
 * Sorts plans by score, best first, in place; equal scores keep their order (as `Array.prototype.sort`, which also
 * allocates a work array per call: this runs for every tier of every quote, on a handful of plans).
 */
function sortByScore(plans: PlanCandidate[]): PlanCandidate[] {
  for (let i = 1; i < plans.length; i += 1) {
    const plan = plans[i];
    let j = i - 1;
    while (j >= 0 && plans[j].score > plan.score) {
      plans[j + 1] = plans[j];
      j -= 1;
    }
    plans[j + 1] = plan;
  }
  return plans;
}

/**
 * All feasible plans of the smallest shipment count that has any, best first. Precedence: fewer shipments
 * beats any score (one warehouse if one can serve the tier); within a count, the scoring function; ties by
 * warehouse order in the config.
 *
 * @example
 * const [best, runnerUp] = plansForTier(ctx, TIER_DEFINITIONS[1], ctx.plan);
 */
export function plansForTier(ctx: QuoteContext, def: TierDefinition, plan: CartPlan): PlanCandidate[] {
  const tierIndex = TIER_DEFINITIONS.indexOf(def);
  const maxShipments = plan.allocator.maxShipments;
  for (let size = 1; size <= maxShipments; size += 1) {
    const plans: PlanCandidate[] = [];
    const allocations = plan.group(size);
    if (ctx.prune) {
      // Skipping an allocation that cannot be carried changes only which rejections reach `issues`.
      const group = plan.groupSlots(size);
      const masks = plan.classes.classMasks(
        size,
        tierIndex * 2 + (ctx.freightOnly === true ? 1 : 0),
        allocations.length,
        ctx.compiled.packing.generation,
      );
      for (let a = 0; a < allocations.length; a += 1) {
        if (!allocationMayBeCarried(ctx, def, tierIndex, group, masks, a)) continue;
        const candidate = planFor(ctx, def, tierIndex, allocations[a]);
        if (candidate) plans.push(candidate);
      }
    } else
      for (const allocation of allocations) {
        const candidate = planFor(ctx, def, tierIndex, allocation);
        if (candidate) plans.push(candidate);
      }
    if (plans.length > 1) return sortByScore(plans);
    if (plans.length === 1) return plans;
  }
  return [];
}

/**
 * The shop's cost target in cents for an order value, if it has one.
 *
 * @example
 * costTargetCents(10_000, 1200); // 1200
 */
export function costTargetCents(
  orderValueCents: number,
  basisPoints: number | undefined,
): number | undefined {
  return basisPoints === undefined ? undefined : applyBasisPoints(orderValueCents, basisPoints);
}
