import { describe, expect, it } from "vitest";
import { billableWeight, cartonize, prepareCartons, type PackUnit } from "../../app/engine";
import { PackingCache } from "../../app/engine/packing";
import type { CartonConfig } from "../../app/engine/types";
import { loadFixture } from "../fixtures/engine";

interface DimCase {
  name: string;
  dims: [number, number, number];
  weightOz: number;
  divisor: number;
  minCubicIn: number;
  actualLb: number;
  dimLb: number;
  billableLb: number;
}

const { cases } = loadFixture<{ cases: DimCase[] }>("dim-weight-cases.json");

describe("billable weight (carrier-rule fixture)", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    // GIVEN a package and a service DIM rule / WHEN computing billable weight
    const result = billableWeight(
      { lengthIn: c.dims[0], widthIn: c.dims[1], heightIn: c.dims[2] },
      c.weightOz,
      {
        dimDivisor: c.divisor,
        dimMinCubicIn: c.minCubicIn,
      },
    );
    // THEN it matches the carrier rule
    expect(result).toEqual({ actualLb: c.actualLb, dimLb: c.dimLb, billableLb: c.billableLb });
  });
});

const CARTONS: CartonConfig[] = [
  { id: "xl", name: "XL", lengthIn: 24, widthIn: 18, heightIn: 18, tareWeightOz: 24, maxWeightOz: 1040 },
  { id: "s", name: "S", lengthIn: 8, widthIn: 6, heightIn: 4, tareWeightOz: 4, maxWeightOz: 320 },
  { id: "m", name: "M", lengthIn: 12, widthIn: 10, heightIn: 8, tareWeightOz: 8, maxWeightOz: 64 },
];

function unit(
  name: string,
  dims: [number, number, number],
  weightOz: number,
  extra: Partial<PackUnit> = {},
): PackUnit {
  const [l, w, h] = [...dims].sort((a, b) => b - a);
  return {
    profileKey: name,
    variantId: name,
    name,
    lengthIn: l,
    widthIn: w,
    heightIn: h,
    weightOz,
    shipAlone: false,
    bulky: false,
    fragile: false,
    valuable: false,
    coldChain: false,
    ...extra,
  };
}

describe("cartonization", () => {
  const cartons = prepareCartons(CARTONS);

  it("orders cartons smallest first", () => {
    expect(cartons.map((c) => c.carton.id)).toEqual(["s", "m", "xl"]);
  });

  it("uses the smallest carton that fits, rotating items as needed", () => {
    // GIVEN a mug lying in any orientation
    const mug = unit("mug", [4, 5, 4], 14);
    // WHEN packed alone / THEN the small carton holds it, with tare added
    const result = cartonize([mug], cartons);
    expect(result.packages).toHaveLength(1);
    expect(result.packages[0]).toMatchObject({
      cartonId: "s",
      lengthIn: 8,
      widthIn: 6,
      heightIn: 4,
      weightOz: 18,
    });
  });

  it("moves up to a bigger carton when the small one is too small", () => {
    // GIVEN three mugs (too many for the small carton)
    const mugs = [1, 2, 3].map(() => unit("mug", [5, 4, 4], 14));
    // WHEN packed / THEN one medium carton holds all three
    const result = cartonize(mugs, cartons);
    expect(result.packages.map((p) => p.cartonId)).toEqual(["m"]);
    expect(result.packages[0].contents).toEqual([{ variantId: "mug", quantity: 3 }]);
  });

  it("respects the carton's maximum weight", () => {
    // GIVEN two 40 oz weights that fit the medium carton by volume, whose payload is only 56 oz
    const weights = [unit("w", [6, 5, 4], 40), unit("w", [6, 5, 4], 40)];
    // WHEN packed
    const result = cartonize(weights, cartons);
    // THEN no package carries more than its carton allows
    for (const p of result.packages) {
      const carton = CARTONS.find((c) => c.id === p.cartonId)!;
      expect(p.weightOz).toBeLessThanOrEqual(carton.maxWeightOz);
    }
    expect(result.packages.reduce((n, p) => n + p.units.length, 0)).toBe(2);
  });

  it("ships ship-alone and bulky items in their own packaging", () => {
    // GIVEN a boxed mattress (ship-alone), a sofa (bulky) and a tee
    const result = cartonize(
      [
        unit("mattress", [42, 18, 18], 1200, { shipAlone: true }),
        unit("sofa", [84, 38, 34], 2400, { bulky: true }),
        unit("tee", [10, 8, 1], 6),
      ],
      cartons,
    );
    // THEN the mattress and sofa travel alone, the tee in a carton
    expect(result.packages.filter((p) => p.cartonId === null).map((p) => p.contents[0].variantId)).toEqual([
      "mattress",
      "sofa",
    ]);
    expect(result.packages.filter((p) => p.cartonId !== null)).toHaveLength(1);
  });

  it("reports an item that fits no carton and ships it in its own packaging", () => {
    // GIVEN a lamp longer than every carton
    const result = cartonize([unit("lamp", [30, 10, 10], 112)], cartons);
    // THEN it ships alone and is reported
    expect(result.packages[0].cartonId).toBeNull();
    expect(result.oversizeUnits).toEqual(["lamp"]);
  });

  it("caches packing results by cart signature", () => {
    // GIVEN a cache and the same cart twice (lines in another order)
    const cache = new PackingCache(cartons);
    const a = { unit: unit("mug", [5, 4, 4], 14), quantity: 2 };
    const b = { unit: unit("tee", [10, 8, 1], 6), quantity: 1 };
    // WHEN packing both
    const first = cache.pack([a, b]);
    const second = cache.pack([b, a]);
    // THEN the second is served from the cache
    expect(second).toBe(first);
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 1, misses: 1 });
  });
});
