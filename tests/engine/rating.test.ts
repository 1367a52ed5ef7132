import { describe, expect, it } from "vitest";
import {
  applyBasisPoints,
  applyMarkup,
  compileRateCard,
  EngineAssertionError,
  lookupRate,
  parseDay,
} from "../../app/engine";
import {
  applyLargePackageMinimums,
  compileSurcharges,
  computeSurcharges,
  limitBreach,
  type SizedPackage,
} from "../../app/engine/rating";
import type { SurchargeRule } from "../../app/engine/types";
import { loadFixture } from "../fixtures/engine";

const card = compileRateCard({
  name: "SAMPLE test card",
  basis: "PER_PACKAGE",
  zones: [2, 3, 4],
  breaks: [
    { maxLb: 1, cents: [900, 950, 1000] },
    { maxLb: 2, cents: [1000, 1100, 1200] },
    { maxLb: 5, cents: [1500, 1600, 1800] },
  ],
  overLastBreakCentsPerLb: [80, 90, 100],
});

describe("rate card", () => {
  it("prices the first break at or above the weight", () => {
    expect(lookupRate(card, 2, 1)).toBe(900);
    expect(lookupRate(card, 3, 2)).toBe(1100);
    expect(lookupRate(card, 4, 3)).toBe(1800);
    expect(lookupRate(card, 4, 5)).toBe(1800);
  });

  it("adds the per-lb price past the last break", () => {
    // GIVEN 8 lb in zone 3, 3 lb past the 5 lb break
    // THEN last price + 3 × 90
    expect(lookupRate(card, 3, 8)).toBe(1600 + 3 * 90);
  });

  it("has no price for a zone the card does not list", () => {
    expect(lookupRate(card, 9, 1)).toBeUndefined();
  });

  it("rejects a card whose price falls with weight", () => {
    expect(() =>
      compileRateCard({
        name: "bad",
        basis: "PER_PACKAGE",
        zones: [1],
        breaks: [
          { maxLb: 1, cents: [1000] },
          { maxLb: 2, cents: [900] },
        ],
        overLastBreakCentsPerLb: [10],
      }),
    ).toThrow(EngineAssertionError);
  });
});

const { rules } = loadFixture<{ rules: SurchargeRule[] }>("surcharge-rules.json");
const compiled = compileSurcharges(rules, 1000);
const outsidePeak = parseDay("2026-10-15");
const inPeak = parseDay("2026-11-24");

function sized(sides: [number, number, number], actualLb: number, dimLb = 0): SizedPackage {
  return {
    sidesIn: sides,
    lengthPlusGirthIn: sides[0] + 2 * (sides[1] + sides[2]),
    actualLb,
    dimLb,
    billableLb: Math.max(actualLb, dimLb),
  };
}

function surchargesFor(
  packages: SizedPackage[],
  baseCents: number,
  ctx: Partial<Parameters<typeof computeSurcharges>[4]> = {},
) {
  const flags = applyLargePackageMinimums(compiled, packages);
  const lines = computeSurcharges(compiled, packages, flags, baseCents, {
    destZip: "10001",
    residential: false,
    shipDay: outsidePeak,
    ...ctx,
  });
  return Object.fromEntries(lines.map((l) => [l.code, l.amountCents]));
}

