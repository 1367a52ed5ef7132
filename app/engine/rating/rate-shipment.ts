import type { CompiledService } from "../config/types";
import type { PackedPackage } from "../packing";
import { ceilInches, dimWeightLb, ouncesToBilledPounds, palletize } from "../packing";
import type { FreightRating, RatedPackage } from "../types";
import { limitBreach } from "./eligibility";
import { classifyHandlingUnit, cwtCharge, laneRates } from "./ltl-rates";
import { lookupRate, tierIndex } from "./rate-card";
import { sharedHandlingUnits, sharedRatedPackages } from "./shared-package-parts";
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
 * Whether every package is within the service's limits (weight, longest side, length + girth): exactly the check
 * that makes `rateShipment` return a `LIMIT` rejection, which depends on the packages alone, not on the destination.
 *
 * @example
 * withinServiceLimits(uspsGroundAdvantage, [sofaBox]); // false: weight 75 lb > 70 lb
 */
export function withinServiceLimits(service: CompiledService, packages: readonly PackedPackage[]): boolean {
  const cfg = service.config;
  for (const p of packages) if (limitBreach(sizePackage(p, cfg), cfg.limits)) return false;
  return true;
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
  if (service.rateCard.ltl) return rateLtlShipment(service, packages, sized, zone, ctx);
  const largeFlags = applyLargePackageMinimums(service.surcharges, sized);
  let baseCents = 0;
  const tiers: (RatedPackage["priceTier"] | undefined)[] = [];
  if (service.rateCard.basis === "PER_SHIPMENT") {
    const totalLb = sized.reduce((sum, s) => sum + s.billableLb, 0);
    const price = lookupRate(service.rateCard, zone, totalLb);
    if (price === undefined)
      return { reason: "ZONE_NOT_RATED", message: `${cfg.name}: no price for zone ${zone}` };
    baseCents = price;
  } else {
    for (let i = 0; i < sized.length; i += 1) {
      let price = lookupRate(service.rateCard, zone, sized[i].billableLb);
      if (price === undefined)
        return { reason: "ZONE_NOT_RATED", message: `${cfg.name}: no price for zone ${zone}` };
      if (service.rateCard.ounceTiers || service.rateCard.cubicTiers) {
        const tiered = lightParcelPrice(service, packages[i], sized[i], zone, price);
        if (tiered) {
          price = tiered.cents;
          tiers[i] = tiered.tier;
        }
      }
      baseCents += price;
    }
  }
  const surcharges = computeSurcharges(service.surcharges, sized, largeFlags, baseCents, ctx);
  const costCents = surcharges.reduce((sum, s) => sum + s.amountCents, baseCents);
  const rated: RatedPackage[] =
    tiers.length === 0
      ? sharedRatedPackages(service, packages, () => packages.map((p, i) => ratedPackage(p, sized[i])))
      : packages.map((p, i) => ratedPackage(p, sized[i], tiers[i]));
  return { packages: rated, baseCents, surcharges, costCents };
}

function ratedPackage(p: PackedPackage, s: SizedPackage, tier?: RatedPackage["priceTier"]): RatedPackage {
  const rated: RatedPackage = {
    cartonId: p.cartonId,
    lengthIn: p.lengthIn,
    widthIn: p.widthIn,
    heightIn: p.heightIn,
    weightOz: Math.round(p.weightOz * 100) / 100,
    actualLb: s.actualLb,
    dimLb: s.dimLb,
    billableLb: s.billableLb,
    contents: p.contents,
  };
  if (tier) rated.priceTier = tier;
  return rated;
}

/** USPS cubic: sides rounded down to the quarter inch, cube in cubic feet (USPS Notice 123 / DMM cubic rules). */
function cubicFeet(p: PackedPackage): number {
  const q = (side: number) => Math.floor(side * 4 + 1e-9) / 4;
  return (q(p.lengthIn) * q(p.widthIn) * q(p.heightIn)) / 1728;
}

/**
 * Light-parcel price of one package when the card has ounce or cubic tiers, or undefined when neither applies:
 * - ounce tiers: actual weight under 1 lb within the last tier (e.g. 15.99 oz), and no DIM weight above 1 lb;
 * - cubic tiers: at most 20 lb, longest side at most 18 in, cube within the last tier; the parcel pays the lower
 *   of the cubic and the weight price (as label platforms rate it).
 */
