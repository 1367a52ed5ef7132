// Carrier-rule fixtures for LTL freight: the NMFC 13-tier density scale (Docket 2025-1) band by band, handling
// units built from pallets (stackable vs not, own skids), CWT breaks, the deficit-weight rule and the minimum.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { demoShopConfig, DEMO_VARIANTS } from "../../app/demo/demo-shop-config";
import {
  classForDensity,
  compileShopConfig,
  cwtCharge,
  quote,
  DEFAULT_PALLET,
  NMFC_DENSITY_SCALE,
  palletize,
  type PackedPackage,
} from "../../app/engine";
import { classifyHandlingUnit, compileLtlRates, laneRates } from "../../app/engine/rating";
import type { PackUnit } from "../../app/engine/packing";

function box(sides: [number, number, number], weightLb: number, unit: Partial<PackUnit> = {}): PackedPackage {
  const u: PackUnit = {
    profileKey: "x/x/p",
    name: "item",
    lengthIn: sides[0],
    widthIn: sides[1],
    heightIn: sides[2],
    weightOz: weightLb * 16,
    shipAlone: false,
    bulky: true,
    fragile: false,
    valuable: false,
    coldChain: false,
    ...unit,
  };
  return {
    cartonId: null,
    lengthIn: sides[0],
    widthIn: sides[1],
    heightIn: sides[2],
    weightOz: weightLb * 16,
    contents: [],
    units: [u],
    bulky: true,
    coldChain: false,
  };
}

describe("NMFC density scale (Docket 2025-1)", () => {
  // One fixture per band edge: the lower bound is inclusive, just under it is the band below.
  const edges: [number, number, number][] = [
    // [density pcf at the edge, class at the edge, class just below it]
    [1, 300, 400],
    [2, 250, 300],
    [4, 175, 250],
    [6, 125, 175],
    [8, 100, 125],
    [10, 92.5, 100],
    [12, 85, 92.5],
    [15, 70, 85],
    [22.5, 65, 70],
    [30, 60, 65],
    [35, 55, 60],
    [50, 50, 55],
  ];
  it.each(edges)("rates %s lb/ft³ as class %s and just below it as class %s", (pcf, atEdge, below) => {
    // GIVEN a density on a band edge WHEN classed THEN the edge belongs to the denser band
    expect(classForDensity(pcf)).toBe(atEdge);
    expect(classForDensity(pcf - 0.01)).toBe(below);
  });

  it("has 13 bands from class 400 (under 1 lb/ft³) to class 50 (50 lb/ft³ and up)", () => {
    expect(NMFC_DENSITY_SCALE).toHaveLength(13);
    expect(classForDensity(0.2)).toBe(400);
    expect(classForDensity(400)).toBe(50);
  });

  it("never gives a higher class to a denser handling unit", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (d, more) => {
          // GIVEN two densities, the second higher THEN its class is not higher
          expect(classForDensity(d + more)).toBeLessThanOrEqual(classForDensity(d));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("classes a handling unit by its whole-inch cube and whole-pound weight", () => {
    // GIVEN a 48×40×36 in pallet (40 ft³) weighing 1,200 lb → 30 lb/ft³, exactly on the class 60 edge
    const hu = classifyHandlingUnit({
      kind: "PALLET",
      pallet: DEFAULT_PALLET,
      lengthIn: 48,
      widthIn: 40,
      heightIn: 36,
      weightOz: 1200 * 16,
      packages: [box([40, 30, 30], 1160)],
      stackable: true,
    });
    // THEN its density is 30.00 and its class 60
    expect(hu).toMatchObject({ cubicFt: 40, densityPcf: 30, freightClass: 60, classSource: "DENSITY" });
  });

  it("uses a product's own NMFC class over density", () => {
    // GIVEN a dense item whose product carries class 125 (a handling concern)
    const hu = classifyHandlingUnit({
      kind: "OWN_SKID",
      lengthIn: 20,
      widthIn: 20,
      heightIn: 20,
      weightOz: 400 * 16,
      packages: [box([20, 20, 20], 400, { nmfcClass: 125 })],
      stackable: true,
    });
    // THEN the class is 125, marked as the product's class
    expect(hu).toMatchObject({ freightClass: 125, classSource: "NMFC_OVERRIDE" });
  });
});

describe("palletising into handling units", () => {
  it("stacks stackable boxes on one 48×40 pallet in layers", () => {
    // GIVEN four 40×30×10 in boxes of 50 lb, stackable
    const units = palletize(
      [1, 2, 3, 4].map(() => box([40, 30, 10], 50)),
      [DEFAULT_PALLET],
    );
    // THEN they make one pallet: 6 in deck + 4 layers of 10 in, 4 × 50 lb + 40 lb tare
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ kind: "PALLET", heightIn: 46, weightOz: 240 * 16, stackable: true });
  });

  it("puts nothing on top of a non-stackable box: the next one opens another pallet", () => {
    // GIVEN two 40×30×10 boxes that must not be stacked on
    const fragileTop = { stackable: false };
    const units = palletize(
      [box([40, 30, 10], 50, fragileTop), box([40, 30, 10], 50, fragileTop)],
      [DEFAULT_PALLET],
    );
    // THEN each rides its own pallet, 16 in high, and the units are not stackable
    expect(units).toHaveLength(2);
    expect(units.map((u) => [u.kind, u.heightIn, u.stackable])).toEqual([
      ["PALLET", 16, false],
      ["PALLET", 16, false],
    ]);
  });

  it("lets stackable boxes go under a non-stackable one", () => {
    // GIVEN one non-stackable box and two stackable ones of the same footprint
    const units = palletize(
      [box([40, 30, 10], 50, { stackable: false }), box([40, 30, 10], 50), box([40, 30, 10], 50)],
      [DEFAULT_PALLET],
    );
    // THEN one pallet holds all three, the non-stackable one on top
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ heightIn: 36, stackable: false });
  });

  it("ships an item on its own skid, and one too big for any pallet, as handling units of their own", () => {
    // GIVEN a sofa flagged own-skid and an 84 in headboard that overhangs a 48×40 pallet
    const units = palletize(
      [box([84, 38, 34], 150, { ownSkid: true }), box([84, 20, 6], 60), box([30, 20, 10], 20)],
      [DEFAULT_PALLET],
    );
    // THEN two own-skid units and one pallet
    expect(units.map((u) => u.kind).sort()).toEqual(["OWN_SKID", "OWN_SKID", "PALLET"]);
  });

  it("uses the merchant's own pallet sizes and maximum height", () => {
    // GIVEN a 48×48 pallet with a 40 in maximum height, and three 46×46×15 boxes
    const pallet = { ...DEFAULT_PALLET, id: "48x48", lengthIn: 48, widthIn: 48, maxHeightIn: 40 };
    const units = palletize(
      [1, 2, 3].map(() => box([46, 46, 15], 40)),
      [pallet],
    );
    // THEN two layers fit under 40 in (6 + 15 + 15), the third box opens a second pallet
    expect(units.map((u) => [u.pallet?.id, u.heightIn])).toEqual([
      ["48x48", 36],
      ["48x48", 21],
    ]);
  });
});

