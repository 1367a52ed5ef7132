import { describe, expect, it } from "vitest";
import { compileShopConfig, quote } from "../../app/engine";
import type { QuoteResult } from "../../app/engine/types";
import { demo, demoWith, dest, input, line, NOW, V } from "./helpers";

const codes = (r: QuoteResult) => r.quotes.map((q) => q.serviceCode);
const issueCodes = (r: QuoteResult) => r.issues.map((i) => i.code);

describe("quote: small parcel cart", () => {
  const result = quote(demo, input([line(V.mug, 2), line(V.tee)], dest("75201", { state: "TX" })));
  // Seattle: far enough that an express service beats Standard's window (Denver's Express would not, see
  // dominated-tiers.test.ts).
  const farther = quote(demo, input([line(V.mug, 2), line(V.tee)], dest("98101", { state: "WA" })));

  it("offers parcel tiers only, and withdraws Express where no express service beats ground next door", () => {
    expect(codes(result)).toEqual(["TR_STANDARD", "TR_ECONOMY"]);
    expect(result.issues.map((i) => [i.code, i.message])).toEqual([
      ["TIER_UNAVAILABLE", "Express: no service arrives sooner than the slower options"],
    ]);
  });

  it("offers all three parcel tiers with stable codes for a buyer farther away", () => {
    expect(codes(farther)).toEqual(["TR_EXPRESS", "TR_STANDARD", "TR_ECONOMY"]);
    expect(farther.issues).toEqual([]);
  });

  it("ships from the nearest warehouse holding everything and explains why", () => {
    // GIVEN a Dallas buyer and stock in all three warehouses
    // THEN every tier ships from Dallas, and the reason compares zones with the runner-up
    for (const q of result.quotes) {
      expect(q.shipments.map((s) => s.warehouseId)).toEqual(["dallas-tx"]);
      expect(q.reasons[0]).toMatch(/^Dallas, TX: zone 1 vs \d from (Edison|Ontario), \$\d+\.\d{2} cheaper/);
    }
  });

  it("prices tiers consistently: express ≥ standard ≥ economy, totals = carrier cost + markup", () => {
    const [express, standard, economy] = farther.quotes;
    expect(express.totalCents).toBeGreaterThanOrEqual(standard.totalCents);
    expect(standard.totalCents).toBeGreaterThanOrEqual(economy.totalCents);
    for (const q of result.quotes) {
      const shipmentCost = q.shipments.reduce(
        (n, s) => n + s.baseCents + s.surcharges.reduce((m, x) => m + x.amountCents, 0),
        0,
      );
      expect(q.carrierCostCents).toBe(shipmentCost);
      expect(q.totalCents).toBe(q.carrierCostCents + 100); // SAMPLE $1 handling fee
    }
  });

  it("is deterministic", () => {
    const again = quote(demo, input([line(V.mug, 2), line(V.tee)], dest("75201", { state: "TX" })));
    expect(again).toEqual(result);
  });
});