function lightParcelPrice(
  service: CompiledService,
  p: PackedPackage,
  s: SizedPackage,
  zone: number,
  weightPrice: number,
): { cents: number; tier: NonNullable<RatedPackage["priceTier"]> } | undefined {
  const card = service.rateCard;
  const col = card.columnByZone.get(zone);
  if (col === undefined) return undefined;
  let best: { cents: number; tier: NonNullable<RatedPackage["priceTier"]> } | undefined;
  if (card.ounceTiers && s.dimLb <= 1) {
    const i = tierIndex(card.ounceTiers.maxOz, p.weightOz);
    if (i >= 0) {
      const cents = card.ounceTiers.centsByColumn[col][i];
      if (cents < weightPrice) best = { cents, tier: { basis: "OUNCES", maxOz: card.ounceTiers.maxOz[i] } };
    }
  }
  if (card.cubicTiers && p.weightOz <= 20 * 16 + 1e-9 && p.lengthIn <= 18 + 1e-9) {
    const cube = cubicFeet(p);
    const i = tierIndex(card.cubicTiers.maxCubicFt, cube);
    if (i >= 0) {
      const cents = card.cubicTiers.centsByColumn[col][i];
      if (cents < (best?.cents ?? weightPrice))
        best = {
          cents,
          tier: {
            basis: "CUBIC",
            maxCubicFt: card.cubicTiers.maxCubicFt[i],
            cubicFt: Math.round(cube * 1000) / 1000,
          },
        };
    }
  }
  return best;
}

/**
 * LTL by freight class: the packages are palletised into handling units, each unit classed by its density (or its
 * goods' own NMFC class), the classes priced per CWT for the lane with the deficit-weight rule and the minimum
 * charge; per-package surcharge amounts count handling units.
 */
function rateLtlShipment(
  service: CompiledService,
  packages: readonly PackedPackage[],
  sized: readonly SizedPackage[],
  zone: number,
  ctx: SurchargeContext,
): ShipmentRating | RatingRejection {
  const cfg = service.config;
  const rates = service.rateCard.ltl!;
  const handlingUnits = sharedHandlingUnits(service, packages, () =>
    palletize(packages, service.pallets).map(classifyHandlingUnit),
  );
  const destZip3 = ctx.destZip.slice(0, 3);
  const byClass = new Map<number, { freightClass: number; weightLb: number; centsPerCwt: number[] }>();
  let lane: FreightRating["lane"] = "ZONE";
  for (const hu of handlingUnits) {
    const found = laneRates(rates, hu.freightClass, zone, destZip3);
    if (!found)
      return {
        reason: "ZONE_NOT_RATED",
        message: `${cfg.name}: no class ${hu.freightClass} rate for zone ${zone}`,
      };
    lane = found.lane;
    const group = byClass.get(found.freightClass);
    if (group) group.weightLb += hu.weightLb;
    else
      byClass.set(found.freightClass, {
        freightClass: found.freightClass,
        weightLb: hu.weightLb,
        centsPerCwt: found.centsPerCwt,
      });
  }
  const charge = cwtCharge(
    [...byClass.values()].sort((a, b) => a.freightClass - b.freightClass),
    rates.breaksFromLb,
    rates.minimumChargeCents,
  );
  const baseCents = charge.baseCents;
  const unitsSized: SizedPackage[] = handlingUnits.map((hu) => {
    const sides = [hu.lengthIn, hu.widthIn, hu.heightIn].sort((a, b) => b - a) as [number, number, number];
    return {
      sidesIn: sides,
      lengthPlusGirthIn: sides[0] + 2 * (sides[1] + sides[2]),
      actualLb: hu.weightLb,
      dimLb: 0,
      billableLb: hu.weightLb,
    };
  });
  const surcharges = computeSurcharges(
    service.surcharges,
    unitsSized,
    unitsSized.map(() => false),
    baseCents,
    ctx,
  );
  const costCents = surcharges.reduce((sum, s) => sum + s.amountCents, baseCents);
  const freight: FreightRating = {
    handlingUnits,
    totalWeightLb: charge.totalWeightLb,
    ratedAtLb: charge.ratedAtLb,
    lines: charge.lines,
    linesCents: charge.linesCents,
    minimumChargeCents: rates.minimumChargeCents,
    minimumApplied: charge.minimumApplied,
    lane,
  };
  // LTL bills actual weight: no DIM on the packages.
  const rated = sharedRatedPackages(service, packages, () =>
    packages.map((p, i) => ratedPackage(p, { ...sized[i], dimLb: 0, billableLb: sized[i].actualLb })),
  );
  return { packages: rated, baseCents, surcharges, costCents, freight };
}
