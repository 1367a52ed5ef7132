import { DEFAULT_ON_TIME_RATE } from "../config/defaults";
import type { CompiledService, CompiledShopConfig, CompiledWarehouse } from "../config/types";
import {
  cartSignature,
  ceilInches,
  lengthPlusGirthIn,
  ouncesToBilledPounds,
  type PackedPackage,
} from "../packing";
import { rateShipment } from "../rating";
import { withinServiceLimits } from "../rating/rate-shipment";
import type { RatingRejection, ShipmentRating } from "../rating/types";
import { deliveryDays } from "../transit";
import type { FreightLevel } from "../types";
import type { ShipmentTemplate } from "./cart-plan";
import { areaKeyCount, destinationLeg } from "./destination-leg";
import { scorePlan } from "./scoring";
import { TIER_DEFINITIONS } from "./tiers";
import type {
  DestinationLeg,
  QuoteContext,
  ShipmentAllocation,
  ShipmentEvaluation,
  ShipmentOption,
} from "./types";

const TIER_COUNT = TIER_DEFINITIONS.length;
/** `ShipmentTemplate.candidateMasks` entry not computed yet. */
export const MASK_UNKNOWN = -2;

/** Option memo stride per service: no freight level, then one slot per level. */
const OPTION_STRIDE = 4;
const FREIGHT_LEVEL_SLOT: Readonly<Record<FreightLevel, number>> = {
  THRESHOLD: 1,
  ROOM_OF_CHOICE: 2,
  WHITE_GLOVE: 3,
};

/**
 * Whether a package must go by freight: flagged bulky, or beyond the parcel maximum (150 lb, 108 in longest,
 * 165 in length + girth).
 *
 * @example
 * packageNeedsFreight(sofaPackage, compiled); // true
 */
export function packageNeedsFreight(p: PackedPackage, compiled: CompiledShopConfig): boolean {
  const max = compiled.parcelMax;
  return (
    p.bulky ||
    ouncesToBilledPounds(p.weightOz) > max.maxWeightLb ||
    ceilInches(p.lengthIn) > max.maxLongestIn ||
    lengthPlusGirthIn(p) > max.maxLengthPlusGirthIn
  );
}

/**
 * The cart plan's template of a shipment, with the packing the packing cache gives its contents. The cache decides
 * which packing a signature gets, so it is asked again whenever it has dropped an entry since the template last
 * asked (`PackingCache.generation`); otherwise the template's packing is still the cached one.
 *
 * @example
 * templateFor(ctx, { warehouse: dallas, lines }).packing!.packages.length;
 */
export function templateFor(ctx: QuoteContext, allocation: ShipmentAllocation): ShipmentTemplate {
  const slot = allocation.slot!;
  let template = ctx.plan.templates[slot];
  if (!template) {
    const lines = allocation.lines.map((l) => ({ unit: l.resolved.unit, quantity: l.quantity }));
    template = {
      lines,
      signature: cartSignature(lines),
      packageNeedsFreight: false,
      coldChain: false,
      generation: -1,
      withinLimits: [],
      candidateMasks: new Int32Array(TIER_COUNT * 2).fill(MASK_UNKNOWN),
    };
    ctx.plan.templates[slot] = template;
  }
  const cache = ctx.compiled.packing;
  if (template.generation !== cache.generation) {
    const packing = cache.packBySignature(template.signature, template.lines);
    if (template.packing !== packing) {
      template.packing = packing;
      template.packageNeedsFreight = packing.packages.some((p) => packageNeedsFreight(p, ctx.compiled));
      template.coldChain = packing.packages.some((p) => p.coldChain);
      template.withinLimits = [];
      template.candidateMasks.fill(MASK_UNKNOWN);
      ctx.plan.classes.forget(slot);
    }
    template.generation = cache.generation;
  }
  return template;
}

/**
 * Packs a shipment (once per cart plan) and prepares its per-service option memo. Memoised per quote by
 * warehouse + contents (the cart plan's slot), so tiers share the work.
 *
 * @example
 * evaluateShipment(ctx, { warehouse: dallas, lines }).packing.packages.length;
 */
