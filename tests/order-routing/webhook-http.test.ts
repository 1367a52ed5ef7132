import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { deliverWebhook } from "../../scripts/lib/signed-webhook";
import { recordInstall, recordUninstall } from "../../app/services/shop/lifecycle.server";
import { appDatabase } from "../support/app-database";
import { fixture } from "../support/fixtures";
import { storeOfflineSession } from "../support/offline-session";

const db = appDatabase();
afterAll(() => db.$disconnect());

const ORDER_ID = "gid://shopify/Order/5551234567890";
const delivery = (
  shop: string,
  webhookId = randomUUID(),
  secret = inject("appApiSecret"),
  body: unknown = fixture("shopify/orders/orders-create-mugs-lamp.json"),
) => ({
  topic: "orders/create",
  shop,
  body,
  secret,
  webhookId,
});
const post = (shop: string, ...rest: Parameters<typeof delivery> extends [string, ...infer R] ? R : never) =>
  deliverWebhook(inject("appUrl"), "/webhooks/orders/create", delivery(shop, ...rest));

async function installedShopWithoutWarehouses(shop: string) {
  await recordInstall(db, shop);
  await storeOfflineSession(db, shop, "shpat_http_test", "");
}

describe("POST /webhooks/orders/create routes the order", () => {
  it("records an unroutable decision for a shop without warehouses before answering, once per order", async () => {
    // GIVEN an installed shop that has configured no warehouse
    const shop = "routing-http-empty.myshopify.com";
    await installedShopWithoutWarehouses(shop);
    const webhookId = randomUUID();
    // WHEN the order arrives, and Shopify redelivers it
    const started = Date.now();
    const first = await post(shop, webhookId);
    const elapsed = Date.now() - started;
    const again = await post(shop, webhookId);
    // THEN both are acknowledged quickly and exactly one decision records why it cannot be routed
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(elapsed).toBeLessThan(5_000);
    const decisions = await db.routingDecision.findMany({ where: { shop, orderId: ORDER_ID } });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      status: "UNROUTABLE",
      error: "The shop has no active warehouses",
      orderName: "#1042",
    });
  });

  it("answers 200 for an uninstalled shop and decides nothing", async () => {
    // GIVEN a shop that uninstalled the app
    const shop = "routing-http-gone.myshopify.com";
    await installedShopWithoutWarehouses(shop);
    await recordUninstall(db, shop, new Date());
    // WHEN an order webhook arrives anyway
    const response = await post(shop);
    // THEN it is acknowledged and ignored
    expect(response.status).toBe(200);
    expect(await db.routingDecision.count({ where: { shop } })).toBe(0);
  });

  it("refuses a bad HMAC with 401 and decides nothing", async () => {
    // GIVEN an installed shop and a delivery signed with the wrong secret
    const shop = "routing-http-hmac.myshopify.com";
    await installedShopWithoutWarehouses(shop);
    // WHEN it arrives
    const response = await post(shop, randomUUID(), "not-our-secret");
    // THEN 401, no decision
    expect(response.status).toBe(401);
    expect(await db.routingDecision.count({ where: { shop } })).toBe(0);
  });

  it("answers a correctly signed but malformed order with 400, never 5xx", async () => {
    // GIVEN a signed payload without line items
    const shop = "routing-http-bad.myshopify.com";
    await installedShopWithoutWarehouses(shop);
    const body = { ...fixture("shopify/orders/orders-create-mugs-lamp.json"), line_items: "nope" };
    // WHEN it arrives
    const response = await post(shop, randomUUID(), inject("appApiSecret"), body);
    // THEN 400 with a reason
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Invalid orders\/create payload/);
  });
});
