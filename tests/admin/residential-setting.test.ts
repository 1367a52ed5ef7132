import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { settingsAction, shopResidentialDefault } from "../../app/services/admin/settings.server";
import { loadShopConfig, saveShopConfig } from "../../app/services/shop/config-store.server";
import { freshTestDatabase } from "../support/test-database";

// The settings page's residential default reaches the configuration the callback and order routing load.
const dir = mkdtempSync(join(tmpdir(), "tailroute-residential-"));
const db = createPrismaClient(freshTestDatabase("residential_setting", dir));
const shop = "residential-setting.myshopify.com";

afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await saveShopConfig(db, { ...demoShopConfig, shop });
});

const form = (value: string) => {
  const data = new FormData();
  data.set("intent", "residential");
  data.set("residentialDefault", value);
  return data;
};

describe("the residential default setting", () => {
  it("starts as today's guess from the company name", async () => {
    expect(await shopResidentialDefault(db, shop)).toBe("GUESS_FROM_COMPANY");
    expect((await loadShopConfig(db, shop))?.residentialDefault).toBeUndefined();
  });

  it("saved as COMMERCIAL, is in the shop's configuration with a new config version", async () => {
    // GIVEN the shop's config version WHEN the merchant chooses "Always commercial"
    const before = await db.shop.findUniqueOrThrow({ where: { shop } });
    const result = await settingsAction(db, shop, form("COMMERCIAL"));
    // THEN it is saved, the configuration the engine loads carries it, and caches reload
    expect(result).toMatchObject({ ok: true });
    expect((await loadShopConfig(db, shop))?.residentialDefault).toBe("COMMERCIAL");
    const after = await db.shop.findUniqueOrThrow({ where: { shop } });
    expect(after.configVersion).toBeGreaterThan(before.configVersion);
  });

  it("refuses a value it does not know, naming the field, and saves nothing", async () => {
    const result = await settingsAction(db, shop, form("SOMETIMES"));
    expect(result).toMatchObject({ ok: false, errors: { residentialDefault: expect.any(String) } });
    expect(await shopResidentialDefault(db, shop)).toBe("GUESS_FROM_COMPANY");
  });
});