export function evaluateShipment(ctx: QuoteContext, allocation: ShipmentAllocation): ShipmentEvaluation {
  const slot = allocation.slot!;
  let evaluation = ctx.evaluations[slot];
  if (!evaluation) {
    const template = templateFor(ctx, allocation);
    const packing = template.packing!;
    for (const name of packing.oversizeUnits) {
      ctx.issues.add("ITEM_EXCEEDS_CARTONS", "info", `${name} fits no carton: ships in its own packaging`);
    }
    evaluation = {
      allocation,
      packing,
      needsFreight: ctx.freightOnly === true || template.packageNeedsFreight,
      coldChain: template.coldChain,
      options: new Array<ShipmentOption | null | undefined>(ctx.compiled.services.length * OPTION_STRIDE),
      best: new Array<ShipmentOption | null | undefined>(TIER_COUNT),
    };
    ctx.evaluations[slot] = evaluation;
  }
  return evaluation;
}

/**
 * Rates one shipment with one service (and freight level), or returns null with the reason recorded as an
 * issue. Order of checks: warehouse can tender the mode (and the freight level) → destination served (PO box / military / coverage) →
 * zone has a transit row → cold-chain speed → package limits and zone price (rating) → dates.
 *
 * @example
 * const option = shipmentOption(ctx, evaluation, upsGround);
 * option?.plan.costCents;
 */
export function shipmentOption(
  ctx: QuoteContext,
  evaluation: ShipmentEvaluation,
  service: CompiledService,
  freightLevel?: FreightLevel,
): ShipmentOption | null {
  const memoKey = service.index * OPTION_STRIDE + (freightLevel ? FREIGHT_LEVEL_SLOT[freightLevel] : 0);
  const memo = evaluation.options[memoKey];
  if (memo !== undefined) return memo;
  const option = computeOption(ctx, evaluation, service, freightLevel);
  evaluation.options[memoKey] = option;
  return option;
}

type Rated = ShipmentRating | RatingRejection;
const SHIP_DAY_ORIGIN = 20_365;
const ratingsByPackages = new WeakMap<readonly PackedPackage[], Map<number, Rated>>();
const MAX_RATINGS_PER_PACKING = 4096;

/**
 * `rateShipment` of these packages, shared across quotes: a rating depends on the packages and the service, and
 * on the destination only through the zone, the residential flag, the area surcharge that applies to the ZIP, the
 * ship day (peak windows) and the freight level, which make up the key. Bounded per packing.
 */
function ratingFor(
  ctx: QuoteContext,
  packages: readonly PackedPackage[],
  service: CompiledService,
  leg: DestinationLeg,
  freightLevel: FreightLevel | undefined,
): Rated {
  const { zone, shipDay: ship } = leg;
  const level = freightLevel ? FREIGHT_LEVEL_SLOT[freightLevel] : 0;
  const cacheable =
    !service.ratingUsesDestZip && Number.isInteger(zone) && zone >= 0 && zone < 64 && Number.isInteger(ship);
  // The ship day counts from 2025-10-04 (day 20,365), so keys of the coming years stay small integers (a key
  // beyond 2^30 is a heap number: allocated and hashed as a double on every lookup). Any day still gets its own key.
  const key = cacheable
    ? (((((ship - SHIP_DAY_ORIGIN) * 2 + (ctx.dest.residential ? 1 : 0)) * areaKeyCount(service) +
        leg.areaIndex +
        1) *
        OPTION_STRIDE +
        level) *
        ctx.compiled.services.length +
        service.index) *
        64 +
      zone
    : -1;
  let ratings = ratingsByPackages.get(packages);
  const known = cacheable ? ratings?.get(key) : undefined;
  if (known) return known;
  const rating = rateShipment(service, packages, zone, {
    destZip: ctx.dest.zip.zip,
    residential: ctx.dest.residential,
    shipDay: ship,
    ...(freightLevel ? { freightLevel } : {}),
  });
  if (cacheable) {
    if (!ratings) {
      ratings = new Map();
      ratingsByPackages.set(packages, ratings);
    } else if (ratings.size >= MAX_RATINGS_PER_PACKING) ratings.clear();
    ratings.set(key, rating);
  }
  return rating;
}

