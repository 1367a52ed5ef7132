import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { freshTestDatabase } from "../support/test-database";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { seedDemoShop } from "../../app/demo/seed.server";
import { loadShopConfig, saveShopConfig } from "../../app/services/shop/config-store.server";

const dir = mkdtempSync(join(tmpdir(), "tailroute-config-store-"));
const db = createPrismaClient(freshTestDatabase("config_store", dir));
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

/** JSON has no `undefined`: compare what survives serialisation, with service warehouse lists sorted. */
const normalised = (value: unknown) =>
  JSON.parse(
    JSON.stringify(value, (_k, v) =>
      Array.isArray(v) && v.every((x) => typeof x === "string") ? [...v] : v,
    ),
  );

describe("shop configuration store", () => {
  it("loads back exactly the configuration the demo seed saved", async () => {
    // GIVEN the demo shop seeded into a fresh database
    const counts = await seedDemoShop(db);
    // WHEN it is read back for the engine
    const loaded = await loadShopConfig(db, demoShopConfig.shop);
    // THEN nothing was lost or changed on the way
    expect(counts.warehouses).toBe(demoShopConfig.warehouses.length);
    expect(normalised(loaded)).toEqual(normalised(demoShopConfig));
  });

  it("keeps each surviving warehouse's Shopify location link when the configuration is saved again", async () => {
    // GIVEN the seeded demo shop, whose warehouses are linked to Shopify locations
    const linked = await db.warehouse.findMany({
      where: { shop: demoShopConfig.shop },
      orderBy: { key: "asc" },
    });
    expect(linked.every((w) => w.shopifyLocationId)).toBe(true);
    // WHEN the configuration is saved again without one warehouse (as an admin save or a JSON import does)
    const [dropped, ...kept] = demoShopConfig.warehouses;
    await saveShopConfig(db, {
      ...demoShopConfig,
      warehouses: kept,
      carrierServices: demoShopConfig.carrierServices.map((s) => ({
        ...s,
        warehouseIds: s.warehouseIds?.filter((id) => id !== dropped.id),
      })),
    });
    // THEN the remaining warehouses still point at their locations
    const after = await db.warehouse.findMany({
      where: { shop: demoShopConfig.shop },
      orderBy: { key: "asc" },
    });
    expect(after.map((w) => [w.key, w.shopifyLocationId])).toEqual(
      linked.filter((w) => w.key !== dropped.id).map((w) => [w.key, w.shopifyLocationId]),
    );
    await seedDemoShop(db);
  });

  it("marks seeded rate cards as samples", async () => {
    const cards = await db.rateCard.findMany({ where: { shop: demoShopConfig.shop } });
    expect(cards.length).toBe(demoShopConfig.carrierServices.length);
    expect(cards.every((c) => c.isSample)).toBe(true);
  });

  it("bumps the config version on every save so cached copies go stale", async () => {
    const before = await db.shop.findUniqueOrThrow({ where: { shop: demoShopConfig.shop } });
    await saveShopConfig(db, demoShopConfig);
    const after = await db.shop.findUniqueOrThrow({ where: { shop: demoShopConfig.shop } });
    expect(after.configVersion).toBe(before.configVersion + 1);
  });

  it("keeps shops apart: saving one shop leaves another's warehouses alone", async () => {
    // GIVEN a second shop with the same configuration
    const other = { ...demoShopConfig, shop: "other-shop.myshopify.com" };
    await saveShopConfig(db, other);
    // WHEN the demo shop saves a configuration with a single warehouse
    await saveShopConfig(db, {
      ...demoShopConfig,
      warehouses: demoShopConfig.warehouses.slice(0, 1),
      carrierServices: demoShopConfig.carrierServices.map((s) => ({ ...s, warehouseIds: undefined })),
    });
    // THEN the other shop still has all of its warehouses
    expect(await db.warehouse.count({ where: { shop: other.shop } })).toBe(demoShopConfig.warehouses.length);
    expect(await db.warehouse.count({ where: { shop: demoShopConfig.shop } })).toBe(1);
  });

  it("answers null for an unknown shop", async () => {
    expect(await loadShopConfig(db, "nobody.myshopify.com")).toBeNull();
  });
});
