import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { sealWarehouseSecret } from "../../app/services/handoff/warehouse-secret.server";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { genericSignature } from "../../app/services/tracking/signatures.server";
import { shopifyHmac } from "../../scripts/lib/signed-webhook";
import { appDatabase } from "../support/app-database";

// The handoff's public endpoints on the real app over real HTTP (tests/support/global-setup.ts): Shopify's
// fulfillment_order_notification (app secret HMAC) and the warehouse's reports (warehouse secret): tracking, and
// an order it cannot ship.
const db = appDatabase();
const shop = "handoff-http.myshopify.com";
const appSecret = inject("appApiSecret");
process.env.SHOPIFY_API_SECRET = appSecret; // the app seals and opens warehouse secrets with a key derived from it
const WAREHOUSE_SECRET = "whsec_http_test";
const FO = "gid://shopify/FulfillmentOrder/7301";
const FO_GIVEN_BACK = "gid://shopify/FulfillmentOrder/7302";
const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

beforeAll(async () => {
  await saveShopConfig(db, { ...demoShopConfig, shop });
  await recordInstall(db, shop);
  await db.warehouse.updateMany({
    where: { shop, key: "edison-nj" },
    data: {
      handoffEnabled: true,
      handoffUrl: "https://warehouse.example/hook",
      handoffSecret: sealWarehouseSecret(WAREHOUSE_SECRET),
    },
  });
  await db.warehouseHandoff.create({
    data: {
      shop,
      warehouseKey: "edison-nj",
      fulfillmentOrderId: FO,
      orderId: "gid://shopify/Order/1501",
      state: "SENT",
      document: {},
    },
  });
  await db.warehouseHandoff.create({
    data: {
      shop,
      warehouseKey: "edison-nj",
      fulfillmentOrderId: FO_GIVEN_BACK,
      orderId: "gid://shopify/Order/1502",
      state: "SENT",
      document: {},
    },
  });
});
afterAll(() => db.$disconnect());

function notify(body: string, headers: Record<string, string>) {
  return fetch(`${inject("appUrl")}/fulfillment-service/fulfillment_order_notification`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/json", "User-Agent": BROWSER, ...headers },
  });
}

function report(body: unknown, secret = WAREHOUSE_SECRET, path: "tracking" | "unfulfillable" = "tracking") {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  return fetch(`${inject("appUrl")}/api/warehouse/${path}?shop=${shop}&warehouse=edison-nj`, {
    method: "POST",
    body: raw,
    headers: {
      "Content-Type": "application/json",
      "X-Tailroute-Timestamp": timestamp,
      "X-Tailroute-Signature": genericSignature(raw, timestamp, secret),
    },
  });
}

describe("POST /fulfillment-service/fulfillment_order_notification", () => {
  it("queues the requests' work when Shopify signed it, and refuses what it did not sign", async () => {
    const body = JSON.stringify({ kind: "FULFILLMENT_REQUEST" });
    const signed = await notify(body, {
      "X-Shopify-Hmac-Sha256": shopifyHmac(body, appSecret),
      "X-Shopify-Shop-Domain": shop,
    });
    expect(signed.status).toBe(200);
    expect(await signed.json()).toEqual({ queued: "FULFILLMENT_REQUEST" });
    const forged = await notify(body, {
      "X-Shopify-Hmac-Sha256": shopifyHmac(body, "not-the-app-secret"),
      "X-Shopify-Shop-Domain": shop,
    });
    const unsigned = await notify(body, { "X-Shopify-Shop-Domain": shop });
    expect([forged.status, unsigned.status]).toEqual([401, 401]);
  });

  it("answers 400 with the reason to a signed body that is not a notification", async () => {
    const body = JSON.stringify({ kind: "SOMETHING_ELSE" });
    const answer = await notify(body, {
      "X-Shopify-Hmac-Sha256": shopifyHmac(body, appSecret),
      "X-Shopify-Shop-Domain": shop,
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({
      error: "kind must be FULFILLMENT_REQUEST or CANCELLATION_REQUEST",
    });
  });
});

describe("POST /api/warehouse/tracking", () => {
  it("records a signed report once, acknowledges its repeat, and refuses a forged one", async () => {
    const body = { fulfillmentOrderId: FO, trackingNumber: "1Z999AA10123456784", company: "UPS" };
    const forged = await report(body, "whsec_guess");
    expect(forged.status).toBe(401);
    const first = await report(body);
    const again = await report(body);
    expect([first.status, again.status]).toEqual([202, 200]);
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect(
      await db.warehouseHandoff.findFirstOrThrow({ where: { shop, fulfillmentOrderId: FO } }),
    ).toMatchObject({
      trackingNumber: "1Z999AA10123456784",
      trackingCompany: "UPS",
    });
  });
});

describe("POST /api/warehouse/unfulfillable", () => {
  it("gives a signed order back once, acknowledges its repeat, and refuses a forged or reasonless one", async () => {
    const body = { fulfillmentOrderId: FO_GIVEN_BACK, reason: "Out of stock at the warehouse" };
    const forged = await report(body, "whsec_guess", "unfulfillable");
    const reasonless = await report({ ...body, reason: "" }, WAREHOUSE_SECRET, "unfulfillable");
    expect([forged.status, reasonless.status]).toEqual([401, 400]);
    expect((await reasonless.json()).error).toMatch(/reason/);
    const first = await report(body, WAREHOUSE_SECRET, "unfulfillable");
    const again = await report(body, WAREHOUSE_SECRET, "unfulfillable");
    expect([first.status, again.status]).toEqual([202, 200]);
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect(
      await db.warehouseHandoff.findFirstOrThrow({ where: { shop, fulfillmentOrderId: FO_GIVEN_BACK } }),
    ).toMatchObject({ state: "CLOSED", closedReason: "Out of stock at the warehouse" });
  });
});
