import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sealSecret } from "../../app/config/secret-box.server";
import { OrdersCreatePayload } from "../../app/contracts/order-webhook";
import { createPrismaClient } from "../../app/db.server";
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import { DEFAULT_RETRY, type RetryPolicy } from "../../app/services/order-routing/admin-retry.server";
import { ordersAddressTagKind } from "../../app/jobs/kinds/orders-address-tag.server";
import { runAddressFix } from "../../app/services/labels/address-fix.server";
import { ADDRESS_TAG, ORDERS_ADDRESS_TAG } from "../../app/services/labels/address-check.server";
import { decideForOrder } from "../../app/services/order-routing/decide-for-order.server";
import { orderRoutingInput } from "../../app/services/order-routing/order-input.server";
import { routeOrderWebhook } from "../../app/services/order-routing/order-webhook.server";
import { FakeOrderShop } from "../../scripts/lib/fake-order-shop";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { EASYPOST_FAKE_KEY, startEasyPostFake, type EasyPostFake } from "../support/fakes/easypost-fake";
import { fixture } from "../support/fixtures";
import { freshTestDatabase } from "../support/test-database";
import { seedPickupShop } from "../pickup/pickup-shop";

// Routing with a connected EasyPost account: an undeliverable destination makes the decision NEEDS_INPUT with the
// carrier's reason; EasyPost failing never holds routing back (the check is recorded as skipped).

process.env.SHOPIFY_API_SECRET ??= "labels-test-secret";
const dir = mkdtempSync(join(tmpdir(), "tailroute-routing-address-"));
const db = createPrismaClient(freshTestDatabase("routing_address", dir));
const admin = new FakeShopifyAdmin();
const shop = demoShopConfig.shop;
const ORDER_ID = "gid://shopify/Order/5551234567999";
const EDISON = "gid://shopify/Location/1001";
const noWait: RetryPolicy = { ...DEFAULT_RETRY, sleep: async () => {} };
let easyPost: EasyPostFake;
let store: FakeOrderShop;

beforeAll(async () => {
  await admin.start();
  easyPost = await startEasyPostFake();
  await seedPickupShop(db, shop);
  await db.warehouse.updateMany({ where: { shop, key: "edison-nj" }, data: { shopifyLocationId: EDISON } });
  await db.carrierAccount.create({
    data: {
      shop,
      provider: "EASYPOST",
      label: "Main",
      apiKeySealed: sealSecret(EASYPOST_FAKE_KEY),
      apiKeyHint: "…0001",
      apiBaseUrl: easyPost.baseUrl,
    },
  });
});
afterAll(async () => {
  await Promise.all([admin.stop(), easyPost.close()]);
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  admin.reset();
  easyPost.reset();
  store = new FakeOrderShop(admin).install();
  store.orderId = ORDER_ID;
  store.fulfillmentOrders = [
    {
      id: "gid://shopify/FulfillmentOrder/77",
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      locationId: EDISON,
      lines: [
        {
          id: "gid://shopify/FulfillmentOrderLineItem/771",
          variantId: DEMO_VARIANTS.tee,
          inventoryItemId: "gid://shopify/InventoryItem/3",
          quantity: 2,
        },
      ],
    },
  ];
  store.setStock(EDISON, { [DEMO_VARIANTS.tee]: 50 });
});

const orderTo = (street: string) => {
  const raw = fixture<Record<string, unknown>>("pickup/orders-create-tees-locker.json");
  raw.note_attributes = [];
  raw.shipping_address = { ...(raw.shipping_address as object), address1: street };
  return OrdersCreatePayload.parse(raw);
};

const decide = (street: string) => {
  const input = orderRoutingInput(orderTo(street));
  return decideForOrder(db, adminGraphqlClient(shop, "shpat_test", admin.url), shop, input, {
    decisionId: "d1",
    now: new Date("2026-11-20T15:20:00Z"),
    retry: noWait,
  });
};

describe("address check at routing", () => {
  it("holds an undeliverable address for the merchant with the carrier's reason", async () => {
    const outcome = await decide("1 Nowhere Rd");
    expect(outcome).toEqual({ kind: "NEEDS_INPUT", error: "Address undeliverable: Address not found" });
  });

  it("routes a deliverable address and records the check", async () => {
    const outcome = await decide("200 N Spring St");
    expect(outcome.kind).toBe("ROUTED");
    expect(await db.addressCheck.findFirst({ where: { shop, orderId: ORDER_ID } })).toMatchObject({
      status: "OK",
      residential: true,
    });
  });

  it("routes on when EasyPost answers 500, recording the check as skipped", async () => {
    easyPost.behaviour.answer = 500;
    const outcome = await decide("200 N Spring St");
    expect(outcome.kind).toBe("ROUTED");
    expect(await db.addressCheck.findFirst({ where: { shop, orderId: ORDER_ID } })).toMatchObject({
      status: "SKIPPED",
    });
  });
});

