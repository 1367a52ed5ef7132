import type { CompiledService } from "../config/types";
import type { PackedPackage } from "../packing";
import { ceilInches, dimWeightLb, ouncesToBilledPounds } from "../packing";
import type { RatedPackage } from "../types";
import { limitBreach } from "./eligibility";
import { lookupRate } from "./rate-card";
import { applyLargePackageMinimums, computeSurcharges } from "./surcharges";
import type { RatingRejection, ShipmentRating, SizedPackage, SurchargeContext } from "./types";

/**
 * Whole-inch sides, length + girth and weights of a package under a service's DIM rule.
 *
 * @example
 * sizePackage({ lengthIn: 12.2, widthIn: 10, heightIn: 6, weightOz: 40, … }, { dimDivisor: 139, dimMinCubicIn: 0 });
 * // { sidesIn: [13, 10, 6], lengthPlusGirthIn: 45, actualLb: 3, dimLb: 6, billableLb: 6 }
 */
export function sizePackage(
  p: PackedPackage,
  rule: { dimDivisor: number; dimMinCubicIn: number },
): SizedPackage {
  let a = ceilInches(p.lengthIn);
  let b = ceilInches(p.widthIn);
  let c = ceilInches(p.heightIn);
  // Three-element sort by hand: this runs for every package × service × quote.
  if (a < b) [a, b] = [b, a];
  if (b < c) [b, c] = [c, b];
  if (a < b) [a, b] = [b, a];
  const actualLb = ouncesToBilledPounds(p.weightOz);
  const cubicIn = a * b * c;
  const dimLb = dimWeightLb(cubicIn, rule);
  return {
    sidesIn: [a, b, c],
    lengthPlusGirthIn: a + 2 * (b + c),
    actualLb,
    dimLb,
    billableLb: Math.max(actualLb, dimLb),
  };
}

/**
 * Rates a set of packages with one service to one zone: limits → DIM/billable weights → large-package
 * minimums → base from the rate card (per package, or the shipment's total billable weight for LTL) →
 * surcharges (incl. fuel). Integer cents throughout. Returns a rejection (as data) when a package breaks a
 * limit or the card has no price for the zone.
 *
 * @example
 * const r = rateShipment(upsGround, packages, 4, { destZip: "75201", residential: true, shipDay });
 * if ("costCents" in r) r.costCents;
 */
export function rateShipment(
  service: CompiledService,
  packages: readonly PackedPackage[],
  zone: number,
  ctx: SurchargeContext,
): ShipmentRating | RatingRejection {
  const cfg = service.config;
  const sized = packages.map((p) => sizePackage(p, cfg));
  for (const s of sized) {
    const breach = limitBreach(s, cfg.limits);
    if (breach) return { reason: "LIMIT", message: `${cfg.name}: ${breach}` };
  }
  const largeFlags = applyLargePackageMinimums(service.surcharges, sized);
  let baseCents = 0;
  if (service.rateCard.basis === "PER_SHIPMENT") {
    const totalLb = sized.reduce((sum, s) => sum + s.billableLb, 0);
    const price = lookupRate(service.rateCard, zone, totalLb);
    if (price === undefined)
      return { reason: "ZONE_NOT_RATED", message: `${cfg.name}: no price for zone ${zone}` };
    baseCents = price;
  } else {
    for (const s of sized) {
      const price = lookupRate(service.rateCard, zone, s.billableLb);
      if (price === undefined)
        return { reason: "ZONE_NOT_RATED", message: `${cfg.name}: no price for zone ${zone}` };
      baseCents += price;
    }
  }
  const surcharges = computeSurcharges(service.surcharges, sized, largeFlags, baseCents, ctx);
  const costCents = surcharges.reduce((sum, s) => sum + s.amountCents, baseCents);
  const rated: RatedPackage[] = packages.map((p, i) => ({
    cartonId: p.cartonId,
    lengthIn: p.lengthIn,
    widthIn: p.widthIn,
    heightIn: p.heightIn,
    weightOz: Math.round(p.weightOz * 100) / 100,
    actualLb: sized[i].actualLb,
    dimLb: sized[i].dimLb,
    billableLb: sized[i].billableLb,
    contents: p.contents,
  }));
  return { packages: rated, baseCents, surcharges, costCents };
}