describe("quote: warehouse choice and splits", () => {
  it("splits into the fewest shipments when no warehouse holds everything, preserving every item", () => {
    // GIVEN mugs only in Edison and tees only in Dallas
    const config = demoWith((c) => {
      c.warehouses[0].inventory = { [V.mug]: 10 };
      c.warehouses[1].inventory = { [V.tee]: 10 };
      c.warehouses[2].inventory = {};
    });
    // WHEN quoting both
    const result = quote(compileShopConfig(config), input([line(V.mug, 2), line(V.tee, 3)], dest("60601")));
    // THEN every tier ships two shipments and the contents add up to the cart
    expect(result.quotes.length).toBeGreaterThan(0);
    for (const q of result.quotes) {
      expect(q.shipments.map((s) => s.warehouseId).sort()).toEqual(["dallas-tx", "edison-nj"]);
      const units = new Map<string, number>();
      for (const s of q.shipments)
        for (const p of s.packages)
          for (const c of p.contents) units.set(c.variantId!, (units.get(c.variantId!) ?? 0) + c.quantity);
      expect(Object.fromEntries(units)).toEqual({ [V.mug]: 2, [V.tee]: 3 });
      expect(q.reasons[0]).toMatch(/^Split into 2 shipments/);
    }
  });

  it("ignores Shopify's origin: stock decides", () => {
    // GIVEN a West-coast buyer of a lamp, stocked in Edison and Ontario only
    const result = quote(demo, input([line(V.lamp)], dest("90012")));
    expect(result.quotes[0].shipments[0].warehouseId).toBe("ontario-ca");
  });

  it("reports out-of-stock carts as an error, without quotes", () => {
    const result = quote(demo, input([line(V.watch, 50)], dest("10001")));
    expect(result.quotes).toEqual([]);
    expect(issueCodes(result)).toContain("OUT_OF_STOCK");
  });

  it("quotes an uncovered cart as a backorder when asked: every tier, later by the backorder's business days", () => {
    // GIVEN 50 watches to New York (10 on hand in all) and the same cart's 1 watch, which is in stock
    const inStock = quote(demo, input([line(V.watch, 1)], dest("10001")));
    // WHEN the 50 are quoted with a 5-business-day backorder
    const result = quote(demo, { ...input([line(V.watch, 50)], dest("10001")), backorder: { days: 5 } });
    // THEN there are quotes, each marked with the 5 days and arriving later than in-stock delivery, and the
    // issue says why instead of OUT_OF_STOCK
    expect(result.quotes.length).toBeGreaterThan(0);
    expect(issueCodes(result)).toContain("BACKORDERED");
    expect(issueCodes(result)).not.toContain("OUT_OF_STOCK");
    let compared = 0;
    for (const q of result.quotes) {
      expect(q.backorderDays).toBe(5);
      const same = inStock.quotes.find((s) => s.serviceCode === q.serviceCode);
      if (!same) continue;
      compared += 1;
      expect(q.delivery.minDate > same.delivery.minDate).toBe(true);
    }
    expect(compared).toBeGreaterThan(0);
    expect(inStock.quotes.every((q) => q.backorderDays === undefined)).toBe(true);
  });

  it("follows the strategy: FASTEST never promises later than CHEAPEST, CHEAPEST never costs more", () => {
    const cart = [line(V.hoodie, 2)];
    const cheapest = quote(
      compileShopConfig(demoWith((c) => (c.strategy = { kind: "CHEAPEST" }))),
      input(cart, dest("33101")),
    );
    const fastest = quote(
      compileShopConfig(demoWith((c) => (c.strategy = { kind: "FASTEST" }))),
      input(cart, dest("33101")),
    );
    // (A tier either strategy does not offer, because a cheaper tier is as fast, is not compared.)
    const both = ["TR_EXPRESS", "TR_STANDARD", "TR_ECONOMY"].filter(
      (code) =>
        cheapest.quotes.some((q) => q.serviceCode === code) &&
        fastest.quotes.some((q) => q.serviceCode === code),
    );
    expect(both).toEqual(expect.arrayContaining(["TR_STANDARD", "TR_ECONOMY"]));
    for (const code of both) {
      const c = cheapest.quotes.find((q) => q.serviceCode === code)!;
      const f = fastest.quotes.find((q) => q.serviceCode === code)!;
      expect(c.totalCents).toBeLessThanOrEqual(f.totalCents);
      expect(f.delivery.maxDate <= c.delivery.maxDate).toBe(true);
    }
  });
});

