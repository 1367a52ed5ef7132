import { assert } from "../assert";
import type { RateCard } from "../types";
import { compileLtlRates } from "./ltl-rates";
import type { CompiledRateCard } from "./types";

/**
 * Validates and indexes a rate card. Invariants asserted (a card breaking them is a configuration error):
 * breaks strictly ascending, one price per zone column, prices non-negative and non-decreasing with weight
 * (so adding weight can never make a parcel cheaper).
 *
 * @example
 * const card = compileRateCard({ name: "SAMPLE", basis: "PER_PACKAGE", zones: [2, 3],
 *   breaks: [{ maxLb: 1, cents: [900, 950] }, { maxLb: 2, cents: [1000, 1100] }], overLastBreakCentsPerLb: [80, 90] });
 */
export function compileRateCard(card: RateCard): CompiledRateCard {
  assert(
    card.ltl !== undefined || (card.zones.length > 0 && card.breaks.length > 0),
    "rate card needs zones and weight breaks",
  );
  assert(card.ltl === undefined || card.basis === "PER_SHIPMENT", "LTL class rates are priced per shipment");
  assert(
    card.overLastBreakCentsPerLb.length === card.zones.length,
    "rate card per-lb prices must match zones",
  );
  const breaks = [...card.breaks];
  const centsByColumn = card.zones.map(() => [] as number[]);
  let previousMax = 0;
  for (const b of breaks) {
    assert(b.maxLb > previousMax, "rate card breaks must be strictly ascending");
    assert(b.cents.length === card.zones.length, "rate card break must price every zone");
    previousMax = b.maxLb;
    b.cents.forEach((cents, col) => {
      assert(Number.isInteger(cents) && cents >= 0, "rate card prices must be non-negative integer cents");
      const column = centsByColumn[col];
      assert(
        column.length === 0 || cents >= column[column.length - 1],
        "rate card prices must not fall with weight",
      );
      column.push(cents);
    });
  }
  for (const perLb of card.overLastBreakCentsPerLb)
    assert(perLb >= 0, "rate card per-lb price must be non-negative");
  const compiled: CompiledRateCard = {
    name: card.name,
    basis: card.basis,
    columnByZone: new Map(card.zones.map((zone, col) => [zone, col])),
    breakMaxLb: breaks.map((b) => b.maxLb),
    centsByColumn,
    overLastBreakCentsPerLb: card.overLastBreakCentsPerLb,
  };
  if (card.ltl) compiled.ltl = compileLtlRates(card.ltl);
  if (card.ounceBreaks && card.ounceBreaks.length > 0) {
    const tiers = compileTiers(
      card.ounceBreaks.map((t) => ({ max: t.maxOz, cents: t.cents })),
      card.zones.length,
      "ounce",
    );
    assert(tiers.max[tiers.max.length - 1] < 16, "ounce tiers are for parcels under 1 lb");
    // A light parcel never costs more than the first pound, so adding weight never lowers a price.
    tiers.centsByColumn.forEach((column, col) =>
      assert(
        centsByColumn[col].length === 0 || column[column.length - 1] <= centsByColumn[col][0],
        "ounce tier prices must not exceed the first pound's price",
      ),
    );
    compiled.ounceTiers = { maxOz: tiers.max, centsByColumn: tiers.centsByColumn };
  }
  if (card.cubicTiers && card.cubicTiers.length > 0) {
    const tiers = compileTiers(
      card.cubicTiers.map((t) => ({ max: t.maxCubicFt, cents: t.cents })),
      card.zones.length,
      "cubic",
    );
    assert(tiers.max[tiers.max.length - 1] <= 1, "cubic tiers go up to 1 cubic foot");
    compiled.cubicTiers = { maxCubicFt: tiers.max, centsByColumn: tiers.centsByColumn };
  }
  return compiled;
}

/** Checks ascending tiers with one non-decreasing price per zone column, and turns them column-major. */
function compileTiers(tiers: readonly { max: number; cents: number[] }[], columns: number, what: string) {
  const centsByColumn = Array.from({ length: columns }, () => [] as number[]);
  const max: number[] = [];
  for (const tier of tiers) {
    assert(tier.max > (max[max.length - 1] ?? 0), `${what} tiers must be strictly ascending`);
    assert(tier.cents.length === columns, `${what} tiers must price every zone`);
    tier.cents.forEach((cents, col) => {
      assert(Number.isInteger(cents) && cents >= 0, `${what} tier prices must be non-negative integer cents`);
      const column = centsByColumn[col];
      assert(column.length === 0 || cents >= column[column.length - 1], `${what} tier prices must not fall`);
      column.push(cents);
    });
    max.push(tier.max);
  }
  return { max, centsByColumn };
}

/** First tier whose bound is ≥ the value (with float slack), or -1. */
export function tierIndex(bounds: readonly number[], value: number): number {
  for (let i = 0; i < bounds.length; i += 1) if (value <= bounds[i] + 1e-9) return i;
  return -1;
}

/**
 * Price of `billableLb` whole pounds in `zone`: the first break whose maxLb ≥ weight; past the last break,
 * the last price plus the per-lb price for every pound beyond (rounded to whole cents, up). Undefined when the
 * card has no column for the zone.
 *
 * @example
 * lookupRate(card, 3, 2); // 1100
 * lookupRate(card, 3, 5); // 1100 + 3 × 90 = 1370
 * lookupRate(card, 9, 1); // undefined
 */
export function lookupRate(card: CompiledRateCard, zone: number, billableLb: number): number | undefined {
  const col = card.columnByZone.get(zone);
  if (col === undefined) return undefined;
  const maxes = card.breakMaxLb;
  const prices = card.centsByColumn[col];
  const last = maxes.length - 1;
  if (billableLb > maxes[last]) {
    return prices[last] + Math.ceil((billableLb - maxes[last]) * card.overLastBreakCentsPerLb[col]);
  }
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (maxes[mid] >= billableLb) hi = mid;
    else lo = mid + 1;
  }
  return prices[lo];
}
