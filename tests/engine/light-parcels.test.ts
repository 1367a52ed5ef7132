// USPS light parcels: price tiers under 1 lb (4, 8, 12, 15.99 oz) and cubic tiers (0.1 … 0.5 ft³), as a merchant's
// rate card gives them.
import { describe, expect, it } from "vitest";
import { compileShopConfig } from "../../app/engine";
import type { PackedPackage } from "../../app/engine/packing";
import { rateShipment } from "../../app/engine/rating";
import type { CarrierServiceConfig } from "../../app/engine/types";
import { demoShopConfig } from "../../app/demo/demo-shop-config";

const ZONES = [1, 2, 3, 4, 5, 6, 7, 8];
const service: CarrierServiceConfig = {
  ...demoShopConfig.carrierServices.find((s) => s.mode === "POSTAL")!,
  id: "usps-light",
  surcharges: [],
  fuelBasisPoints: 0,
  rateCard: {
    name: "TEST light parcels",
    basis: "PER_PACKAGE",
    zones: ZONES,
    breaks: [1, 2, 3, 20].map((maxLb) => ({ maxLb, cents: ZONES.map((z) => 700 + 100 * maxLb + 10 * z) })),
    overLastBreakCentsPerLb: ZONES.map(() => 50),
    ounceBreaks: [4, 8, 12, 15.99].map((maxOz) => ({
      maxOz,
      cents: ZONES.map((z) => 400 + Math.round(25 * maxOz) + z),
    })),
    cubicTiers: [0.1, 0.2, 0.3, 0.4, 0.5].map((maxCubicFt) => ({
      maxCubicFt,
      cents: ZONES.map((z) => 600 + Math.round(1000 * maxCubicFt) + z),
    })),
  },
};
const compiled = compileShopConfig({ ...demoShopConfig, carrierServices: [service] }).services[0];

function parcel(sides: [number, number, number], weightOz: number): PackedPackage {
  return {
    cartonId: "c",
    lengthIn: sides[0],
    widthIn: sides[1],
    heightIn: sides[2],
    weightOz,
    contents: [],
    units: [],
    bulky: false,
    coldChain: false,
  };
}

const ctx = { destZip: "10001", residential: false, shipDay: 20_500 };
const rate = (p: PackedPackage, zone = 5) => {
  const r = rateShipment(compiled, [p], zone, ctx);
  if (!("costCents" in r)) throw new Error(r.message);
  return r;
};

describe("USPS ounce tiers", () => {
  it.each([
    [3.5, 4, 400 + 100 + 5],
    [4, 4, 400 + 100 + 5],
    [4.01, 8, 400 + 200 + 5],
    [12, 12, 400 + 300 + 5],
    [15.99, 15.99, 400 + Math.round(25 * 15.99) + 5],
  ])("prices a %s oz parcel at the %s oz tier", (oz, tier, cents) => {
    // GIVEN a light 12 × 10 × 8 in parcel (over the last cubic tier, under the 1 ft³ DIM threshold) WHEN rated in zone 5
    const r = rate(parcel([12, 10, 8], oz));
    // THEN the ounce tier prices it
    expect(r.packages[0].priceTier).toEqual({ basis: "OUNCES", maxOz: tier });
    expect(r.baseCents).toBe(cents);
  });

  it("prices 16 oz and up by the pound", () => {
    const r = rate(parcel([12, 10, 8], 16.5));
    expect(r.packages[0].priceTier).toBeUndefined();
    expect(r.baseCents).toBe(700 + 200 + 50);
  });
});

describe("USPS cubic tiers", () => {
  it("prices a dense small parcel by its cube, sides rounded down to the quarter inch", () => {
    // GIVEN 12.3 × 9.5 × 3 in (→ 12.25 × 9.5 × 3 = 0.202 ft³) weighing 6 lb
    const r = rate(parcel([12.3, 9.5, 3], 96));
    // THEN the 0.3 ft³ tier: cheaper than the 6 lb weight price
    expect(r.packages[0].priceTier).toEqual({ basis: "CUBIC", maxCubicFt: 0.3, cubicFt: 0.202 });
    expect(r.baseCents).toBe(600 + 300 + 5);
  });

  it("does not apply over 20 lb, over 18 in long, or over the last tier", () => {
    expect(rate(parcel([12, 9, 3], 20 * 16 + 1)).packages[0].priceTier).toBeUndefined();
    expect(rate(parcel([19, 4, 3], 96)).packages[0].priceTier).toBeUndefined();
    expect(rate(parcel([12, 12, 7], 96)).packages[0].priceTier).toBeUndefined();
  });

  it("refuses ounce tiers dearer than the first pound", () => {
    const dear = { ...service.rateCard, ounceBreaks: [{ maxOz: 8, cents: ZONES.map(() => 5000) }] };
    expect(() =>
      compileShopConfig({ ...demoShopConfig, carrierServices: [{ ...service, rateCard: dear }] }),
    ).toThrow(/ounce tier prices must not exceed/);
  });
});
