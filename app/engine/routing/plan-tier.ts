import type { CompiledService } from "../config/types";
import { applyMarkup, applyPlanMarkup } from "../rating";
import { applyBasisPoints } from "../rating/money";
import type { CartPlan } from "./cart-plan";
import {
  evaluateShipment,
  legCarries,
  shipmentOption,
  staticallyCarries,
  templateFor,
} from "./evaluate-shipment";
import { scorePlan } from "./scoring";
import { TIER_DEFINITIONS } from "./tiers";

const TIER_COUNT = TIER_DEFINITIONS.length;
import type {
  Allocation,
  PlanCandidate,
  QuoteContext,
  ShipmentAllocation,
  ShipmentEvaluation,
  ShipmentOption,
  TierDefinition,
} from "./types";

const freightServicesByLevel = new WeakMap<object, Map<string, CompiledService[]>>();

/**
 * Services that may carry a shipment in a tier. Parcel tiers: the tier's services, none if the shipment needs
 * freight. Freight tiers: freight services offering the level for shipments that need freight; the others
 * (e.g. the mugs shipped from another warehouse next to a sofa) ride the STANDARD services.
 */
function candidateServices(ctx: QuoteContext, def: TierDefinition, needsFreight: boolean): CompiledService[] {
  const byTier = ctx.compiled.servicesByTier;
  if (!def.freightLevel) return needsFreight ? [] : (byTier.get(def.serviceTier) ?? []);
  if (!needsFreight) return byTier.get("STANDARD") ?? [];
  // Per compiled config and level, so the filter does not run for every shipment of every quote.
  let byLevel = freightServicesByLevel.get(byTier);
  if (!byLevel) {
    byLevel = new Map();
    freightServicesByLevel.set(byTier, byLevel);
  }
  let services = byLevel.get(def.freightLevel);
  if (!services) {
    services = (byTier.get("FREIGHT") ?? []).filter((s) =>
      s.config.freight?.levels.includes(def.freightLevel!),
    );
    byLevel.set(def.freightLevel, services);
  }
  return services;
}

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
    const level = def.freightLevel && service.config.mode === "FREIGHT" ? def.freightLevel : undefined;
    const option = shipmentOption(ctx, evaluation, service, level);
    // Ties go to the earlier service in the config (stable, deterministic).
    if (option && (!best || option.score < best.score)) best = option;
  }
  return best;
}

const MAY = 1;
const CANNOT = 2;

/**
 * For `ctx.prune`: false when some shipment of the allocation certainly has no option in the tier, so `planFor`
 * would return null: no candidate service passes the shipment's own checks (`staticallyCarries`, kept per cart
 * plan as a bit mask per tier) and the destination's (`legCarries`). Memoised per quote by slot and tier; needs the
 * shipment's packing only, not its evaluation.
 */
function mayBeCarried(
  ctx: QuoteContext,
  def: TierDefinition,
  tierIndex: number,
  allocation: Allocation,
): boolean {
  for (const shipment of allocation) {
    const key = shipment.slot! * TIER_COUNT + tierIndex;
    if (key >= ctx.mayServe.length) {
      const grown = new Uint8Array(Math.max(key + 1, ctx.plan.slots.length * TIER_COUNT));
      grown.set(ctx.mayServe);
      ctx.mayServe = grown;
    }
    let may = ctx.mayServe[key];
    if (may === 0) {
      const known = ctx.evaluations[shipment.slot!]?.best[tierIndex];
      may =
        known !== undefined
          ? known === null
            ? CANNOT
            : MAY
          : slotMayBeCarried(ctx, def, tierIndex, shipment);
      ctx.mayServe[key] = may;
    }
    if (may === CANNOT) return false;
  }
  return true;
}

function slotMayBeCarried(
  ctx: QuoteContext,
  def: TierDefinition,
  tierIndex: number,
  shipment: ShipmentAllocation,
): number {
  const template = templateFor(ctx, shipment);
  const needsFreight = ctx.freightOnly === true || template.packageNeedsFreight;
  const services = ctx.compiled.services;
  const maskKey = tierIndex * 2 + (needsFreight ? 1 : 0);
  let mask = template.candidateMasks[maskKey];
  if (mask === undefined) {
    // One bit per service index (a shop with more than 31 services keeps every bit set: checked one by one).
    mask = services.length > 31 ? -1 : 0;
    if (mask === 0)
      for (const service of candidateServices(ctx, def, needsFreight)) {
        const level = def.freightLevel && service.config.mode === "FREIGHT" ? def.freightLevel : undefined;
        if (staticallyCarries(shipment.warehouse, template, service, level)) mask |= 1 << service.index;
      }
    template.candidateMasks[maskKey] = mask;
  }
  if (mask === 0) return CANNOT;
  for (const service of candidateServices(ctx, def, needsFreight)) {
    if (mask !== -1 && (mask & (1 << service.index)) === 0) continue;
    const level = def.freightLevel && service.config.mode === "FREIGHT" ? def.freightLevel : undefined;
    if (mask === -1 && !staticallyCarries(shipment.warehouse, template, service, level)) continue;
    if (legCarries(ctx, shipment.warehouse, service, template.coldChain)) return MAY;
  }
  return CANNOT;
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
 * All feasible plans of the smallest shipment count that has any, best first. Precedence: fewer shipments
 * beats any score (one warehouse if one can serve the tier); within a count, the scoring function; ties by
 * warehouse order in the config.
 *
 * @example
 * const [best, runnerUp] = plansForTier(ctx, TIER_DEFINITIONS[1], ctx.plan);
 */
export function plansForTier(ctx: QuoteContext, def: TierDefinition, plan: CartPlan): PlanCandidate[] {
  const tierIndex = TIER_DEFINITIONS.indexOf(def);
  for (let size = 1; size <= plan.allocator.maxShipments; size += 1) {
    const plans: PlanCandidate[] = [];
    for (const allocation of plan.group(size)) {
      // Skipping an allocation that cannot be carried changes only which rejections reach `issues`.
      if (ctx.prune && !mayBeCarried(ctx, def, tierIndex, allocation)) continue;
      const plan = planFor(ctx, def, tierIndex, allocation);
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
