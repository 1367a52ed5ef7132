import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OrdersCreatePayload } from "../../app/contracts/order-webhook";
import type { PickupChoice } from "../../app/contracts/pickup-point";
import { createPrismaClient } from "../../app/db.server";
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import { decisionDetail } from "../../app/services/admin/orders.server";
import { DEFAULT_RETRY, type RetryPolicy } from "../../app/services/order-routing/admin-retry.server";
import { applyDecision } from "../../app/services/order-routing/apply-actions.server";
import { actionsJson, decisionActions } from "../../app/services/order-routing/decision-record.server";
import { routeOrderWebhook } from "../../app/services/order-routing/order-webhook.server";
import { recordPickupChoice } from "../../app/services/pickup/pickup-choice.server";
import { PickupDirectoryCache } from "../../app/services/pickup/pickup-directory-cache.server";
import { FakeOrderShop } from "../../scripts/lib/fake-order-shop";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { seedPickupShop } from "../pickup/pickup-shop";
import { fixture } from "../support/fixtures";
import { freshTestDatabase } from "../support/test-database";
import { whileJobsRun } from "./app-jobs";

// A locker order's shipping address becomes the point's, in its carrier's form, through the decision's job
// (SHIPPING_ADDRESS action) against the stateful fake Admin API; the fulfillment orders' destinations are read back.

const dir = mkdtempSync(join(tmpdir(), "tailroute-pickup-address-"));
const url = freshTestDatabase("pickup_address", dir);
const db = createPrismaClient(url);
const admin = new FakeShopifyAdmin();
const shop = demoShopConfig.shop;
const ORDER_ID = "gid://shopify/Order/5551234567999";
const FO = "gid://shopify/FulfillmentOrder/77";
const NOW = new Date("2026-11-20T15:20:00Z");
const LOCATION = {
  "edison-nj": "gid://shopify/Location/1001",
  "dallas-tx": "gid://shopify/Location/1002",
  "ontario-ca": "gid://shopify/Location/1003",
};
const HOME = {
  firstName: "Ava",
  lastName: "Stone",
  phone: "+15555550100",
  company: null,
  address1: "200 N Spring St",
  address2: null,
  city: "Los Angeles",
  provinceCode: "CA",
  zip: "90012",
  countryCodeV2: "US",
};
const noWait: RetryPolicy = { ...DEFAULT_RETRY, sleep: async () => {} };
const clientFor = async () => adminGraphqlClient(shop, "shpat_test", admin.url);
let store: FakeOrderShop;

