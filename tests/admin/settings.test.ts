import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ShopConfigSchema } from "../../app/contracts/shop-config";
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
beforeAll(async () => {
  h = await startAdminHarness();
  route = await import("../../app/routes/app.settings");
  exportRoute = await import("../../app/routes/app.settings.export");
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
