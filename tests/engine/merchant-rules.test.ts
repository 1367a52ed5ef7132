import { describe, expect, it } from "vitest";
import { activeConfig, applyPlanMarkup, compileShopConfig, quote } from "../../app/engine";
import type { QuoteResult } from "../../app/engine/types";
import { demo, demoWith, dest, input, line, V } from "./helpers";

// Rules the merchant sets in the admin: freight levels per warehouse, freight thresholds, a markup per
// carrier service, and inactive warehouses / services / cartons kept in the configuration.

const codes = (r: QuoteResult) => r.quotes.map((q) => q.serviceCode);
const FREIGHT_TIERS = ["TR_FREIGHT_THRESHOLD", "TR_FREIGHT_ROOM_OF_CHOICE", "TR_FREIGHT_WHITE_GLOVE"];

describe("freight service levels per warehouse", () => {
  it("offers a level only where both the service and the warehouse have it", () => {
    // GIVEN the sofa stocked in Dallas and Ontario; Dallas arranges threshold only, Ontario threshold and
    // room of choice; the LTL service offers all three levels
    const config = demoWith((c) => {
      c.warehouses.find((w) => w.id === "dallas-tx")!.freightLevels = ["THRESHOLD"];
      c.warehouses.find((w) => w.id === "ontario-ca")!.freightLevels = ["THRESHOLD", "ROOM_OF_CHOICE"];
    });
    // WHEN a New York buyer asks for rates
    const result = quote(compileShopConfig(config), input([line(V.sofa)], dest("10001")));
    // THEN white glove is not offered (no warehouse arranges it) and room of choice ships from Ontario
    expect(codes(result)).toEqual(["TR_FREIGHT_THRESHOLD", "TR_FREIGHT_ROOM_OF_CHOICE"]);
    const room = result.quotes.find((q) => q.serviceCode === "TR_FREIGHT_ROOM_OF_CHOICE")!;
    expect(room.shipments.map((s) => [s.warehouseId, s.freightLevel])).toEqual([
      ["ontario-ca", "ROOM_OF_CHOICE"],
    ]);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: "TIER_UNAVAILABLE" }));
  });

  it("a warehouse without a freight-level list offers every level its services have (today's behaviour)", () => {
    const result = quote(demo, input([line(V.sofa)], dest("10001")));
    expect(codes(result)).toEqual(FREIGHT_TIERS);
  });

  it("never offers a level the service lacks, whatever the warehouse lists", () => {
    const config = demoWith((c) => {
      const ltl = c.carrierServices.find((s) => s.mode === "FREIGHT")!;
      ltl.freight = { ...ltl.freight!, levels: ["THRESHOLD"] };
      for (const w of c.warehouses) w.freightLevels = ["THRESHOLD", "ROOM_OF_CHOICE", "WHITE_GLOVE"];
    });
    expect(codes(quote(compileShopConfig(config), input([line(V.sofa)], dest("10001"))))).toEqual([
      "TR_FREIGHT_THRESHOLD",
    ]);
  });
});

describe("freight thresholds", () => {
  const heavyMugs = [line(V.mug, 30)]; // 30 × 14 oz = 26.25 lb, parcel-sized

  it("below the cart-weight threshold parcel tiers are offered as usual", () => {
    const config = compileShopConfig(demoWith((c) => (c.strategy.freightFromCartWeightLb = 30)));
    const result = quote(config, input(heavyMugs, dest("80202", { state: "CO" })));
    // (Express is absent here only because it would not arrive sooner than Standard: see dominated-tiers.test.ts.)
    expect(codes(result)).toEqual(expect.arrayContaining(["TR_STANDARD", "TR_ECONOMY"]));
    expect(codes(result).some((c) => c.startsWith("TR_FREIGHT"))).toBe(false);
  });

  it("from the cart-weight threshold only freight is offered, and the reason is given", () => {
    // GIVEN a shop that ships by freight from 25 lb
    const config = compileShopConfig(demoWith((c) => (c.strategy.freightFromCartWeightLb = 25)));
    // WHEN a 26.25 lb cart of mugs (which parcel could carry) is quoted
    const result = quote(config, input(heavyMugs, dest("80202", { state: "CO" })));
    // THEN only freight tiers come back, every shipment by freight
    expect(codes(result)).toEqual(FREIGHT_TIERS);
    for (const q of result.quotes) expect(q.shipments.every((s) => s.mode === "FREIGHT")).toBe(true);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: "FREIGHT_REQUIRED",
        message: "Cart weighs 26.3 lb: the shop ships by freight from 25 lb",
      }),
    );
  });

  it("from the parcel-count threshold only freight is offered", () => {
    // GIVEN three lamps: light, but each in its own lamp carton
    const lamps = [line(V.lamp, 3)];
    const parcels = quote(demo, input(lamps, dest("80202"))).quotes[0].shipments[0].packages.length;
    expect(parcels).toBe(3);
    const at = compileShopConfig(demoWith((c) => (c.strategy.freightFromParcels = 3)));
    const above = compileShopConfig(demoWith((c) => (c.strategy.freightFromParcels = 4)));
    // THEN at 3 parcels the shop's "freight from 3 parcels" applies; a 4-parcel rule leaves parcel tiers
    const atResult = quote(at, input(lamps, dest("80202")));
    expect(codes(atResult)).toEqual(FREIGHT_TIERS);
    expect(atResult.issues).toContainEqual(
      expect.objectContaining({
        message: "Cart packs into 3 parcels: the shop ships by freight from 3 parcels",
      }),
    );
    expect(codes(quote(above, input(lamps, dest("80202"))))).toEqual(
      codes(quote(demo, input(lamps, dest("80202")))),
    );
    expect(codes(quote(above, input(lamps, dest("80202"))))).toContain("TR_STANDARD");
  });

  it("over the threshold without a freight service there is no parcel fallback", () => {
    const config = compileShopConfig(
      demoWith((c) => {
        c.strategy.freightFromCartWeightLb = 10;
        c.carrierServices = c.carrierServices.filter((s) => s.mode !== "FREIGHT");
      }),
    );
    const result = quote(config, input(heavyMugs, dest("80202")));
    expect(result.quotes).toEqual([]);
    expect(result.issues.map((i) => i.code)).toContain("NO_RATES");
  });
});