describe("quote: eligibility", () => {
  it("serves PO boxes with postal services only", () => {
    const result = quote(demo, input([line(V.watch)], dest("78701", { addressLines: ["P.O. Box 1234"] })));
    expect(codes(result)).toEqual(["TR_STANDARD", "TR_ECONOMY"]);
    for (const q of result.quotes) expect(q.shipments.every((s) => s.carrier === "USPS")).toBe(true);
    expect(issueCodes(result)).toContain("PO_BOX_POSTAL_ONLY");
  });

  it("serves APO/FPO addresses with postal services only, at the military zone", () => {
    const result = quote(demo, input([line(V.tee)], dest("09001", { city: "APO", state: "AE" })));
    expect(result.quotes.length).toBeGreaterThan(0);
    for (const q of result.quotes) {
      expect(q.shipments[0].carrier).toBe("USPS");
      expect(q.shipments[0].zone).toBe(8);
    }
  });

  it("sends bulky carts by freight only, three service levels in price order", () => {
    const result = quote(demo, input([line(V.sofa)], dest("10001")));
    expect(codes(result)).toEqual([
      "TR_FREIGHT_THRESHOLD",
      "TR_FREIGHT_ROOM_OF_CHOICE",
      "TR_FREIGHT_WHITE_GLOVE",
    ]);
    const [threshold, room, glove] = result.quotes;
    expect(threshold.totalCents).toBeLessThan(room.totalCents);
    expect(room.totalCents).toBeLessThan(glove.totalCents);
    expect(glove.shipments[0].surcharges.map((s) => s.code)).toContain("WHITE_GLOVE");
    expect(issueCodes(result)).toContain("FREIGHT_REQUIRED");
    // Freight dates include the 2-day appointment lead time on top of LTL transit.
    expect(threshold.shipments[0].transitDays.min).toBeGreaterThanOrEqual(2);
  });

  it("does not offer freight where the service has no coverage (Hawaii)", () => {
    const result = quote(demo, input([line(V.sofa)], dest("96813")));
    expect(result.quotes).toEqual([]);
    expect(issueCodes(result)).toEqual(expect.arrayContaining(["SERVICE_NO_COVERAGE", "NO_RATES"]));
  });

  it("keeps cold-chain items on fast services", () => {
    const result = quote(demo, input([line(V.coldBrewKit)], dest("60601")));
    expect(codes(result)).not.toContain("TR_ECONOMY");
    for (const q of result.quotes)
      for (const s of q.shipments) expect(s.transitDays.max).toBeLessThanOrEqual(2);
    expect(issueCodes(result)).toContain("COLD_CHAIN_TOO_SLOW");
  });

  it("charges a large-package surcharge for a 100 in rolled rug and keeps it off postal", () => {
    const result = quote(demo, input([line(V.rug)], dest("10001")));
    const standard = result.quotes.find((q) => q.serviceCode === "TR_STANDARD")!;
    expect(standard.shipments[0].surcharges.map((s) => s.code)).toContain("LARGE_PACKAGE");
    expect(standard.shipments[0].packages[0].billableLb).toBeGreaterThanOrEqual(90);
    expect(result.quotes.find((q) => q.serviceCode === "TR_ECONOMY")).toBeUndefined(); // USPS: L+G > 130 in
  });
});

describe("quote: problems as data", () => {
  it("reports an unknown ZIP without throwing", () => {
    const result = quote(demo, input([line(V.mug)], dest("00000")));
    expect(result.quotes).toEqual([]);
    expect(result.issues).toEqual([expect.objectContaining({ code: "UNKNOWN_ZIP", level: "error" })]);
  });

  it("reports non-US destinations", () => {
    const result = quote(demo, input([line(V.mug)], { country: "CA", zip: "M5V 2T6", addressLines: [] }));
    expect(issueCodes(result)).toEqual(["UNSUPPORTED_COUNTRY"]);
  });

  it("uses the default box for a variant without a profile and says so", () => {
    const result = quote(
      demo,
      input([{ variantId: "99999999999999", quantity: 1, grams: 500, priceCents: 1000 }], dest("10001")),
    );
    expect(result.quotes.length).toBeGreaterThan(0);
    expect(issueCodes(result)).toContain("PROFILE_MISSING");
  });

  it("falls back to the SKU when the variant id is unknown", () => {
    const result = quote(
      demo,
      input([{ variantId: "1", sku: "TEE-M-BLK", quantity: 1, grams: 170, priceCents: 1000 }], dest("10001")),
    );
    expect(issueCodes(result)).not.toContain("PROFILE_MISSING");
  });
});

describe("quote: dates and lane statistics", () => {
  it("never promises a day before today at the destination, and min ≤ max", () => {
    const result = quote(demo, input([line(V.tee)], dest("96813")));
    for (const q of result.quotes) {
      expect(q.delivery.minDate <= q.delivery.maxDate).toBe(true);
      expect(q.delivery.minDate > "2026-11-24").toBe(true);
      expect(q.delivery.timeZone).toBe("Pacific/Honolulu");
    }
  });

  it("uses observed lane transit when there are enough samples", () => {
    const laneStats = [
      {
        warehouseId: "dallas-tx",
        serviceId: "usps-ground-advantage",
        destZip3: "752",
        samples: 50,
        p50Days: 1,
        p90Days: 1,
        onTimeRate: 0.99,
      },
    ];
    const result = quote(demo, { ...input([line(V.tee)], dest("75201")), laneStats });
    const economy = result.quotes.find((q) => q.serviceCode === "TR_ECONOMY")!;
    expect(economy.shipments[0]).toMatchObject({
      transitSource: "LANE_STATS",
      transitDays: { min: 1, max: 1 },
    });
    expect(economy.reasons.join(" ")).toMatch(/observed deliveries/);
    expect(NOW.getTime()).toBeGreaterThan(0);
  });
});
