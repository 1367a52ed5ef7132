import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { seedDemoShop } from "../../app/demo/seed.server";
import { compileShopConfig, quote } from "../../app/engine";
import { importZoneChart } from "../../app/services/admin/zone-charts.server";
import { loadShopConfig } from "../../app/services/shop/config-store.server";
import { freshTestDatabase } from "../support/test-database";

const dir = mkdtempSync(join(tmpdir(), "tailroute-zone-charts-"));
const db = createPrismaClient(freshTestDatabase("zone_charts", dir));
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});
const shop = demoShopConfig.shop;

describe("zone chart import", () => {
  it("saves nothing from a malformed file and names every bad line", async () => {
    // GIVEN the demo shop WHEN a chart with a bad range and a bad zone is imported for UPS Ground from Edison
    await seedDemoShop(db);
    const version = (await db.shop.findUniqueOrThrow({ where: { shop } })).configVersion;
    const result = await importZoneChart(db, shop, {
      serviceCode: "ups-ground",
      warehouseKey: "edison-nj",
      source: "UPS",
      csv: "Dest. ZIP,Ground\n100-102,2\n10X,3\n103-104,nine\n",
    });
    // THEN the import fails with lines 3 and 4, and no chart or configuration change was stored
    expect(result.ok).toBe(false);
    expect(!result.ok && result.lineErrors.map((e) => e.line)).toEqual([3, 4]);
    expect(await db.zoneChart.count({ where: { shop } })).toBe(0);
    expect((await db.shop.findUniqueOrThrow({ where: { shop } })).configVersion).toBe(version);
  });

  it("refuses a chart for another origin than the warehouse's ZIP3", async () => {
    const result = await importZoneChart(db, shop, {
      serviceCode: "ups-ground",
      warehouseKey: "edison-nj",
      source: "UPS",
      originZip3: "100",
      csv: "Dest. ZIP,Ground\n100-102,2\n",
    });
    expect(!result.ok && result.lineErrors[0].message).toMatch(/origin 100 .* ships from 088/);
    expect(await db.zoneChart.count({ where: { shop } })).toBe(0);
  });

  it("stores a good chart, which the loaded configuration quotes with", async () => {
    // GIVEN a UPS Ground chart from Edison putting ZIP3s 100–102 in zone 4
    const result = await importZoneChart(db, shop, {
      serviceCode: "ups-ground",
      warehouseKey: "edison-nj",
      source: "UPS",
      csv: "Dest. ZIP,Ground,2nd Day Air\n004-099,3,203\n100-102,4,204\n",
      column: "Ground",
    });
    expect(result).toMatchObject({ ok: true, ranges: 2 });
    // WHEN the configuration is loaded and a mug is quoted to New York from Edison by UPS Ground only
    const config = await loadShopConfig(db, shop);
    const edisonUps = {
      ...config!,
      warehouses: config!.warehouses.filter((w) => w.id === "edison-nj"),
      carrierServices: config!.carrierServices.filter((s) => s.id === "ups-ground"),
    };
    const quoted = quote(compileShopConfig(edisonUps), {
      cart: [{ variantId: "44012345670001", quantity: 1, grams: 397, priceCents: 1800 }],
      destination: { country: "US", zip: "10001", addressLines: ["350 5th Ave"] },
      now: new Date("2026-11-24T15:00:00Z"),
    });
    // THEN the shipment is in zone 4 from the UPS chart
    expect(quoted.quotes[0].shipments[0].zoneSource).toBe("zone 4 from UPS chart for origin 088");
  });
});