/**
 * The checks of `shipmentOption` that depend on the shipment alone, not on the destination: the warehouse tenders
 * the service (and the freight level) and every package is within the service's limits. Cached on the template.
 *
 * @example
 * if (!staticallyCarries(edison, sofaTemplate, uspsGround)) skip(); // the sofa is over USPS's 70 lb
 */
export function staticallyCarries(
  warehouse: CompiledWarehouse,
  template: ShipmentTemplate,
  service: CompiledService,
  freightLevel?: FreightLevel,
): boolean {
  if (!service.warehouseIndexes.has(warehouse.index)) return false;
  if (freightLevel && warehouse.freightLevels && !warehouse.freightLevels.has(freightLevel)) return false;
  let within = template.withinLimits[service.index];
  if (within === undefined) {
    within = withinServiceLimits(service, template.packing!.packages);
    template.withinLimits[service.index] = within;
  }
  return within;
}

function computeOption(
  ctx: QuoteContext,
  evaluation: ShipmentEvaluation,
  service: CompiledService,
  freightLevel: FreightLevel | undefined,
): ShipmentOption | null {
  const { warehouse } = evaluation.allocation;
  const cfg = service.config;
  const { issues, dest } = ctx;
  if (!service.warehouseIndexes.has(warehouse.index)) return null;
  // A freight level is offered only where both the service and the warehouse can arrange it.
  if (freightLevel && warehouse.freightLevels && !warehouse.freightLevels.has(freightLevel)) return null;
  const leg = destinationLeg(ctx, warehouse, service);
  if (!leg) return null;
  const { zone, transit, shipDay: ship } = leg;
  if (evaluation.coldChain && transit.max > ctx.compiled.strategy.coldChainMaxTransitDays) {
    // Once per leg and quote: the same message again would be dropped as a duplicate.
    if (!leg.coldChainReported) {
      leg.coldChainReported = true;
      issues.add(
        "COLD_CHAIN_TOO_SLOW",
        "info",
        `${cfg.name} takes up to ${transit.max} business days: too slow for cold-chain items`,
        cfg.carrier,
      );
    }
    return null;
  }
  const rating = ratingFor(ctx, evaluation.packing.packages, service, leg, freightLevel);
  if ("reason" in rating) {
    // A shared rejection reports the same message each time: once per quote is enough.
    const reported = (ctx.reportedRejections ??= new Set());
    if (!reported.has(rating)) {
      reported.add(rating);
      if (rating.reason === "LIMIT")
        issues.add("SERVICE_LIMIT_EXCEEDED", "info", rating.message, cfg.carrier);
      else issues.add("ZONE_NOT_RATED", "warning", rating.message, cfg.carrier);
    }
    return null;
  }
  if (leg.maxDay === undefined) {
    const days = deliveryDays(ship, transit, service.appointmentLeadDays, service.calendar);
    // Never promise a day before today at the destination (time zones can put it a day ahead of the warehouse).
    leg.minDay = Math.max(days.minDay, dest.today);
    leg.maxDay = Math.max(days.maxDay, leg.minDay);
  }
  const { minDay, maxDay } = leg as { minDay: number; maxDay: number };
  const onTimeRate = transit.onTimeRate ?? DEFAULT_ON_TIME_RATE;
  const score = scorePlan(
    ctx.compiled.strategy,
    { priceCents: rating.costCents, days: maxDay - dest.today, onTimeRate },
    undefined,
  );
  // No object spread here: this literal is built for every rated option.
  const option: ShipmentOption = {
    service,
    warehouse,
    zone,
    rating,
    transit,
    shipDay: ship,
    minDay,
    maxDay,
    onTimeRate,
    costCents: rating.costCents,
    score,
  };
  if (freightLevel) option.freightLevel = freightLevel;
  return option;
}
