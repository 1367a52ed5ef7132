import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OrdersCreatePayload } from "../../app/contracts/order-webhook";
import { PICKUP_ATTRIBUTE_KEY, type PickupChoice } from "../../app/contracts/pickup-point";
import { createPrismaClient } from "../../app/db.server";
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import { DEFAULT_RETRY, type RetryPolicy } from "../../app/services/order-routing/admin-retry.server";
import {
  routeOrderWebhook,
  type RouteOrderDeps,
} from "../../app/services/order-routing/order-webhook.server";
import { FakeOrderShop } from "../../scripts/lib/fake-order-shop";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { fixture } from "../support/fixtures";
import { freshTestDatabase } from "../support/test-database";
import { seedPickupShop } from "./pickup-shop";
import { whileJobsRun } from "../order-routing/app-jobs";

// orders/create for an order whose buyer chose a pickup point in checkout, against the fake Admin API:
// the choice arrives as the order metafield (copied from the cart metafield) or the note-attribute fallback.

const dir = mkdtempSync(join(tmpdir(), "tailroute-pickup-routing-"));
const url = freshTestDatabase("pickup_routing", dir);
const db = createPrismaClient(url);
const admin = new FakeShopifyAdmin();
const shop = demoShopConfig.shop;
const ORDER_ID = "gid://shopify/Order/5551234567999";
const NOW = new Date("2026-11-20T15:20:00Z");
const LOCATION = {
  "edison-nj": "gid://shopify/Location/1001",
  "dallas-tx": "gid://shopify/Location/1002",
  "ontario-ca": "gid://shopify/Location/1003",
};
const noWait: RetryPolicy = { ...DEFAULT_RETRY, sleep: async () => {} };
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
  await seedPickupShop(db, shop);
  for (const [key, id] of Object.entries(LOCATION))
    await db.warehouse.updateMany({ where: { shop, key }, data: { shopifyLocationId: id } });
  // GIVEN (every test) two T-shirts to downtown LA, the fulfillment order at Edison, stock everywhere
  store = new FakeOrderShop(admin).install();
  store.orderId = ORDER_ID;
  store.fulfillmentOrders = [
    {
      id: "gid://shopify/FulfillmentOrder/77",
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

const choiceFor = async (externalId: string): Promise<PickupChoice> => {
  const p = await db.pickupPoint.findFirstOrThrow({ where: { shop, externalId } });
  return { v: 1, pointId: p.id, network: p.network as PickupChoice["network"], externalId, name: p.name };
};
const payload = (attribute: PickupChoice | null, shippingCode = "TR_STANDARD") => {
  const raw = fixture<Record<string, unknown>>("pickup/orders-create-tees-locker.json");
  raw.note_attributes = attribute ? [{ name: PICKUP_ATTRIBUTE_KEY, value: JSON.stringify(attribute) }] : [];
  raw.shipping_lines = (raw.shipping_lines as Record<string, unknown>[]).map((l) => ({
    ...l,
    code: shippingCode,
  }));
  return OrdersCreatePayload.parse(raw);
};
const deps: RouteOrderDeps = {
  clientFor: async () => adminGraphqlClient(shop, "shpat_test", admin.url),
  now: () => NOW,
  decideRetry: noWait,
};
/** The decision's job applies its Admin actions, as the server's job runner does after the answer. */
const settle = () =>
  whileJobsRun(db, url, { clientFor: deps.clientFor!, now: () => NOW, retry: noWait }, () =>
    expect
      .poll(
        async () =>
          (
            await db.routingDecision.findUniqueOrThrow({
              where: { shop_orderId_revision: { shop, orderId: ORDER_ID, revision: 0 } },
            })
          ).status,
        { timeout: 15_000 },
      )
      .not.toBe("PENDING"),
  );
const deliver = async (attribute: PickupChoice | null, shippingCode?: string) => {
  const result = await routeOrderWebhook(
    db,
    { shop, webhookId: randomUUID(), topic: "ORDERS_CREATE", payload: payload(attribute, shippingCode) },
    deps,
  );
  if (result.outcome === "DECIDED") await settle();
  return db.routingDecision.findUniqueOrThrow({
    where: { shop_orderId_revision: { shop, orderId: ORDER_ID, revision: 0 } },
  });
};

describe("order routing consumes the buyer's pickup choice", () => {
  it("routes a UPS Access Point choice (order metafield) to UPS, addressed to the point, and tells the warehouse", async () => {
    // GIVEN the buyer picked the UPS Access Point: Shopify copied the cart metafield onto the order
    const choice = await choiceFor("UPS-LA-1");
    store.metafields.set("$app.pickup_point", { type: "json", value: JSON.stringify(choice) });
    // WHEN orders/create is handled
    const decision = await deliver(null);
    // THEN the decision ships UPS and records the point
    expect(decision.status).toBe("APPLIED");
    expect(decision.carrier).toBe("UPS");
    expect(decision.pickupPoint).toMatchObject({
      pointId: choice.pointId,
      network: "UPS_ACCESS_POINT",
      source: "METAFIELD",
      status: "ROUTED_TO_PICKUP",
      address: { zip: "90071" },
      holdDays: 7,
    });
    expect((decision.reasons as string[])[0]).toMatch(/Buyer chose pickup at UPS Access Point/);
    // AND Shopify's order carries the pickup tags and a note line with the point's address
    expect(store.tags).toEqual(expect.arrayContaining(["tailroute:pickup", "tailroute:ups-access-point"]));
    expect(store.note).toMatch(
      /Ship to UPS Access Point .*350 S Grand Ave, Los Angeles CA 90071 \(id UPS-LA-1\)/,
    );
  });

  it("keeps the tier the buyer paid for when the network's carrier offers it (Express to the Access Point)", async () => {
    // GIVEN the buyer paid for Express and chose the UPS Access Point
    const choice = await choiceFor("UPS-LA-1");
    store.metafields.set("$app.pickup_point", { type: "json", value: JSON.stringify(choice) });
    // WHEN routed
    const decision = await deliver(null, "TR_EXPRESS");
    // THEN it still ships Express, with a UPS air service, to the point
    expect(decision.serviceCode).toBe("TR_EXPRESS");
    expect(decision.carrier).toBe("UPS");
    expect(decision.service).toMatch(/Air/);
    expect(decision.pickupPoint).toMatchObject({ status: "ROUTED_TO_PICKUP", network: "UPS_ACCESS_POINT" });
  });

  it("reads the note-attribute fallback when there is no metafield", async () => {
    // GIVEN the choice only as the cart attribute (now a note attribute of the order)
    const choice = await choiceFor("FDX-LA-1");
    // WHEN routed THEN FedEx carries it to the counter
    const decision = await deliver(choice);
    expect(decision.carrier).toBe("FedEx");
    expect(decision.pickupPoint).toMatchObject({
      source: "ATTRIBUTE",
      status: "ROUTED_TO_PICKUP",
      network: "FEDEX_HOLD_AT_LOCATION",
    });
  });

  it("falls back to home delivery with the reason when the choice is no longer eligible, and flags the order", async () => {
    // GIVEN the merchant disabled UPS Access Point after the buyer chose it
    const choice = await choiceFor("UPS-LA-1");
    await db.pickupNetworkSetting.updateMany({
      where: { shop, network: "UPS_ACCESS_POINT" },
      data: { enabled: false },
    });
    store.metafields.set("$app.pickup_point", { type: "json", value: JSON.stringify(choice) });
    // WHEN routed
    const decision = await deliver(null);
    // THEN the order is routed for home delivery, the reason is recorded, and the order is tagged for the merchant
    expect(decision.status).toBe("APPLIED");
    expect(decision.serviceCode).toBe("TR_STANDARD");
    expect(decision.pickupPoint).toMatchObject({
      status: "FALLBACK_HOME_DELIVERY",
      reason: expect.stringMatching(/not offered/),
    });
    expect((decision.reasons as string[]).join("\n")).toMatch(
      /no longer possible: UPS Access Point: not offered by this shop\. Home delivery instead/,
    );
    expect(store.tags).toContain("tailroute:pickup-fallback");
    expect(store.note).toMatch(/NOT possible/);
  });

  it("a point removed from the directory also falls back, and a garbled attribute is ignored", async () => {
    // GIVEN a choice of a point that was deleted since
    const choice = await choiceFor("USPS-LA-1");
    await db.pickupPoint.deleteMany({ where: { shop, externalId: "USPS-LA-1" } });
    const decision = await deliver(choice);
    // THEN home delivery with the reason
    expect(decision.pickupPoint).toMatchObject({
      status: "FALLBACK_HOME_DELIVERY",
      reason: "the point is no longer in the directory",
    });
    // AND an unparseable attribute is treated as no choice at all
    await db.routingDecision.deleteMany({ where: { shop } });
    const raw = fixture<Record<string, unknown>>("pickup/orders-create-tees-locker.json");
    raw.note_attributes = [{ name: PICKUP_ATTRIBUTE_KEY, value: "{not json" }];
    const result = await routeOrderWebhook(
      db,
      { shop, webhookId: randomUUID(), topic: "ORDERS_CREATE", payload: OrdersCreatePayload.parse(raw) },
      deps,
    );
    if (result.outcome === "DECIDED") await settle();
    const plain = await db.routingDecision.findUniqueOrThrow({
      where: { shop_orderId_revision: { shop, orderId: ORDER_ID, revision: 0 } },
    });
    expect(plain.pickupPoint).toBeNull();
    expect(plain.status).toBe("APPLIED");
  });
});