describe("surcharges (carrier-rule fixture)", () => {
  it("charges only fuel for a small commercial parcel outside every list", () => {
    expect(surchargesFor([sized([10, 8, 6], 3)], 1000)).toEqual({ FUEL: 100 });
  });

  it("adds residential per package and computes fuel on base + surcharges", () => {
    // GIVEN two residential packages, base $20.00, fuel 10 %
    const result = surchargesFor([sized([10, 8, 6], 3), sized([10, 8, 6], 3)], 2000, { residential: true });
    // THEN 2 × $5.00 residential and fuel = 10 % of $30.00
    expect(result).toEqual({ RESIDENTIAL: 1000, FUEL: 300 });
  });

  it.each([
    ["longest side > 48 in", [49, 10, 10], 10],
    ["second-longest side > 30 in", [40, 31, 5], 10],
    ["length + girth > 105 in", [40, 18, 16], 10],
    ["actual weight > 50 lb", [20, 20, 20], 51],
  ] as const)("applies additional handling when %s", (_why, sides, lb) => {
    expect(surchargesFor([sized([...sides], lb)], 1000).ADDITIONAL_HANDLING).toBe(3000);
  });

  it("does not apply additional handling at the thresholds themselves", () => {
    // GIVEN longest exactly 48 in, L+G 104 in, 50 lb / and second-longest exactly 30 in (L+G 102 in)
    expect(surchargesFor([sized([48, 20, 8], 50)], 1000).ADDITIONAL_HANDLING).toBeUndefined();
    expect(surchargesFor([sized([40, 30, 1], 50)], 1000).ADDITIONAL_HANDLING).toBeUndefined();
  });

  it("replaces additional handling by large package and raises billable weight to 90 lb", () => {
    // GIVEN a 100 in rolled rug at 40 lb
    const rug = sized([100, 12, 12], 40, 104);
    const small = sized([10, 10, 10], 5);
    // WHEN surcharged
    const result = surchargesFor([rug, small], 1000);
    // THEN large package once, no additional handling, billable raised to ≥ 90 lb
    expect(result.LARGE_PACKAGE).toBe(20000);
    expect(result.ADDITIONAL_HANDLING).toBeUndefined();
    const light = sized([97, 10, 10], 20);
    applyLargePackageMinimums(compiled, [light]);
    expect(light.billableLb).toBe(90);
  });

  it("applies only the most severe area surcharge", () => {
    expect(surchargesFor([sized([10, 8, 6], 3)], 1000, { destZip: "12851" }).DELIVERY_AREA).toBe(400);
    expect(surchargesFor([sized([10, 8, 6], 3)], 1000, { destZip: "59001" }).DELIVERY_AREA).toBe(400); // ZIP3 590
    const extended = surchargesFor([sized([10, 8, 6], 3)], 1000, { destZip: "59411" });
    expect(extended).toMatchObject({ EXTENDED_DELIVERY_AREA: 600 });
    expect(extended.DELIVERY_AREA).toBeUndefined();
    expect(surchargesFor([sized([10, 8, 6], 3)], 1000, { destZip: "99501" }).REMOTE_AREA).toBe(1500);
  });

  it("applies peak only when the ship day is inside the window", () => {
    expect(surchargesFor([sized([10, 8, 6], 3)], 1000, { shipDay: inPeak }).PEAK).toBe(100);
    expect(surchargesFor([sized([10, 8, 6], 3)], 1000, { shipDay: outsidePeak }).PEAK).toBeUndefined();
  });

  it("adds freight accessorials by service level", () => {
    const pallet = [sized([84, 38, 34], 151)];
    const threshold = surchargesFor(pallet, 20_000, { freightLevel: "THRESHOLD" });
    const room = surchargesFor(pallet, 20_000, { freightLevel: "ROOM_OF_CHOICE" });
    const glove = surchargesFor(pallet, 20_000, { freightLevel: "WHITE_GLOVE" });
    expect(threshold).toMatchObject({ LIFTGATE: 7500 });
    expect(threshold.INSIDE_DELIVERY).toBeUndefined();
    expect(room).toMatchObject({ LIFTGATE: 7500, INSIDE_DELIVERY: 6000 });
    expect(glove).toMatchObject({ LIFTGATE: 7500, INSIDE_DELIVERY: 6000, WHITE_GLOVE: 15000 });
  });
});

describe("limits", () => {
  it("names the first broken limit", () => {
    const limits = { maxWeightLb: 70, maxLongestIn: 108, maxLengthPlusGirthIn: 130 };
    expect(limitBreach(sized([40, 20, 20], 10), limits)).toBeUndefined();
    expect(limitBreach(sized([40, 20, 20], 71), limits)).toMatch(/weight/);
    expect(limitBreach(sized([60, 20, 20], 10), limits)).toMatch(/length \+ girth 140/);
  });
});

describe("money", () => {
  it("rounds percentages half away from zero to whole cents", () => {
    expect(applyBasisPoints(1234, 1550)).toBe(191);
    expect(applyBasisPoints(1000, 1250)).toBe(125);
    expect(applyBasisPoints(5, 1000)).toBe(1); // 0.5 → 1
    expect(applyBasisPoints(-5, 1000)).toBe(-1);
  });

  it("applies the merchant markup and never goes below zero", () => {
    expect(applyMarkup(1000, { basisPoints: 1000, fixedCents: 50 })).toEqual({
      totalCents: 1150,
      markupCents: 150,
    });
    expect(applyMarkup(1000, { basisPoints: -10_000, fixedCents: -500 })).toEqual({
      totalCents: 0,
      markupCents: -1000,
    });
  });
});