describe("the merchant's address fix (orders.address-fix)", () => {
  const client = () => adminGraphqlClient(shop, "shpat_test", admin.url);
  const fixed = {
    address1: "200 N Spring St",
    city: "Los Angeles",
    provinceCode: "CA",
    zip: "90012",
    countryCode: "US",
  };
  const holdOrder = async (webhookId: string) => {
    await db.routingDecision.deleteMany({ where: { shop, orderId: ORDER_ID } });
    await routeOrderWebhook(
      db,
      { shop, webhookId, topic: "orders/create", payload: orderTo("1 Nowhere Rd") },
      { clientFor: async () => client(), now: () => new Date("2026-11-20T15:20:00Z"), decideRetry: noWait },
    );
    return db.routingDecision.findFirstOrThrow({ where: { shop, orderId: ORDER_ID } });
  };

  it("writes the corrected address to Shopify, then routes the held order from it", async () => {
    // GIVEN an order held because the carrier cannot deliver to its street
    const held = await holdOrder("fix-1");
    expect(held.status).toBe("NEEDS_INPUT");
    // WHEN the merchant's corrected address is applied
    const result = await runAddressFix(db, client(), shop, held.id, fixed, noWait);
    // THEN Shopify has the new address, the decision keeps it, and the order is routed again from it
    expect(result).toBeUndefined();
    expect(store.shippingAddress).toMatchObject({ address1: "200 N Spring St", zip: "90012" });
    const after = await db.routingDecision.findFirstOrThrow({ where: { id: held.id } });
    expect(["PENDING", "APPLIED"]).toContain(after.status);
    expect(after.serviceCode).toBeTruthy();
    expect(JSON.stringify(after.input)).toContain("200 N Spring St");
  });

  it("tags the held order, and takes the tag off once the fixed address routes", async () => {
    // (the orders.address-tag jobs the checks queued, run in the order they were queued)
    const done = new Set<string>();
    const runTagJobs = async () => {
      const tagJob = ordersAddressTagKind(db, { clientFor: async () => client(), retry: noWait });
      const jobs = await db.job.findMany({
        where: { shop, kind: ORDERS_ADDRESS_TAG },
        orderBy: { createdAt: "asc" },
      });
      for (const job of jobs.filter((j) => !done.has(j.id))) {
        done.add(job.id);
        const context = {
          id: job.id,
          kind: job.kind,
          shop,
          attempt: 1,
          signal: new AbortController().signal,
        };
        await tagJob.handler(job.payload as { orderId: string }, { ...context, progress: async () => {} });
      }
    };
    await runTagJobs();
    // GIVEN an order held because the carrier cannot deliver to its street, tagged for the merchant
    const held = await holdOrder("fix-4");
    await runTagJobs();
    expect(store.tags).toContain(ADDRESS_TAG);
    // WHEN the merchant's corrected address is applied and routes
    await runAddressFix(db, client(), shop, held.id, fixed, noWait);
    await runTagJobs();
    // THEN the order no longer carries the tag
    expect((await db.routingDecision.findFirstOrThrow({ where: { id: held.id } })).status).not.toBe(
      "NEEDS_INPUT",
    );
    expect(store.tags).not.toContain(ADDRESS_TAG);
  });

  it("keeps the order held and gives Shopify's reason when Shopify refuses the address", async () => {
    // GIVEN a held order, and a Shopify that refuses the new address
    const held = await holdOrder("fix-2");
    store.refuseShippingAddress = "Zip is not valid for California";
    // WHEN the fix runs THEN it ends with Shopify's reason and the decision is unchanged
    const result = await runAddressFix(db, client(), shop, held.id, fixed, noWait);
    expect(result).toEqual({ drop: "Shopify refused the address: Zip is not valid for California" });
    expect((await db.routingDecision.findFirstOrThrow({ where: { id: held.id } })).status).toBe(
      "NEEDS_INPUT",
    );
  });

  it("touches no other shop's decision", async () => {
    // GIVEN a held order WHEN another shop names its decision THEN nothing is written anywhere
    const held = await holdOrder("fix-3");
    const result = await runAddressFix(db, client(), "other-store.myshopify.com", held.id, fixed, noWait);
    expect(result).toEqual({ drop: "decision not found" });
    expect(store.shippingAddress?.address1).not.toBe("200 N Spring St");
  });
});
