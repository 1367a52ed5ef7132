import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { StoredJsonError } from "../../app/db/json-column";
import { isPostgresUrl } from "../../app/db/postgres.server";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { compileShopConfig, type CompiledShopConfig } from "../../app/engine";
import { answerCarrierCallback } from "../../app/services/carrier-service/callback.server";
import { loadShopConfig, saveShopConfig } from "../../app/services/shop/config-store.server";
import { decisionDetail } from "../../app/services/admin/orders.server";
import { decisionActions } from "../../app/services/order-routing/decision-record.server";
import { planLinkFor } from "../../app/services/tracking/shipment-link.server";
import { ShopRuntimeCache } from "../../app/services/shop/runtime-cache.server";
import { shopifyHmac } from "../../scripts/lib/signed-webhook";
import { fixture } from "../support/fixtures";
import { freshTestDatabase } from "../support/test-database";

// A Json column that no longer matches its shape (written by an older version, edited by hand) fails where it is
// read, naming the shop and the column, instead of surfacing as an undefined deep in the engine.
const dir = mkdtempSync(join(tmpdir(), "tailroute-stored-json-"));
const url = freshTestDatabase("stored_json", dir);
const db = createPrismaClient(url);
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const shop = "stored-json.myshopify.com";
const SECRET = "stored-json-secret";

/** Overwrites a Json column behind Prisma's back, as a hand edit or an old version would. */
async function corrupt(table: "CarrierService" | "Shop" | "RoutingDecision", column: string, json: string) {
  const [value, where] = isPostgresUrl(url) ? ["CAST($1 AS jsonb)", "$2"] : ["?", "?"];
  await db.$executeRawUnsafe(
    `UPDATE "${table}" SET "${column}" = ${value} WHERE "shop" = ${where}`,
    json,
    shop,
  );
}

beforeEach(async () => {
  await saveShopConfig(db, { ...demoShopConfig, shop });
});

describe("stored Json columns", () => {
  it("load as saved when intact", async () => {
    const loaded = await loadShopConfig(db, shop);
    expect(loaded?.carrierServices.length).toBe(demoShopConfig.carrierServices.length);
    expect(loaded?.defaultBox).toEqual(demoShopConfig.defaultBox);
  });

  it("a carrier service's corrupted surcharges fail the load with the shop and column named", async () => {
    // GIVEN surcharges that are valid JSON but not surcharge rules
    await corrupt("CarrierService", "surcharges", '[{"code":"BOGUS","amount":"lots"}]');
    // WHEN the configuration is loaded  THEN a StoredJsonError names the shop and the column
    const load = loadShopConfig(db, shop);
    await expect(load).rejects.toBeInstanceOf(StoredJsonError);
    await expect(load).rejects.toThrow(
      new RegExp(`Stored CarrierService\\.surcharges of row \\S+ for shop ${shop.replace(/\./g, "\\.")}`),
    );
  });

  it("a shop's corrupted default box names Shop.defaultBox", async () => {
    await corrupt("Shop", "defaultBox", '{"lengthIn":"twelve"}');
    await expect(loadShopConfig(db, shop)).rejects.toThrow(
      /Stored Shop\.defaultBox for shop stored-json\.myshopify\.com is not valid: lengthIn: /,
    );
  });

  it("on the checkout callback, a corrupted row answers 503 (Shopify's backup rates), as any unloadable configuration does, never a 500", async () => {
    // GIVEN a shop whose stored transit table is corrupted
    await corrupt("CarrierService", "transitByZone", '"two days"');
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const deps = {
      db,
      appSecret: SECRET,
      now: () => new Date("2026-11-24T15:00:00Z"),
      cache: new ShopRuntimeCache<CompiledShopConfig>(db, { compile: compileShopConfig }),
    };
    const raw = JSON.stringify(fixture("engine/request-small-cart-dallas.json"));
    // WHEN Shopify asks for rates
    const response = await answerCarrierCallback(
      new Request("http://app.test/api/carrier-service", {
        method: "POST",
        headers: { "X-Shopify-Hmac-Sha256": shopifyHmac(raw, SECRET), "X-Shopify-Shop-Domain": shop },
        body: raw,
      }),
      null,
      deps,
    );
    // THEN the callback's answer for an unloadable configuration, and a log line naming the shop and column
    expect(response.status).toBe(503);
    const logged = errors.mock.calls.map((call) => call.join(" ")).join("\n");
    errors.mockRestore();
    expect(logged).toMatch(/CarrierService\.transitByZone/);
    expect(logged).toContain(shop);
  });

  it("a routing decision's corrupted actions name RoutingDecision.actions and the decision", async () => {
    // GIVEN a stored decision whose actions are no longer a list of actions
    await db.routingDecision.deleteMany({ where: { shop } });
    const created = await db.routingDecision.create({
      data: { shop, orderId: "gid://shopify/Order/1", plan: {}, reasons: [], actions: [] },
    });
    await corrupt("RoutingDecision", "actions", '{"kind":"MOVE"}');
    const row = await db.routingDecision.findUniqueOrThrow({ where: { id: created.id } });
    // WHEN its actions are read  THEN the error names the column, the row and the shop
    expect(() => decisionActions(row.actions, row)).toThrow(
      new RegExp(
        `Stored RoutingDecision\\.actions of row ${created.id} for shop stored-json\\.myshopify\\.com`,
      ),
    );
  });

  it("a routing decision's corrupted plan names RoutingDecision.plan in the admin, and tracking still links the parcel", async () => {
    // GIVEN a stored decision whose plan's shipment lost its warehouse and holds a zone as text (edited by hand)
    await db.routingDecision.deleteMany({ where: { shop } });
    const created = await db.routingDecision.create({
      data: { shop, orderId: "gid://shopify/Order/2", plan: {}, reasons: [], actions: [] },
    });
    await corrupt("RoutingDecision", "plan", '{"shipments":[{"warehouse":"dallas-tx","zone":"five"}]}');
    // WHEN the admin reads the decision  THEN the error names the column, the row and the shop
    await expect(decisionDetail(db, shop, created.id)).rejects.toThrow(
      new RegExp(`Stored RoutingDecision\\.plan of row ${created.id} for shop stored-json\\.myshopify\\.com`),
    );
    // AND a parcel of that order is still linked to the decision, without the lane the plan would have given
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const link = await planLinkFor(db, shop, "gid://shopify/Order/2", "UPS");
    expect(link).toMatchObject({ decisionId: created.id, warehouseId: null });
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/RoutingDecision\.plan/);
    warn.mockRestore();
  });
});
