import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { seedDemoShop } from "../../app/demo/seed.server";
import { loadShopConfig, saveShopConfig } from "../../app/services/shop/config-store.server";
import { type RunningApp } from "../../scripts/lib/app-server";
import { carrierServiceRequestBody, DEMO_CHECKOUTS } from "../../scripts/lib/demo-checkouts";
import { DEMO_ORDERS, orderPayload } from "../../scripts/lib/demo-orders";
import { FakeOrderBook } from "../../scripts/lib/fake-order-book";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { deliverWebhook, shopifyHmac } from "../../scripts/lib/signed-webhook";
import { TEST_API_SECRET } from "../support/global-setup";
import { startTestApp } from "../support/test-app";
import { freshTestDatabase } from "../support/test-database";

// Two app instances on one database, as behind a load balancer (docs/deploy.md). Under `npm run test:pg` the
// database is PostgreSQL; under `npm test`, one SQLite file shared by both processes.

const SHOP = "tailroute-demo.myshopify.com";
const dir = mkdtempSync(join(tmpdir(), "tailroute-instances-"));
const url = freshTestDatabase("multi_instance", dir);
const db = createPrismaClient(url);
let shopify: FakeShopifyAdmin;
let book: FakeOrderBook;
let instances: RunningApp[] = [];

async function startInstance(): Promise<RunningApp> {
  return startTestApp({
    databaseUrl: url,
    adminApiUrl: shopify.url,
    appUrl: "https://tailroute.example.com",
  });
}

async function checkoutTotals(instance: RunningApp): Promise<Record<string, string>> {
  const body = JSON.stringify(carrierServiceRequestBody(DEMO_CHECKOUTS[0]));
  const response = await fetch(`${instance.url}/api/carrier-service`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": shopifyHmac(body, TEST_API_SECRET),
      "X-Shopify-Shop-Domain": SHOP,
    },
  });
  expect(response.status, instance.output()).toBe(200);
  const { rates } = (await response.json()) as { rates: { service_code: string; total_price: string }[] };
  return Object.fromEntries(rates.map((rate) => [rate.service_code, rate.total_price]));
}

beforeAll(async () => {
  await seedDemoShop(db);
  shopify = await new FakeShopifyAdmin().start();
  book = new FakeOrderBook(shopify).install();
  instances = await Promise.all([startInstance(), startInstance()]);
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await shopify.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("several app instances on one database", () => {
  it("a configuration saved anywhere reaches every instance's checkout rates within seconds", async () => {
    // GIVEN both instances answering the same checkout with the same, cached rates
    const [a, b] = instances;
    const before = await checkoutTotals(a);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    expect(await checkoutTotals(b)).toEqual(before);

    // WHEN the merchant adds a $5 markup (saved once, as any instance's admin would)
    const config = await loadShopConfig(db, SHOP);
    await saveShopConfig(db, {
      ...config!,
      markup: { ...config!.markup, fixedCents: config!.markup.fixedCents + 500 },
    });

    // THEN within a few seconds both instances quote every rate $5 higher
    const expected = Object.fromEntries(
      Object.entries(before).map(([code, cents]) => [code, String(Number(cents) + 500)]),
    );
    for (const instance of [a, b]) {
      let totals = await checkoutTotals(instance);
      for (let i = 0; i < 30 && JSON.stringify(totals) !== JSON.stringify(expected); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        totals = await checkoutTotals(instance);
      }
      expect(totals).toEqual(expected);
    }
  });

  it("an order webhook and its redelivery to the other instance make one decision, applied once", async () => {
    // GIVEN an order delivered to instance A, and Shopify redelivering the same webhook id to instance B at once
    const numericId = 9_200_001;
    const webhook = {
      topic: "orders/create",
      shop: SHOP,
      secret: TEST_API_SECRET,
      webhookId: "multi-instance-redelivery",
      body: orderPayload({ ...DEMO_ORDERS[0], name: `#${numericId}` }, numericId),
    };
    // WHEN both arrive concurrently
    const statuses = await Promise.all(
      instances.map((instance) => deliverWebhook(instance.url, "/webhooks/orders/create", webhook)),
    );
    // THEN both are acknowledged, one decision exists, and the fulfillment order was moved exactly once
    expect(
      statuses.map((r) => r.status),
      instances.map((i) => i.output()).join("\n"),
    ).toEqual([200, 200]);
    const orderId = FakeOrderBook.orderGid(numericId);
    let decisions = await db.routingDecision.findMany({ where: { shop: SHOP, orderId } });
    // (the decision's job applies it on either instance: allow a loaded machine 15 s)
    for (let i = 0; i < 150 && decisions[0]?.status === "PENDING"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      decisions = await db.routingDecision.findMany({ where: { shop: SHOP, orderId } });
    }
    expect(decisions).toHaveLength(1);
    expect(decisions[0].status).toBe("APPLIED");
    expect(book.moves.get(FakeOrderBook.fulfillmentOrderGid(numericId))).toBe(1);
  });
});