describe("markup per carrier service", () => {
  it("a service's own markup replaces the shop's on its shipments; other services keep the shop's", () => {
    // GIVEN +50 % on every Standard service (the shop adds a flat $1 everywhere)
    const config = compileShopConfig(
      demoWith((c) => {
        for (const s of c.carrierServices)
          if (s.tier === "STANDARD") s.markup = { basisPoints: 5000, fixedCents: 0 };
      }),
    );
    const result = quote(config, input([line(V.mug, 2), line(V.tee)], dest("80202", { state: "CO" })));
    const standard = result.quotes.find((q) => q.serviceCode === "TR_STANDARD")!;
    const economy = result.quotes.find((q) => q.serviceCode === "TR_ECONOMY")!;
    // THEN Standard is priced at cost + 50 %, without the shop's dollar; Economy at cost + $1
    expect(standard.markupCents).toBe(Math.round(standard.carrierCostCents * 0.5));
    expect(standard.totalCents).toBe(standard.carrierCostCents + standard.markupCents);
    expect(economy.totalCents).toBe(economy.carrierCostCents + 100);
  });

  it("each markup is applied once to the cost of the shipments it governs", () => {
    const shop = { basisPoints: 1000, fixedCents: 100 };
    const ups = { basisPoints: 2000, fixedCents: 50 };
    // Two shipments with the UPS markup and one with the shop's.
    expect(
      applyPlanMarkup(
        [
          { costCents: 1000, markup: ups },
          { costCents: 3000, markup: ups },
          { costCents: 2000, markup: undefined },
        ],
        shop,
      ),
    ).toEqual({ totalCents: 6000 + 800 + 50 + 200 + 100, markupCents: 1150 });
    // Without service markups it is the shop's markup on the total, as before.
    expect(applyPlanMarkup([{ costCents: 1234 }, { costCents: 999 }], shop)).toEqual({
      totalCents: 2233 + 223 + 100,
      markupCents: 323,
    });
    // A discount never makes shipping negative.
    expect(
      applyPlanMarkup([{ costCents: 500, markup: { basisPoints: -10_000, fixedCents: -100 } }], shop),
    ).toEqual({ totalCents: 0, markupCents: -500 });
  });
});

describe("inactive parts of a configuration", () => {
  it("are kept in the configuration but never quoted", () => {
    // GIVEN Dallas inactive, UPS Ground disabled and the small carton retired
    const config = demoWith((c) => {
      c.warehouses.find((w) => w.id === "dallas-tx")!.active = false;
      c.carrierServices.find((s) => s.id === "ups-ground")!.enabled = false;
      c.cartons[0].active = false;
    });
    const compiled = compileShopConfig(config);
    expect(compiled.warehouses.map((w) => w.config.id)).toEqual(["edison-nj", "ontario-ca"]);
    expect(compiled.services.map((s) => s.config.id)).not.toContain("ups-ground");
    expect(compiled.cartons.map((c) => c.carton.id)).not.toContain(config.cartons[0].id);
    // WHEN a Dallas buyer asks for rates
    const result = quote(compiled, input([line(V.mug, 2)], dest("75201", { state: "TX" })));
    // THEN nothing ships from Dallas or with UPS Ground
    for (const q of result.quotes)
      for (const s of q.shipments) {
        expect(s.warehouseId).not.toBe("dallas-tx");
        expect(s.serviceId).not.toBe("ups-ground");
      }
    expect(result.quotes.length).toBeGreaterThan(0);
  });

  it("a configuration whose warehouses are all inactive does not compile", () => {
    const config = demoWith((c) => c.warehouses.forEach((w) => (w.active = false)));
    expect(activeConfig(config).warehouses).toEqual([]);
    expect(() => compileShopConfig(config)).toThrow(/at least one active warehouse/);
  });
});
