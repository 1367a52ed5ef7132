import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { quoteCommand } from "../../app/cli/commands/quote";
import { ShopConfigFileSchema, ShopConfigSchema } from "../../app/contracts/shop-config";
import { compileShopConfig } from "../../app/engine";
import { fixturePath } from "../fixtures/engine";
import {
  configVersion,
  DEMO_SHOP,
  load,
  OTHER_SHOP,
  otherShopConfig,
  startAdminHarness,
  submit,
  type AdminHarness,
} from "./admin-harness";

let h: AdminHarness;
let route: typeof import("../../app/routes/app.settings");
let exportRoute: typeof import("../../app/routes/app.settings.export");
let settings: typeof import("../../app/services/admin/settings.server");
beforeAll(async () => {
  h = await startAdminHarness();
  route = await import("../../app/routes/app.settings");
  exportRoute = await import("../../app/routes/app.settings.export");
  settings = await import("../../app/services/admin/settings.server");
});
afterAll(() => h?.stop());

describe("Settings page", () => {
  it("saves the display units and refuses unknown ones", async () => {
    expect(
      (
        await submit(route.action, "/app/settings", {
          intent: "units",
          weightUnit: "KG",
          dimensionUnit: "CM",
        })
      ).status,
    ).toBe(200);
    const bad = await submit(route.action, "/app/settings", {
      intent: "units",
      weightUnit: "STONE",
      dimensionUnit: "IN",
    });
    expect(bad.status).toBe(422);
    expect(bad.data.errors.weightUnit).toBeDefined();
    expect((await load(route.loader, "/app/settings")).data.units).toEqual({
      weightUnit: "KG",
      dimensionUnit: "CM",
    });
  });

  it("exports the whole configuration as the JSON `tailroute quote --config` reads", async () => {
    const { status, data } = await load(exportRoute.loader, "/app/settings/export");
    expect(status).toBe(200);
    const config = ShopConfigSchema.parse(data);
    expect(config.shop).toBe(DEMO_SHOP);
    expect(config.warehouses.map((w) => w.id)).toEqual(["edison-nj", "dallas-tx", "ontario-ca"]);
    expect(config.carrierServices).toHaveLength(8);
    expect(JSON.stringify(config)).not.toContain("OTHER");
  });

  it("exports the WHOLE configuration: export → import into a fresh shop → export gives the same file", async () => {
    // GIVEN a configuration with inactive and per-warehouse/per-service settings the runtime leaves out
    await h.db.warehouse.update({
      where: { shop_key: { shop: DEMO_SHOP, key: "ontario-ca" } },
      data: { active: false },
    });
    await h.db.warehouse.update({
      where: { shop_key: { shop: DEMO_SHOP, key: "dallas-tx" } },
      data: { freightLevels: ["THRESHOLD", "ROOM_OF_CHOICE"] },
    });
    await h.db.carrierService.update({
      where: { shop_code: { shop: DEMO_SHOP, code: "usps-priority" } },
      data: { enabled: false },
    });
    await h.db.carrierService.update({
      where: { shop_code: { shop: DEMO_SHOP, code: "ups-ground" } },
      data: { markupBasisPoints: 2500, markupFixedCents: 100 },
    });
    const carton = await h.db.carton.findFirstOrThrow({
      where: { shop: DEMO_SHOP },
      orderBy: { sortOrder: "asc" },
    });
    await h.db.carton.update({ where: { id: carton.id }, data: { active: false } });
    await h.db.shop.update({
      where: { shop: DEMO_SHOP },
      data: { strategyTuning: { centsPerDay: 200, freightFromCartWeightLb: 300 } },
    });
    await h.db.pickupNetworkSetting.create({
      data: {
        shop: DEMO_SHOP,
        network: "UPS_ACCESS_POINT",
        enabled: true,
        maxWeightLb: 40,
        maxLongestIn: 36,
        maxDimensionsIn: [36, 20, 18],
        maxValueCents: null,
        holdDays: 5,
        maxDistanceMiles: 12,
        excludeFragile: false,
        excludeValuable: true,
        excludeColdChain: true,
      },
    });

    // WHEN it is exported, imported into a shop that has nothing, and exported from there
    const first = (await load(exportRoute.loader, "/app/settings/export")).data;
    const fresh = "fresh-import.myshopify.com";
    const imported = await settings.importShopConfig(h.db, fresh, JSON.stringify(first));
    expect(imported.ok).toBe(true);
    const second = await settings.exportShopConfig(h.db, fresh);

    // THEN the two files are the same configuration (only the shop differs)
    expect({ ...second, shop: DEMO_SHOP }).toEqual(first);
    // … and the file really carries what used to be lost
    const file = ShopConfigFileSchema.parse(first);
    expect(file.warehouses.map((w) => [w.id, w.active ?? true])).toEqual([
      ["edison-nj", true],
      ["dallas-tx", true],
      ["ontario-ca", false],
    ]);
    expect(file.warehouses[1].freightLevels).toEqual(["THRESHOLD", "ROOM_OF_CHOICE"]);
    expect(file.carrierServices.find((s) => s.id === "usps-priority")?.enabled).toBe(false);
    expect(file.carrierServices.find((s) => s.id === "ups-ground")?.markup).toEqual({
      basisPoints: 2500,
      fixedCents: 100,
    });
    expect(file.carrierServices.every((s) => s.rateCard.sample === true)).toBe(true);
    expect(file.cartons.find((c) => c.id === carton.key)?.active).toBe(false);
    expect(file.strategy.freightFromCartWeightLb).toBe(300);
    expect(file.units).toEqual({ weightUnit: "KG", dimensionUnit: "CM" });
    expect(file.pickupNetworks?.find((n) => n.network === "UPS_ACCESS_POINT")).toMatchObject({
      enabled: true,
      maxDimensionsIn: [36, 20, 18],
      holdDays: 5,
    });
    expect(file.pickupNetworks).toHaveLength(4);
    // The fresh shop's rows say the same (units, inactive rows, sample cards stay labelled).
    expect(await h.db.shop.findUniqueOrThrow({ where: { shop: fresh } })).toMatchObject({
      weightUnit: "KG",
      dimensionUnit: "CM",
    });
    expect(await h.db.warehouse.count({ where: { shop: fresh, active: false } })).toBe(1);
    expect(await h.db.rateCard.count({ where: { shop: fresh, isSample: false } })).toBe(0);
  });

  it("the exported file is what the engine and `tailroute quote --config` read (inactive parts left out)", async () => {
    // GIVEN the exported file on disk (it has an inactive warehouse and a disabled service, see above)
    const { data } = await load(exportRoute.loader, "/app/settings/export");
    const path = join(mkdtempSync(join(tmpdir(), "tailroute-export-")), "shop.json");
    writeFileSync(path, JSON.stringify(data, null, 2));
    // WHEN the engine compiles it
    const compiled = compileShopConfig(ShopConfigSchema.parse(data));
    // THEN only the active warehouses and enabled services take part
    expect(compiled.warehouses.map((w) => w.config.id)).toEqual(["edison-nj", "dallas-tx"]);
    expect(compiled.services.map((s) => s.config.id)).not.toContain("usps-priority");
    // … and the CLI quotes a request with it
    let stdout = "";
    let stderr = "";
    const code = await quoteCommand.run(
      [fixturePath("request-small-cart-dallas.json"), "--config", path, "--now", "2026-11-24T15:00:00Z"],
      { stdin: Readable.from([""]), stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const rates = JSON.parse(stdout).rates as { service_code: string; description: string }[];
    expect(rates.length).toBeGreaterThan(0);
    for (const rate of rates) expect(rate.description).not.toContain("Ontario");
  });

  it("refuses a file whose services name unknown warehouses or repeat ids, saving nothing", async () => {
    const before = await configVersion(h.db);
    const { data } = await load(exportRoute.loader, "/app/settings/export");
    const file = {
      ...data,
      warehouses: [...data.warehouses, data.warehouses[0]],
      carrierServices: data.carrierServices.map((s: object, i: number) =>
        i === 0 ? { ...s, warehouseIds: ["nowhere"] } : s,
      ),
    };
    const { status, data: answer } = await submit(route.action, "/app/settings", {
      intent: "importConfig",
      config: JSON.stringify(file),
    });
    expect(status).toBe(422);
    expect(answer.errors["config.warehouses.3.id"]).toBe('"edison-nj" is used twice');
    expect(answer.errors["config.carrierServices.0.warehouseIds"]).toBe("unknown warehouse nowhere");
    expect(await configVersion(h.db)).toBe(before);
  });

  it("imports nothing from a file that breaks the contract, and says where", async () => {
    const before = await configVersion(h.db);
    const broken = {
      ...otherShopConfig,
      warehouses: [
        {
          ...otherShopConfig.warehouses[0],
          address: { ...otherShopConfig.warehouses[0].address, zip: "ABCDE" },
        },
      ],
    };
    const { status, data } = await submit(route.action, "/app/settings", {
      intent: "importConfig",
      config: JSON.stringify(broken),
    });
    expect(status).toBe(422);
    expect(data.errors["config.warehouses.0.address.zip"]).toBe("expected a 5-digit ZIP");
    const notJson = await submit(route.action, "/app/settings", { intent: "importConfig", config: "{ nope" });
    expect(notJson.status).toBe(422);
    expect(await h.db.warehouse.count({ where: { shop: DEMO_SHOP } })).toBe(3);
    expect(await configVersion(h.db)).toBe(before);
  });

  it("imports a configuration exported elsewhere into this shop only, keeping Shopify location links", async () => {
    // GIVEN a file exported from the other shop, with a single warehouse
    const file = {
      ...otherShopConfig,
      warehouses: [otherShopConfig.warehouses[1]],
      carrierServices: otherShopConfig.carrierServices.map((s) => ({ ...s, warehouseIds: undefined })),
    };
    const before = await configVersion(h.db);
    const { status } = await submit(route.action, "/app/settings", {
      intent: "importConfig",
      config: JSON.stringify(file),
    });
    expect(status).toBe(200);
    const mine = await h.db.warehouse.findMany({ where: { shop: DEMO_SHOP } });
    expect(mine.map((w) => [w.key, w.name, w.shopifyLocationId])).toEqual([
      ["dallas-tx", "OTHER Dallas TX (Central)", "gid://shopify/Location/1002"],
    ]);
    expect(await configVersion(h.db)).toBeGreaterThan(before);
    // The other shop still has its three warehouses.
    expect(await h.db.warehouse.count({ where: { shop: OTHER_SHOP } })).toBe(3);
  });
});
