import { compileShopConfig } from "../config";
import type { CompiledShopConfig, CompiledWarehouse } from "../config/types";
import { IssueList } from "../issues";
import { ceilInches, lengthPlusGirthIn, ouncesToBilledPounds, type ResolvedLine } from "../packing";
import { formatDay, indexLaneStats } from "../transit";
import type { QuoteInput, QuoteResult, ShopConfig, TierQuote } from "../types";
import { resolveCart } from "./cart";
import { cartPlanFor } from "./cart-plan";
import { resolveDestination } from "./destination";
import { optionPlan } from "./option-plan";
import { explainPlan } from "./explain";
import { withDistinctSpeeds, type TierPlans } from "./distinct-speeds";
import { costTargetCents, plansForTier } from "./plan-tier";
import { TIER_DEFINITIONS } from "./tiers";
import type { PlanCandidate, QuoteContext, TierDefinition } from "./types";

function toTierQuote(
  ctx: QuoteContext,
  def: TierDefinition,
  plans: PlanCandidate[],
  alternatives: PlanCandidate[],
  withReasons: boolean,
): TierQuote {
  const best = plans[0];
  // The quote's mode is that of its costliest shipment (what the buyer mostly pays for).
  const main = best.shipments.reduce((a, b) => (b.costCents > a.costCents ? b : a));
  return {
    serviceCode: def.code,
    serviceName: def.name,
    mode: main.service.config.mode,
    totalCents: best.totalCents,
    carrierCostCents: best.carrierCostCents,
    markupCents: best.markupCents,
    currency: ctx.compiled.config.currency,
    delivery: {
      minDate: formatDay(best.minDay),
      maxDate: formatDay(best.maxDay),
      timeZone: ctx.dest.timeZone,
    },
    shipments: best.shipments.map((s) => optionPlan(ctx, s)),
    score: best.score,
    reasons: withReasons
      ? explainPlan(
          ctx,
          best,
          alternatives.filter((p) => p !== best),
        )
      : [],
  };
}

/**
 * The shop's freight thresholds (strategy `freightFromCartWeightLb` / `freightFromParcels`): a message saying
 * which one the cart crossed, or null. Weight is the actual weight of every unit; parcels are counted as if the
 * whole cart were packed together (the packing is cached, so the one-warehouse evaluation reuses it).
 *
 * @example
 * freightThresholdCrossed(compiled, lines); // "Cart weighs 320 lb: the shop ships by freight from 300 lb"
 */
export function freightThresholdCrossed(
  compiled: CompiledShopConfig,
  lines: readonly ResolvedLine[],
): string | null {
  const { freightFromCartWeightLb: minLb, freightFromParcels: minParcels } = compiled.strategy;
  if (minLb !== undefined) {
    const cartOz = lines.reduce((sum, l) => sum + l.unit.weightOz * l.quantity, 0);
    if (cartOz >= minLb * 16)
      return `Cart weighs ${Math.round((cartOz / 16) * 10) / 10} lb: the shop ships by freight from ${minLb} lb`;
  }
  if (minParcels !== undefined) {
    const parcels = compiled.packing.pack(lines.map((l) => ({ unit: l.unit, quantity: l.quantity }))).packages
      .length;
    if (parcels >= minParcels)
      return `Cart packs into ${parcels} parcels: the shop ships by freight from ${minParcels} parcels`;
  }
  return null;
}

/** How much of the diagnosis a caller needs besides the quotes. */
export interface QuoteOptions {
  /**
   * `"all"` (default): every issue, in the order met. `"errors"`: only the `error` issues (why there is no quote at
   * all), which lets the engine skip rating allocations that cannot be carried; the quotes (prices, dates, plans,
   * reasons) are the same. For callers that read nothing but the quotes and errors: the checkout callback.
   */
  issues?: "all" | "errors";
  /**
   * `true` (default): each quote says why in `reasons`. `false`: `reasons` is empty and nothing else changes; for
   * callers that show only prices and dates (the checkout callback: Shopify's rates have no room for them).
   */
  reasons?: boolean;
}

/**
 * Quotes every delivery tier for a cart: locate the destination, resolve and pack the cart, find inventory-
 * feasible warehouse allocations (one warehouse preferred, then the fewest shipments), rate every eligible
 * service, date it, and keep per tier the plan with the best score under the shop's strategy. Tiers with no
 * feasible plan are absent. Problems come back in `issues`, never as exceptions. Pure: same input → same
 * output (`now` is an input).
 *
 * @example
 * const compiled = compileShopConfig(demoShopConfig);
 * const { quotes, issues } = quote(compiled, {
 *   cart: [{ variantId: "44000000000101", sku: "MUG-11OZ", quantity: 2, grams: 350, priceCents: 1800 }],
 *   destination: { country: "US", zip: "75201", state: "TX", addressLines: ["1 Elm St"] },
 *   now: new Date("2026-11-24T15:00:00Z"),
 * });
 * quotes.map((q) => q.serviceCode); // ["TR_EXPRESS", "TR_STANDARD", "TR_ECONOMY"]
 * quote(compiled, input, { issues: "errors" }).quotes; // the same quotes, faster; issues: errors only
 */
