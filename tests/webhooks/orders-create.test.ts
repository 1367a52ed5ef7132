import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { deliverWebhook, shopifyHmac, signedWebhookRequest } from "../../scripts/lib/signed-webhook";
import { appDatabase } from "../support/app-database";
import { fixture } from "../support/fixtures";

const db = appDatabase();
afterAll(() => db.$disconnect());

const shop = "orders-create-test.myshopify.com";
const webhook = (webhookId: string, secret = inject("appApiSecret")) => ({
  topic: "orders/create",
  shop,
  body: fixture("shopify/orders-create.json"),
  secret,
  webhookId,
});

describe("POST /webhooks/orders/create", () => {
  it("records a correctly signed delivery once, and treats Shopify's redelivery as a no-op", async () => {
    // GIVEN a signed orders/create delivery
    const webhookId = randomUUID();
    // WHEN Shopify delivers it, then redelivers it with the same X-Shopify-Webhook-Id
    const first = await deliverWebhook(inject("appUrl"), "/webhooks/orders/create", webhook(webhookId));
    const again = await deliverWebhook(inject("appUrl"), "/webhooks/orders/create", webhook(webhookId));
    // THEN both are acknowledged and exactly one receipt exists
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    const receipts = await db.webhookReceipt.findMany({ where: { shop, webhookId } });
    expect(receipts).toHaveLength(1);
    expect(receipts[0].topic).toBe("ORDERS_CREATE");
  });

  it("keeps shops apart: the same webhook id for another shop is not a redelivery", async () => {
    const webhookId = randomUUID();
    await deliverWebhook(inject("appUrl"), "/webhooks/orders/create", webhook(webhookId));
    await deliverWebhook(inject("appUrl"), "/webhooks/orders/create", {
      ...webhook(webhookId),
      shop: "orders-create-other.myshopify.com",
    });
    expect(await db.webhookReceipt.count({ where: { webhookId } })).toBe(2);
  });

  it("rejects a delivery signed with the wrong secret with 401 and records nothing", async () => {
    // GIVEN a delivery signed with another app's secret
    const webhookId = randomUUID();
    // WHEN it arrives
    const response = await deliverWebhook(
      inject("appUrl"),
      "/webhooks/orders/create",
      webhook(webhookId, "not-our-secret"),
    );
    // THEN it is refused and leaves no trace
    expect(response.status).toBe(401);
    expect(await db.webhookReceipt.count({ where: { webhookId } })).toBe(0);
  });

  it("rejects a body changed after signing", async () => {
    // GIVEN a correctly signed delivery whose body is then tampered with
    const webhookId = randomUUID();
    const { headers, body } = signedWebhookRequest(webhook(webhookId));
    const tampered = body.replace('"19.99"', '"0.01"');
    // WHEN it arrives
    const response = await fetch(new URL("/webhooks/orders/create", inject("appUrl")), {
      method: "POST",
      headers,
      body: tampered,
    });
    // THEN the HMAC no longer matches
    expect(response.status).toBe(401);
    expect(await db.webhookReceipt.count({ where: { webhookId } })).toBe(0);
  });

  it("answers a request without Shopify's webhook headers with a 4xx, never a 5xx", async () => {
    // WHEN a plain POST arrives
    const response = await fetch(new URL("/webhooks/orders/create", inject("appUrl")), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    // THEN it is a client error
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it.each([
    { what: "names a shop header that is not a shop domain", shop: "not a shop", body: undefined },
    { what: "carries a body that is not JSON", shop: undefined, body: "not json {" },
  ])("answers a correctly signed delivery that $what with 400 and a reason", async ({ shop, body }) => {
    // GIVEN a delivery signed with the right secret over exactly the bytes sent
    const signedRequest = signedWebhookRequest(webhook(randomUUID()));
    const raw = body ?? signedRequest.body;
    const headers = {
      ...signedRequest.headers,
      "X-Shopify-Hmac-Sha256": shopifyHmac(raw, inject("appApiSecret")),
      ...(shop ? { "X-Shopify-Shop-Domain": shop } : {}),
    };
    // WHEN it arrives
    const response = await fetch(new URL("/webhooks/orders/create", inject("appUrl")), {
      method: "POST",
      headers,
      body: raw,
    });
    // THEN it is refused as bad input, not as a server error
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/shop domain|not JSON/);
  });
});