beforeAll(() => admin.start());
afterAll(async () => {
  await admin.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  admin.reset();
  await db.routingDecision.deleteMany({ where: { shop } });
  await db.webhookReceipt.deleteMany({ where: { shop } });
  await db.job.deleteMany({ where: { shop } });
  await seedPickupShop(db, shop);
  for (const [key, id] of Object.entries(LOCATION))
    await db.warehouse.updateMany({ where: { shop, key }, data: { shopifyLocationId: id } });
  // GIVEN (every test) two T-shirts to Ava Stone's home in downtown LA, the fulfillment order at Edison
  store = new FakeOrderShop(admin).install();
  store.orderId = ORDER_ID;
  store.shippingAddress = { ...HOME };
  store.fulfillmentOrders = [
    {
      id: FO,
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      locationId: LOCATION["edison-nj"],
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
  for (const id of Object.values(LOCATION)) store.setStock(id, { [DEMO_VARIANTS.tee]: 50 });
});

const choose = async (externalId: string) => {
  const p = await db.pickupPoint.findFirstOrThrow({ where: { shop, externalId } });
  const choice: PickupChoice = {
    v: 1,
    pointId: p.id,
    network: p.network as PickupChoice["network"],
    externalId,
    name: p.name,
  };
  store.metafields.set("$app.pickup_point", { type: "json", value: JSON.stringify(choice) });
};
const decision = () => db.routingDecision.findFirstOrThrow({ where: { shop, orderId: ORDER_ID } });
/** orders/create, then the decision's job until it is no longer PENDING (as the server's runner does). */
const route = async () => {
  const raw = fixture<Record<string, unknown>>("pickup/orders-create-tees-locker.json");
  await routeOrderWebhook(
    db,
    { shop, webhookId: randomUUID(), topic: "ORDERS_CREATE", payload: OrdersCreatePayload.parse(raw) },
    { clientFor, now: () => NOW, decideRetry: noWait },
  );
  await whileJobsRun(db, url, { clientFor, now: () => NOW, retry: noWait }, () =>
    expect.poll(async () => (await decision()).status, { timeout: 15_000 }).not.toBe("PENDING"),
  );
  return decision();
};
const addressWrites = () =>
  admin.callsTo("orderUpdate").filter((c) => "shippingAddress" in (c.variables.input as object));
const addressAction = async () =>
  decisionActions((await decision()).actions, { shop, id: "" }).find((a) => a.kind === "SHIPPING_ADDRESS")!;

describe("a locker order's shipping address reaches the carrier", () => {
  it("writes the UPS Access Point's address in UPS's form, keeping the buyer's name and phone, once", async () => {
    // GIVEN the buyer chose a UPS Access Point at checkout
    await choose("UPS-LA-1");
    // WHEN the order is routed and its job applies the actions
    const routed = await route();
    // THEN the order's shipping address is the point, addressed to Ava Stone with her phone
    expect(routed.status).toBe("APPLIED");
    expect(store.shippingAddress).toMatchObject({
      firstName: "Ava",
      lastName: "Stone",
      phone: "+15555550100",
      company: "UPS Access Point UPS-LA-1",
      address1: "350 S Grand Ave",
      address2: "The UPS Store #1234, Downtown",
      city: "Los Angeles",
      provinceCode: "CA",
      zip: "90071",
    });
    expect(addressWrites()).toHaveLength(1);
    // AND the decision keeps her own address, and the fulfillment order's destination was checked and followed
    const action = await addressAction();
    expect(action).toMatchObject({
      status: "APPLIED",
      to: "PICKUP",
      original: { address1: "200 N Spring St", firstName: "Ava", company: null },
      destinations: { checked: 1, stale: [] },
    });
    // AND the admin's order page shows both addresses
    const detail = await decisionDetail(db, shop, routed.id);
    expect(detail?.shippingAddress).toMatchObject({
      original: "Ava Stone, 200 N Spring St, Los Angeles CA 90012",
      written: expect.stringContaining("UPS Access Point UPS-LA-1, 350 S Grand Ave"),
      stale: [],
    });
  });

  it("flags a fulfillment order whose destination kept the home address, with what the merchant can do", async () => {
    // GIVEN Shopify does not copy the new address to the fulfillment order (as community reports describe)
    await choose("FDX-LA-1");
    store.keepOldDestination.add(FO);
    // WHEN routed
    const routed = await route();
    // THEN the order's address changed, and the stale destination is recorded on the decision, read twice only
    expect(store.shippingAddress?.company).toBe("FedEx Hold at Location FDX-LA-1");
    expect(routed.status).toBe("APPLIED");
    const action = await addressAction();
    expect(action.kind === "SHIPPING_ADDRESS" && action.destinations?.stale).toEqual([
      {
        fulfillmentOrderId: FO,
        requestStatus: "UNSUBMITTED",
        destination: "Ava Stone, 200 N Spring St, Los Angeles CA 90012",
        advice: expect.stringMatching(/edit the shipping address on the order page/),
      },
    ]);
    const reads = admin.callsTo("order").filter((c) => c.query.includes("TailroutePickupAddress"));
    expect(reads).toHaveLength(3); // before, after, and the one re-read
    // AND the admin's order page shows it
    const detail = await decisionDetail(db, shop, routed.id);
    expect(detail?.shippingAddress?.stale).toHaveLength(1);
    expect(detail?.actions.find((a) => a.line.startsWith("SHIPPING_ADDRESS"))?.line).toMatch(
      /1 fulfillment order\(s\) kept the old destination/,
    );
  });

  it("after a crash right after the write, the retried job does not write again", async () => {
    // GIVEN an order routed to the USPS office, whose address write reached Shopify
    await choose("USPS-LA-1");
    const routed = await route();
    expect(addressWrites()).toHaveLength(1);
    // AND a crash left the action PENDING with its attempt recorded (the result was never saved)
    const actions = decisionActions(routed.actions, routed).map((a) =>
      a.kind === "SHIPPING_ADDRESS" ? { ...a, status: "PENDING" as const, appliedAt: undefined } : a,
    );
    await db.routingDecision.update({
      where: { id: routed.id },
      data: { status: "PENDING", actions: actionsJson(actions) },
    });
    // WHEN the decision is applied again
    const result = await applyDecision(db, await clientFor(), shop, routed.id, {
      retry: noWait,
      now: () => NOW,
    });
    // THEN it is APPLIED without a second orderUpdate of the address, and the buyer's original address is kept
    expect(result).toBe("APPLIED");
    expect(addressWrites()).toHaveLength(1);
    expect(await addressAction()).toMatchObject({
      status: "APPLIED",
      original: { address1: "200 N Spring St" },
    });
  });

  it("records Shopify's refusal (userErrors) with its message and fails the decision", async () => {
    // GIVEN Shopify refuses the address
    await choose("UPS-LA-1");
    store.refuseShippingAddress = "Shipping address zip is invalid";
    // WHEN routed
    const routed = await route();
    // THEN the action failed with Shopify's message, the order still ships home, and the merchant sees why
    expect(routed.status).toBe("FAILED");
    expect(routed.error).toMatch(/SHIPPING_ADDRESS failed: Shipping address zip is invalid/);
    expect(store.shippingAddress?.address1).toBe("200 N Spring St");
    expect(await addressAction()).toMatchObject({
      status: "FAILED",
      error: "Shipping address zip is invalid",
    });
  });
});

describe("a pickup choice after purchase (thank-you / order-status page) routes the order again", () => {
  const cache = new PickupDirectoryCache(db);
  const chooseAfterPurchase = async (externalId: string | null) => {
    const pointId = externalId
      ? (await db.pickupPoint.findFirstOrThrow({ where: { shop, externalId } })).id
      : null;
    return recordPickupChoice(
      db,
      cache,
      await clientFor(),
      { shop, customerId: "gid://shopify/Customer/7001", orderId: ORDER_ID, pointId, now: NOW },
      noWait,
    );
  };
  /** The decision's jobs until it settles (the re-route is queued, never applied in the request). */
  const settle = () =>
    whileJobsRun(db, url, { clientFor, now: () => NOW, retry: noWait }, () =>
      expect
        .poll(async () => (await decision()).status, { timeout: 15_000 })
        .toSatisfy((s: string) => s !== "PENDING" && s !== "NEEDS_INPUT"),
    );

  beforeEach(() => {
    store.lineItems = [{ variantId: DEMO_VARIANTS.tee, sku: "TEE-M-BLK", quantity: 2, unitPrice: "20.00" }];
  });

  it("moves an order routed for home delivery to the chosen point, then back home when the buyer changes their mind", async () => {
    // GIVEN an order routed for home delivery
    const home = await route();
    expect(home.pickupPoint).toBeNull();
    expect(addressWrites()).toHaveLength(0);
    // WHEN the buyer picks the UPS Access Point on the order status page
    const chosen = await chooseAfterPurchase("UPS-LA-1");
    // THEN the choice is recorded and a re-route queued (nothing applied in the request)
    expect(chosen).toMatchObject({ status: 200, body: { routing: "REROUTE_QUEUED" } });
    expect((await decision()).status).toBe("NEEDS_INPUT");
    expect(addressWrites()).toHaveLength(0);
    // AND the decision's job routes it to UPS, addressed to the point with the buyer's name
    await settle();
    const rerouted = await decision();
    expect(rerouted.status).toBe("APPLIED");
    expect(rerouted.carrier).toBe("UPS");
    expect(rerouted.pickupPoint).toMatchObject({ status: "ROUTED_TO_PICKUP", network: "UPS_ACCESS_POINT" });
    expect(store.shippingAddress).toMatchObject({ firstName: "Ava", company: "UPS Access Point UPS-LA-1" });
    expect(store.tags).toContain("tailroute:pickup");
    // WHEN the buyer goes back to home delivery
    expect(await chooseAfterPurchase(null)).toMatchObject({
      status: 200,
      body: { routing: "REROUTE_QUEUED" },
    });
    await settle();
    // THEN her own address is back on the order, as it was before the first change
    expect((await decision()).status).toBe("APPLIED");
    expect(store.shippingAddress).toMatchObject({ ...HOME, countryCodeV2: "US" });
    expect(addressWrites()).toHaveLength(2);
  });

  it("refuses a choice once the order is fulfilled (409, with the reason) and changes nothing", async () => {
    // GIVEN a routed order that the warehouse has since fulfilled
    const routed = await route();
    store.displayFulfillmentStatus = "FULFILLED";
    // WHEN the buyer tries to pick a point
    const refused = await chooseAfterPurchase("UPS-LA-1");
    // THEN 409 with the reason; no address written, the decision untouched, no job queued
    expect(refused).toMatchObject({ status: 409, reason: expect.stringMatching(/fulfilled/) });
    expect(addressWrites()).toHaveLength(0);
    expect(await decision()).toMatchObject({ status: routed.status, updatedAt: routed.updatedAt });
    expect(await db.job.count({ where: { shop, key: { contains: ":pickup:" } } })).toBe(0);
  });
});
