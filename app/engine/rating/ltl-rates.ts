import { assert } from "../assert";
import { ceilInches } from "../packing/dimensions";
import type { HandlingUnit } from "../packing/palletize";
import type { CwtLine, FreightRating, HandlingUnitPlan, LtlClassRates } from "../types";
import { classForDensity, NMFC_CLASSES } from "./freight-class-table";

/** LTL class rates prepared once per config: per lane (destination ZIP3 or zone), per class, cents per CWT. */
export interface CompiledLtlRates {
  breaksFromLb: number[];
  byZip3: Map<string, Map<number, number[]>>;
  byZone: Map<number, Map<number, number[]>>;
  minimumChargeCents: number;
  /** Some rows are for destination ZIP3s: the price depends on the ZIP, not only the zone. */
  usesDestZip3: boolean;
}

function laneMap<K>(map: Map<K, Map<number, number[]>>, key: K): Map<number, number[]> {
  let lane = map.get(key);
  if (!lane) {
    lane = new Map();
    map.set(key, lane);
  }
  return lane;
}

/**
 * Validates and indexes LTL class rates. Asserted: breaks ascending from 0; one rate per break; classes from the
 * 18 NMFC classes; rates non-negative whole cents that never rise with weight (an LTL tariff's discount for
 * weight — and what makes the deficit-weight rule keep "more weight never costs less" true); one row per lane.
 *
 * @example
 * compileLtlRates({ breaksFromLb: [0, 500], minimumChargeCents: 15000,
 *   rows: [{ freightClass: 100, zone: 5, centsPerCwt: [9000, 7500] }] }).byZone.get(5)?.get(100); // [9000, 7500]
 */
export function compileLtlRates(ltl: LtlClassRates): CompiledLtlRates {
  const breaks = ltl.breaksFromLb;
  assert(breaks.length > 0 && breaks[0] === 0, "LTL weight breaks must start at 0 lb");
  for (let i = 1; i < breaks.length; i += 1)
    assert(breaks[i] > breaks[i - 1], "LTL weight breaks must be strictly ascending");
  assert(
    Number.isInteger(ltl.minimumChargeCents) && ltl.minimumChargeCents >= 0,
    "LTL minimum charge must be non-negative whole cents",
  );
  assert(ltl.rows.length > 0, "LTL class rates need at least one row");
  const byZip3 = new Map<string, Map<number, number[]>>();
  const byZone = new Map<number, Map<number, number[]>>();
  for (const row of ltl.rows) {
    assert(NMFC_CLASSES.includes(row.freightClass), "LTL rows need an NMFC class (50 … 500)");
    assert((row.zone === undefined) !== (row.destZip3 === undefined), "LTL rows need a zone or a ZIP3");
    assert(row.centsPerCwt.length === breaks.length, "LTL rows need one rate per weight break");
    row.centsPerCwt.forEach((cents, i) => {
      assert(Number.isInteger(cents) && cents >= 0, "LTL rates must be non-negative whole cents");
      assert(i === 0 || cents <= row.centsPerCwt[i - 1], "LTL rates must not rise with weight");
    });
    const lane = row.destZip3 !== undefined ? laneMap(byZip3, row.destZip3) : laneMap(byZone, row.zone!);
    assert(!lane.has(row.freightClass), "LTL rows must not repeat a class in a lane");
    lane.set(row.freightClass, row.centsPerCwt);
  }
  return {
    breaksFromLb: breaks,
    byZip3,
    byZone,
    minimumChargeCents: ltl.minimumChargeCents,
    usesDestZip3: byZip3.size > 0,
  };
}

/**
 * The rates of a class in a lane: the destination ZIP3's rows first, else the zone's. A class the lane does not
 * list takes the next higher class it lists (the dearer one, never an underquote); undefined when none.
 *
 * @example
 * laneRates(rates, 92.5, 5, "100"); // the zone-5 rates of class 92.5 (or of 100 when 92.5 is missing)
 */
export function laneRates(
  rates: CompiledLtlRates,
  freightClass: number,
  zone: number,
  destZip3: string,
): { centsPerCwt: number[]; freightClass: number; lane: "DEST_ZIP3" | "ZONE" } | undefined {
  const zipLane = rates.byZip3.get(destZip3);
  const lane = zipLane ?? rates.byZone.get(zone);
  if (!lane) return undefined;
  let best: number | undefined;
  for (const listed of lane.keys())
    if (listed >= freightClass && (best === undefined || listed < best)) best = listed;
  if (best === undefined) return undefined;
  return { centsPerCwt: lane.get(best)!, freightClass: best, lane: zipLane ? "DEST_ZIP3" : "ZONE" };
}