describe("CWT arithmetic", () => {
  const breaks = [0, 500, 1000, 2000, 5000];
  const rates = [9000, 7500, 6000, 5000, 4000];
  const one = (weightLb: number) => [{ freightClass: 100, weightLb, centsPerCwt: rates }];

  it("prices weight × rate per 100 lb at the break of the shipment's weight", () => {
    // GIVEN 300 lb of class 100 under 500 lb at $90.00/cwt THEN 3 × $90 = $270.00
    const charge = cwtCharge(one(300), breaks, 10000);
    expect(charge).toMatchObject({ baseCents: 27000, ratedAtLb: 300, minimumApplied: false });
    expect(charge.lines).toEqual([
      { freightClass: 100, weightLb: 300, centsPerCwt: 9000, amountCents: 27000, kind: "ACTUAL" },
    ]);
  });

  it("moves to the next break's rate from its first pound", () => {
    // GIVEN 1,200 lb: the 1,000–1,999 break at $60.00/cwt THEN 12 × $60 = $720.00
    expect(cwtCharge(one(1200), breaks, 10000).baseCents).toBe(72000);
  });

  it("rates at the next break's weight when that is cheaper (deficit weight)", () => {
    // GIVEN 450 lb: 4.5 × $90 = $405.00, but 500 lb × $75 = $375.00
    const charge = cwtCharge(one(450), breaks, 10000);
    // THEN the shipment is rated as 500 lb, with a 50 lb deficit line
    expect(charge.baseCents).toBe(37500);
    expect(charge.ratedAtLb).toBe(500);
    expect(charge.lines.map((l) => [l.kind, l.weightLb, l.centsPerCwt])).toEqual([
      ["ACTUAL", 450, 7500],
      ["DEFICIT", 50, 7500],
    ]);
  });

  it("charges the minimum when the lines come to less", () => {
    // GIVEN 100 lb at $90.00/cwt = $90.00 under a $150.00 minimum THEN $150.00
    const charge = cwtCharge(one(100), breaks, 15000);
    expect(charge).toMatchObject({ baseCents: 15000, linesCents: 9000, minimumApplied: true });
  });

  it("prices several classes at the break of the total weight, the deficit at the lowest rate", () => {
    // GIVEN 300 lb of class 100 and 180 lb of class 250 (480 lb in all)
    const charge = cwtCharge(
      [
        { freightClass: 100, weightLb: 300, centsPerCwt: rates },
        { freightClass: 250, weightLb: 180, centsPerCwt: rates.map((r) => r * 2) },
      ],
      breaks,
      0,
    );
    // THEN actual: 3 × 90 + 1.8 × 180 = $594.00; at 500 lb: 3 × 75 + 1.8 × 150 + 0.2 × 75 = $510.00
    expect(charge.baseCents).toBe(51000);
    expect(charge.lines.at(-1)).toMatchObject({ kind: "DEFICIT", freightClass: 100, weightLb: 20 });
  });

  it("never lowers the charge when weight is added within a class", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20000 }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 1, max: 12000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 50000 }),
        (raw, weightLb, extraLb, minimum) => {
          // GIVEN any class tariff whose rate per CWT does not rise with weight (as compiled tariffs must)
          const sorted = [...raw].sort((a, b) => b - a);
          const light = cwtCharge(
            one(weightLb).map((g) => ({ ...g, centsPerCwt: sorted })),
            breaks,
            minimum,
          );
          const heavy = cwtCharge(
            one(weightLb + extraLb).map((g) => ({ ...g, centsPerCwt: sorted })),
            breaks,
            minimum,
          );
          // THEN the heavier shipment costs at least as much
          expect(heavy.baseCents).toBeGreaterThanOrEqual(light.baseCents);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("finds a lane's rates by destination ZIP3 first, then by zone, and a missing class at the next higher one", () => {
    // GIVEN zone-5 rows for classes 100 and 125 and a ZIP3 row for 100 to 945
    const compiled = compileLtlRates({
      breaksFromLb: [0, 500],
      minimumChargeCents: 0,
      rows: [
        { freightClass: 100, zone: 5, centsPerCwt: [9000, 8000] },
        { freightClass: 125, zone: 5, centsPerCwt: [11000, 9000] },
        { freightClass: 100, destZip3: "945", centsPerCwt: [7000, 6000] },
      ],
    });
    // THEN ZIP3 945 takes its own row; class 110 in zone 5 takes class 125's rates; class 175 has none
    expect(laneRates(compiled, 100, 5, "945")).toMatchObject({
      lane: "DEST_ZIP3",
      centsPerCwt: [7000, 6000],
    });
    expect(laneRates(compiled, 110, 5, "100")).toMatchObject({ lane: "ZONE", freightClass: 125 });
    expect(laneRates(compiled, 175, 5, "100")).toBeUndefined();
  });

  it("refuses a tariff whose rate rises with weight", () => {
    expect(() =>
      compileLtlRates({
        breaksFromLb: [0, 500],
        minimumChargeCents: 0,
        rows: [{ freightClass: 100, zone: 5, centsPerCwt: [9000, 9500] }],
      }),
    ).toThrow(/must not rise with weight/);
  });
});

