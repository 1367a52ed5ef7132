import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  configVersion,
  DEMO_SHOP,
  load,
  OTHER_SHOP,
  startAdminHarness,
  submit,
  type AdminHarness,
} from "./admin-harness";

let h: AdminHarness;
let route: typeof import("../../app/routes/app.routing");
beforeAll(async () => {
  h = await startAdminHarness();
  route = await import("../../app/routes/app.routing");
});
afterAll(() => h?.stop());

const VALID = {
  kind: "CHEAPEST",
  costTargetPercent: "10",
  dollarsPerDay: "2.00",
  markupPercent: "5",
  markupFixed: "0.50",
  "fallback.TR_STANDARD": "9.99",
  "fallback.TR_FREIGHT_THRESHOLD": "249",
  remoteAreaZips: "59001\n996, 99701",
  remoteAreaFee: "4.25",
};

describe("Routing page", () => {
  it("loads the shop's strategy and fallback rates", async () => {
    const { data } = await load(route.loader, "/app/routing");
    expect(data.kind).toBe("BALANCED");
    expect(data.parcelServices).toBe(7);
  });

  it("saves strategy, markup, fallback rates and the remote-area ZIP list in one save", async () => {
    const before = await configVersion(h.db);
    const { status } = await submit(route.action, "/app/routing", VALID);
    expect(status).toBe(200);
    const shop = await h.db.shop.findUniqueOrThrow({ where: { shop: DEMO_SHOP } });
    expect(shop).toMatchObject({
      routingStrategy: "CHEAPEST",
      costTargetBasisPoints: 1000,
      markupBasisPoints: 500,
      markupFixedCents: 50,
    });
    expect(shop.strategyTuning).toMatchObject({ centsPerDay: 200 });
    expect(shop.fallbackRates).toEqual([
      { serviceCode: "TR_STANDARD", priceCents: 999 },
      { serviceCode: "TR_FREIGHT_THRESHOLD", priceCents: 24900 },
    ]);
    const parcel = await h.db.carrierService.findMany({
      where: { shop: DEMO_SHOP, mode: { not: "FREIGHT" } },
    });
    for (const s of parcel)
      expect(s.surcharges).toContainEqual({
        code: "REMOTE_AREA",
        zips: ["59001", "996", "99701"],
        amount: expect.objectContaining({ cents: 425 }),
      });
    expect(await configVersion(h.db)).toBe(before + 1);
    // The other shop's services keep their own surcharges.
    const theirs = await h.db.carrierService.findMany({ where: { shop: OTHER_SHOP } });
    expect(theirs.some((s) => JSON.stringify(s.surcharges).includes("99701"))).toBe(false);
  });

  it("names the bad ZIP in the uploaded list and saves nothing", async () => {
    const shopBefore = await h.db.shop.findUniqueOrThrow({ where: { shop: DEMO_SHOP } });
    const servicesBefore = await h.db.carrierService.findMany({
      where: { shop: DEMO_SHOP },
      orderBy: { id: "asc" },
    });
    const { status, data } = await submit(route.action, "/app/routing", {
      ...VALID,
      kind: "FASTEST",
      remoteAreaZips: "59001\n5900X",
      markupPercent: "abc",
    });
    expect(status).toBe(422);
    expect(data.errors.remoteAreaZips).toBe('"5900X" (entry 2): expected a ZIP3 or 5-digit ZIP');
    expect(data.errors.markupPercent).toBeDefined();
    expect(await h.db.shop.findUniqueOrThrow({ where: { shop: DEMO_SHOP } })).toEqual(shopBefore);
    expect(
      await h.db.carrierService.findMany({ where: { shop: DEMO_SHOP }, orderBy: { id: "asc" } }),
    ).toEqual(servicesBefore);
  });

  it("saves freight thresholds in the shop's weight unit, and the engine ships heavy carts by freight only", async () => {
    // GIVEN a shop showing kilograms
    await h.db.shop.update({ where: { shop: DEMO_SHOP }, data: { weightUnit: "KG" } });
    const before = await configVersion(h.db);
    // WHEN the merchant sets "freight from 10 kg" and "from 4 parcels"
    const { status } = await submit(route.action, "/app/routing", {
      ...VALID,
      freightFromWeight: "10",
      freightFromParcels: "4",
    });
    // THEN the strategy stores pounds, the page shows kilograms again, and the version moved on
    expect(status).toBe(200);
    const shop = await h.db.shop.findUniqueOrThrow({ where: { shop: DEMO_SHOP } });
    expect(shop.strategyTuning).toMatchObject({ freightFromCartWeightLb: 22.05, freightFromParcels: 4 });
    expect(await configVersion(h.db)).toBe(before + 1);
    const { data } = await load(route.loader, "/app/routing");
    expect(data).toMatchObject({ weightUnit: "KG", freightFromWeight: 10, freightFromParcels: 4 });
    // … and the engine's configuration carries the rule: a 26 lb cart of mugs gets freight tiers only
    const { loadShopConfig } = await import("../../app/services/shop/config-store.server");
    const { compileShopConfig, quote } = await import("../../app/engine");
    const config = (await loadShopConfig(h.db, DEMO_SHOP))!;
    expect(config.strategy.freightFromCartWeightLb).toBe(22.05);
    const mug = config.productProfiles.find((p) => p.sku === "MUG-11OZ")!;
    const result = quote(compileShopConfig(config), {
      cart: [{ variantId: mug.variantId!, quantity: 30, grams: 397, priceCents: 1800 }],
      destination: { country: "US", zip: "80202", addressLines: ["1 Main St"] },
      now: new Date("2026-11-24T15:00:00Z"),
    });
    expect(result.quotes.map((q) => q.serviceCode)).toEqual([
      "TR_FREIGHT_THRESHOLD",
      "TR_FREIGHT_ROOM_OF_CHOICE",
      "TR_FREIGHT_WHITE_GLOVE",
    ]);

    // WHEN the thresholds are cleared THEN no rule is kept
    await submit(route.action, "/app/routing", { ...VALID, freightFromWeight: "", freightFromParcels: "" });
    const cleared = (await h.db.shop.findUniqueOrThrow({ where: { shop: DEMO_SHOP } })).strategyTuning;
    expect(cleared).not.toHaveProperty("freightFromCartWeightLb");
    expect(cleared).not.toHaveProperty("freightFromParcels");
    await h.db.shop.update({ where: { shop: DEMO_SHOP }, data: { weightUnit: "LB" } });
  });

  it("refuses bad thresholds, and thresholds without an enabled freight service, saving nothing", async () => {
    const before = await h.db.shop.findUniqueOrThrow({ where: { shop: DEMO_SHOP } });
    const bad = await submit(route.action, "/app/routing", {
      ...VALID,
      freightFromWeight: "-5",
      freightFromParcels: "2.5",
    });
    expect(bad.status).toBe(422);
    expect(bad.data.errors.freightFromCartWeightLb).toBeDefined();
    expect(bad.data.errors.freightFromParcels).toBeDefined();
    // GIVEN the freight service switched off
    await h.db.carrierService.updateMany({
      where: { shop: DEMO_SHOP, mode: "FREIGHT" },
      data: { enabled: false },
    });
    const noFreight = await submit(route.action, "/app/routing", { ...VALID, freightFromWeight: "300" });
    expect(noFreight.status).toBe(422);
    expect(noFreight.data.errors.freightFromCartWeightLb).toBe(
      "no freight service is enabled: enable one on the Carriers page first",
    );
    expect(await h.db.shop.findUniqueOrThrow({ where: { shop: DEMO_SHOP } })).toEqual(before);
    await h.db.carrierService.updateMany({
      where: { shop: DEMO_SHOP, mode: "FREIGHT" },
      data: { enabled: true },
    });
  });
});
