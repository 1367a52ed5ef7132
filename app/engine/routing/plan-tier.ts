import type { CompiledService } from "../config/types";
import { applyMarkup, applyPlanMarkup } from "../rating";
import { applyBasisPoints } from "../rating/money";
import type { CartPlan } from "./cart-plan";
import { evaluateShipment, shipmentOption } from "./evaluate-shipment";
import { scorePlan } from "./scoring";
import type {
  Allocation,
  PlanCandidate,
  QuoteContext,
  ShipmentEvaluation,
  ShipmentOption,
  TierDefinition,
} from "./types";

/**
 * Services that may carry a shipment in a tier. Parcel tiers: the tier's services, none if the shipment needs
 * freight. Freight tiers: freight services offering the level for shipments that need freight; the others
 * (e.g. the mugs shipped from another warehouse next to a sofa) ride the STANDARD services.
 */
function candidateServices(
  ctx: QuoteContext,
  def: TierDefinition,
  evaluation: ShipmentEvaluation,
): CompiledService[] {
  const byTier = ctx.compiled.servicesByTier;
  if (!def.freightLevel) return evaluation.needsFreight ? [] : (byTier.get(def.serviceTier) ?? []);
  if (!evaluation.needsFreight) return byTier.get("STANDARD") ?? [];
  return (byTier.get("FREIGHT") ?? []).filter((s) => s.config.freight?.levels.includes(def.freightLevel!));
}

/** The tier's best option for a shipment, memoised per quote (options are memoised, so this only saves the walk). */
function bestOption(
  ctx: QuoteContext,
  def: TierDefinition,
  evaluation: ShipmentEvaluation,
): ShipmentOption | null {
  const memo = evaluation.best.get(def.code);
  if (memo !== undefined) return memo;
  const best = computeBestOption(ctx, def, evaluation);
  evaluation.best.set(def.code, best);
  return best;
}

function computeBestOption(
  ctx: QuoteContext,
  def: TierDefinition,
  evaluation: ShipmentEvaluation,
): ShipmentOption | null {
  let best: ShipmentOption | null = null;
  for (const service of candidateServices(ctx, def, evaluation)) {
    const level = def.freightLevel && service.config.mode === "FREIGHT" ? def.freightLevel : undefined;
    const option = shipmentOption(ctx, evaluation, service, level);
    // Ties go to the earlier service in the config (stable, deterministic).
    if (option && (!best || option.score < best.score)) best = option;
  }
  return best;
}

function planFor(ctx: QuoteContext, def: TierDefinition, allocation: Allocation): PlanCandidate | null {
  const shipments: ShipmentOption[] = [];
  for (const shipment of allocation) {
    const option = bestOption(ctx, def, evaluateShipment(ctx, shipment));
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
 * All feasible plans of the smallest shipment count that has any, best first. Precedence: fewer shipments
 * beats any score (one warehouse if one can serve the tier); within a count, the scoring function; ties by
 * warehouse order in the config.
 *
 * @example
 * const [best, runnerUp] = plansForTier(ctx, TIER_DEFINITIONS[1], ctx.plan);
 */
export function plansForTier(ctx: QuoteContext, def: TierDefinition, plan: CartPlan): PlanCandidate[] {
  for (let size = 1; size <= plan.allocator.maxShipments; size += 1) {
    const plans: PlanCandidate[] = [];
    for (const allocation of plan.group(size)) {
      const plan = planFor(ctx, def, allocation);
      if (plan) plans.push(plan);
    }
    if (plans.length > 0) return plans.sort((a, b) => a.score - b.score);
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