describe("LTL quotes end to end (demo SAMPLE class tariff)", () => {
  const compiled = compileShopConfig(demoShopConfig);
  const sofa = {
    variantId: DEMO_VARIANTS.sofa,
    sku: "SOFA-3S-GREY",
    quantity: 1,
    grams: 68039,
    priceCents: 129900,
  };
  const now = new Date("2026-11-24T15:00:00Z");
  const freightOf = (zip: string) => {
    const result = quote(compiled, {
      cart: [sofa],
      destination: { country: "US", zip, addressLines: ["1 Main St"] },
      now,
    });
    return result.quotes.find((q) => q.serviceCode === "TR_FREIGHT_THRESHOLD")!.shipments[0];
  };

  it("palletises the sofa on its own skid, classes it by density and prices the CWT line", () => {
    // GIVEN a 150 lb sofa, 84 × 38 × 34 in, on its own skid WHEN quoted to New York
    const plan = freightOf("10001");
    // THEN one non-stackable unit of 62.81 ft³ at 2.40 lb/ft³ → class 250, priced per CWT
    expect(plan.freight?.handlingUnits).toEqual([
      expect.objectContaining({
        kind: "OWN_SKID",
        cubicFt: 62.81,
        densityPcf: 2.4,
        freightClass: 250,
        stackable: false,
      }),
    ]);
    const line = plan.freight!.lines[0];
    expect(line).toMatchObject({ freightClass: 250, weightLb: 151, kind: "ACTUAL" });
    expect(plan.baseCents).toBe(Math.round((151 * line.centsPerCwt) / 100));
  });

  it("adds the limited-access charge only where the destination is on the list, even between quotes", () => {
    // GIVEN West Point NY (on the SAMPLE limited-access list) and a neighbour in the same zone, quoted one after the other
    const listed = freightOf("10996");
    const neighbour = freightOf("10994");
    // THEN only the listed ZIP pays it (a shared rating must not carry it over)
    expect(listed.zone).toBe(neighbour.zone);
    expect(listed.surcharges.some((s) => s.code === "LIMITED_ACCESS")).toBe(true);
    expect(neighbour.surcharges.some((s) => s.code === "LIMITED_ACCESS")).toBe(false);
  });
});