export function quote(
  compiled: CompiledShopConfig,
  input: QuoteInput,
  options: QuoteOptions = {},
): QuoteResult {
  const errorsOnly = options.issues === "errors";
  const issues = new IssueList(errorsOnly);
  const dest = resolveDestination(input.destination, input.now, issues, compiled.config.residentialDefault);
  if (!dest) return { quotes: [], issues: issues.toArray() };
  const lines = resolveCart(compiled, input.cart, issues);
  if (lines.length === 0) {
    issues.add("EMPTY_CART", "error", "Nothing in the cart needs shipping");
    return { quotes: [], issues: issues.toArray() };
  }
  let plan = cartPlanFor(compiled, lines);
  let backorderDays: number | undefined;
  if (!plan.coversCart()) {
    if (!input.backorder) {
      issues.add("OUT_OF_STOCK", "error", "The warehouses together do not hold every item in the cart");
      return { quotes: [], issues: issues.toArray() };
    }
    backorderDays = input.backorder.days;
    compiled = backorderedConfig(compiled, backorderDays);
    plan = cartPlanFor(compiled, lines);
    issues.add(
      "BACKORDERED",
      "warning",
      `The warehouses together do not hold every item in the cart: quoted as a backorder, ${backorderDays} business days added to handling`,
    );
  }
  const max = compiled.parcelMax;
  // Per cart plan: the same units against the same parcel maximum (a backorder's config shares it).
  const overParcelLimits = (plan.overParcelLimits ??= lines.some(
    ({ unit }) =>
      unit.bulky ||
      ouncesToBilledPounds(unit.weightOz) > max.maxWeightLb ||
      ceilInches(unit.lengthIn) > max.maxLongestIn ||
      lengthPlusGirthIn(unit) > max.maxLengthPlusGirthIn,
  ));
  if (overParcelLimits)
    issues.add("FREIGHT_REQUIRED", "info", "Bulky or oversize items: freight delivery only");
  // A parcel-count threshold asks the packing cache (as every quote did); a weight threshold is the cart's own.
  const threshold = overParcelLimits
    ? null
    : compiled.strategy.freightFromParcels === undefined
      ? (plan.freightThreshold ??= freightThresholdCrossed(compiled, lines))
      : freightThresholdCrossed(compiled, lines);
  if (threshold) issues.add("FREIGHT_REQUIRED", "info", threshold);
  const cartNeedsFreight = overParcelLimits || threshold !== null;
  const orderValueCents =
    input.orderValueCents ?? lines.reduce((sum, l) => sum + l.line.priceCents * l.quantity, 0);
  const targetCents = costTargetCents(orderValueCents, compiled.strategy.costTargetBasisPoints);
  // One literal shape for every quote (no conditional spreads): absent options are undefined.
  const ctx: QuoteContext = {
    compiled,
    dest,
    now: input.now,
    issues,
    laneStats: input.laneStats ? indexLaneStats(input.laneStats) : undefined,
    orderValueCents,
    targetCents,
    freightOnly: threshold !== null ? true : undefined,
    plan,
    evaluations: [],
    legs: [],
    shipDays: [],
    areaIndexes: [],
    zones: [],
    // Pruning keeps one bit per service: a shop with more than 31 rates every allocation.
    prune: errorsOnly && compiled.services.length <= 31,
    classVerdicts: [],
    liveClasses: 0,
    deadClasses: 0,
    warehouseVerdicts: [],
  };
  const offered: TierPlans[] = [];
  for (const def of TIER_DEFINITIONS) {
    if ((def.freightLevel !== undefined) !== cartNeedsFreight) continue;
    const plans = plansForTier(ctx, def, plan);
    if (plans.length === 0) {
      issues.add("TIER_UNAVAILABLE", "info", `${def.name}: no service can deliver this cart`);
      continue;
    }
    offered.push({ def, plans });
  }
  const quotes: TierQuote[] = withDistinctSpeeds(offered, issues, input.keepTier).map(
    ({ def, plans, alternatives }) => {
      const tier = toTierQuote(ctx, def, plans, alternatives ?? plans, options.reasons !== false);
      return backorderDays === undefined ? tier : { ...tier, backorderDays };
    },
  );
  if (quotes.length === 0)
    issues.add("NO_RATES", "error", "No delivery option can serve this cart and address");
  return { quotes, issues: issues.toArray() };
}

const backorderedByConfig = new WeakMap<CompiledShopConfig, Map<number, CompiledShopConfig>>();

/**
 * The config as a backorder of `days` sees it (every warehouse: stock not counted, handling longer), made once
 * per config and day count so its cart plans are cached like the config's own.
 */
function backorderedConfig(compiled: CompiledShopConfig, days: number): CompiledShopConfig {
  let byDays = backorderedByConfig.get(compiled);
  if (!byDays) {
    byDays = new Map();
    backorderedByConfig.set(compiled, byDays);
  }
  let result = byDays.get(days);
  if (!result) {
    result = { ...compiled, warehouses: compiled.warehouses.map((w) => backordered(w, days)) };
    byDays.set(days, result);
  }
  return result;
}

/** A warehouse as a backorder sees it: stock not counted, handling `days` business days longer. */
function backordered(w: CompiledWarehouse, days: number): CompiledWarehouse {
  const { inventory: _stock, ...rest } = w;
  return { ...rest, config: { ...w.config, handlingDays: w.config.handlingDays + days } };
}

const compiledByConfig = new WeakMap<ShopConfig, CompiledShopConfig>();

/**
 * Convenience wrapper: compiles the config once per object identity (WeakMap) and quotes.
 *
 * @example
 * quoteShipping(demoShopConfig, { cart, destination, now }).quotes[0].totalCents;
 */
export function quoteShipping(config: ShopConfig, input: QuoteInput): QuoteResult {
  let compiled = compiledByConfig.get(config);
  if (!compiled) {
    compiled = compileShopConfig(config);
    compiledByConfig.set(config, compiled);
  }
  return quote(compiled, input);
}