/** Whole-inch extreme dimensions, weight (whole lb) and density of a handling unit, with its class. */
export function classifyHandlingUnit(hu: HandlingUnit): HandlingUnitPlan {
  const l = ceilInches(hu.lengthIn);
  const w = ceilInches(hu.widthIn);
  const h = ceilInches(hu.heightIn);
  const weightLb = Math.max(1, Math.ceil(hu.weightOz / 16 - 1e-9));
  const cubicFt = (l * w * h) / 1728;
  const densityPcf = weightLb / cubicFt;
  let override: number | undefined;
  let densityRated = false;
  for (const p of hu.packages)
    for (const u of p.units) {
      if (u.nmfcClass !== undefined) override = Math.max(override ?? 0, u.nmfcClass);
      else densityRated = true;
    }
  // A unit mixing classed and density-rated goods is rated at the higher of the two (carriers do the same).
  const densityClass = classForDensity(densityPcf);
  const freightClass =
    override === undefined ? densityClass : densityRated ? Math.max(override, densityClass) : override;
  return {
    kind: hu.kind,
    ...(hu.pallet ? { palletId: hu.pallet.id } : {}),
    lengthIn: l,
    widthIn: w,
    heightIn: h,
    weightLb,
    cubicFt: Math.round(cubicFt * 100) / 100,
    densityPcf: Math.round(densityPcf * 100) / 100,
    freightClass,
    classSource: freightClass === override ? "NMFC_OVERRIDE" : "DENSITY",
    stackable: hu.stackable,
    pieces: hu.packages.length,
  };
}

/**
 * Rounds the lines' amounts so they add up to the rounded exact total (the total is what is charged; rounding
 * each line on its own could make a heavier shipment a cent cheaper). Returns that total.
 */
function roundLines(lines: CwtLine[]): number {
  let exact = 0;
  let given = 0;
  for (const line of lines) {
    exact += (line.weightLb * line.centsPerCwt) / 100;
    line.amountCents = Math.round((line.weightLb * line.centsPerCwt) / 100);
    given += line.amountCents;
  }
  const total = Math.round(exact + 1e-9);
  lines[lines.length - 1].amountCents += total - given;
  return total;
}

/** Index of the break a weight falls in: the last break whose lower bound is ≤ the weight. */
function breakIndex(breaks: readonly number[], weightLb: number): number {
  let index = 0;
  for (let i = 1; i < breaks.length; i += 1) if (breaks[i] <= weightLb) index = i;
  return index;
}

/**
 * CWT arithmetic of an LTL shipment: each class's weight × its rate per 100 lb at the break of the shipment's total
 * weight; then the deficit-weight rule — rating at a higher break's minimum weight (the missing pounds at the lowest
 * rate of the shipment there) when that is cheaper — and the minimum charge. Amounts are rounded to whole cents
 * per line.
 *
 * @example
 * cwtCharge([{ freightClass: 100, weightLb: 450, centsPerCwt: [9000, 7000] }], [0, 500], 0).linesCents;
 * // 35000 (500 lb × $70.00/cwt beats 450 lb × $90.00/cwt = $405.00)
 */
export function cwtCharge(
  groups: readonly { freightClass: number; weightLb: number; centsPerCwt: readonly number[] }[],
  breaksFromLb: readonly number[],
  minimumChargeCents: number,
): Pick<FreightRating, "lines" | "linesCents" | "ratedAtLb" | "minimumApplied" | "totalWeightLb"> & {
  baseCents: number;
} {
  const totalWeightLb = groups.reduce((sum, g) => sum + g.weightLb, 0);
  let best: { lines: CwtLine[]; cents: number; ratedAtLb: number } | undefined;
  for (let k = breakIndex(breaksFromLb, totalWeightLb); k < breaksFromLb.length; k += 1) {
    const ratedAtLb = Math.max(totalWeightLb, breaksFromLb[k]);
    const lines: CwtLine[] = groups.map((g) => ({
      freightClass: g.freightClass,
      weightLb: g.weightLb,
      centsPerCwt: g.centsPerCwt[k],
      amountCents: 0,
      kind: "ACTUAL",
    }));
    const deficitLb = ratedAtLb - totalWeightLb;
    if (deficitLb > 0) {
      const cheapest = groups.reduce((low, g) => (g.centsPerCwt[k] < low.centsPerCwt[k] ? g : low));
      lines.push({
        freightClass: cheapest.freightClass,
        weightLb: deficitLb,
        centsPerCwt: cheapest.centsPerCwt[k],
        amountCents: 0,
        kind: "DEFICIT",
      });
    }
    const cents = roundLines(lines);
    if (!best || cents < best.cents) best = { lines, cents, ratedAtLb };
  }
  const chosen = best!;
  return {
    totalWeightLb,
    ratedAtLb: chosen.ratedAtLb,
    lines: chosen.lines,
    linesCents: chosen.cents,
    minimumApplied: chosen.cents < minimumChargeCents,
    baseCents: Math.max(chosen.cents, minimumChargeCents),
  };
}
