import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { deliverWebhook } from "../../scripts/lib/signed-webhook";
import { appDatabase } from "../support/app-database";
import { fixture } from "../support/fixtures";

const db = appDatabase();
afterAll(() => db.$disconnect());

const ORDER_ID = "gid://shopify/Order/5551234567890";
const post = (topic: string, shop: string, body: unknown, secret = inject("appApiSecret")) =>
  deliverWebhook(inject("appUrl"), `/webhooks/${topic}`, {
    topic,
    shop,
    body,
    secret,
    webhookId: randomUUID(),
  });

describe("POST /webhooks/orders/{updated,edited,cancelled}", () => {
  it("refuses a forged HMAC with 401 and queues nothing", async () => {
    // GIVEN an installed shop with a routed order
    const shop = "changes-http-forged.myshopify.com";
    await recordInstall(db, shop);
    await db.routingDecision.create({
      data: { shop, orderId: ORDER_ID, status: "APPLIED", plan: {}, reasons: [], actions: [] },
    });
    const order = fixture("shopify/orders/orders-create-mugs-lamp.json") as Record<string, unknown>;
    const moved = { ...order, shipping_address: { ...(order.shipping_address as object), zip: "07102" } };
    // WHEN each topic arrives signed with a secret that is not the app's
    const answers = await Promise.all([
      post("orders/updated", shop, moved, "forged-secret"),
      post("orders/edited", shop, { order_edit: { id: 1, order_id: 5551234567890 } }, "forged-secret"),
      post("orders/cancelled", shop, { ...order, cancelled_at: "2026-11-20T11:00:00Z" }, "forged-secret"),
    ]);
    // THEN 401 for each, and neither a receipt nor a job exists
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
    expect(await db.webhookReceipt.count({ where: { shop } })).toBe(0);
    expect(await db.job.count({ where: { shop } })).toBe(0);
  });

  it("answers 400 naming the topic for a payload that is not one, and 200 for a real change", async () => {
    // GIVEN an installed shop with a routed order
    const shop = "changes-http-valid.myshopify.com";
    await recordInstall(db, shop);
    await db.routingDecision.create({
      data: { shop, orderId: ORDER_ID, status: "APPLIED", plan: {}, reasons: [], actions: [] },
    });
    // WHEN a malformed orders/edited and a signed orders/cancelled arrive
    const bad = await post("orders/edited", shop, { order_edit: { id: 1 } });
    const cancelled = await post("orders/cancelled", shop, {
      admin_graphql_api_id: ORDER_ID,
      cancel_reason: "customer",
    });
    // THEN 400 with the reason, and 200 with the cancellation queued for the job runner
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe("Invalid orders/edited payload");
    expect(cancelled.status).toBe(200);
    expect(await db.webhookReceipt.count({ where: { shop, processedAt: { not: null } } })).toBe(1);
  });
});
