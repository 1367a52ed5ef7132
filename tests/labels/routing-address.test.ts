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
import { decideForOrder } from "../../app/services/order-routing/decide-for-order.server";
import { orderRoutingInput } from "../../app/services/order-routing/order-input.server";
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
  const store = new FakeOrderShop(admin).install();
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

const decide = (street: string) => {
  const raw = fixture<Record<string, unknown>>("pickup/orders-create-tees-locker.json");
  raw.note_attributes = [];
  raw.shipping_address = { ...(raw.shipping_address as object), address1: street };
  const input = orderRoutingInput(OrdersCreatePayload.parse(raw));
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
