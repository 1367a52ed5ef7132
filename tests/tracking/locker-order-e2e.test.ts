import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrdersCreatePayload } from "../../app/contracts/order-webhook";
import type { PickupChoice } from "../../app/contracts/pickup-point";
import { FulfillmentsCreatePayload } from "../../app/contracts/tracking-fulfillment-webhook";
import { GenericTrackingBody } from "../../app/contracts/tracking-generic";
import { createPrismaClient } from "../../app/db.server";
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import { DEFAULT_RETRY, type RetryPolicy } from "../../app/services/order-routing/admin-retry.server";
import { routeOrderWebhook } from "../../app/services/order-routing/order-webhook.server";
import { deliveryPerformance } from "../../app/services/tracking/delivery-performance.server";
import { genericEvents } from "../../app/services/tracking/provider-events.server";
import { recordTrackingEvents } from "../../app/services/tracking/record-events.server";
import { linkFulfillment } from "../../app/services/tracking/shipment-link.server";
import { FakeOrderShop } from "../../scripts/lib/fake-order-shop";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { seedPickupShop } from "../pickup/pickup-shop";
import { fixture } from "../support/fixtures";
import { freshTestDatabase } from "../support/test-database";
import { whileJobsRun } from "../order-routing/app-jobs";

// The whole locker journey through the real services: orders/create with the buyer's UPS Access Point choice is
// routed to the point, Shopify's fulfillment links the parcel, the carrier's scans hold it and the buyer collects it.

const dir = mkdtempSync(join(tmpdir(), "tailroute-tracking-locker-e2e-"));
const url = freshTestDatabase("tracking_locker_e2e", dir);
const db = createPrismaClient(url);
const admin = new FakeShopifyAdmin();
const shop = demoShopConfig.shop;
const ORDER_ID = "gid://shopify/Order/5551234567999";
const NOW = new Date("2026-11-20T15:20:00Z");
const noWait: RetryPolicy = { ...DEFAULT_RETRY, sleep: async () => undefined };

beforeAll(() => admin.start());
afterAll(async () => {
  await admin.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("locker order → fulfillment → AVAILABLE_FOR_PICKUP → PICKED_UP", () => {
  it("gives the point a pickup rate and the parcel the point's hold clock", async () => {
    // GIVEN the demo shop with UPS Access Points near 90012, and Shopify holding the order at Edison with stock
    await seedPickupShop(db, shop);
    await db.warehouse.updateMany({
      where: { shop, key: "edison-nj" },
      data: { shopifyLocationId: "gid://shopify/Location/1001" },
    });
    const store = new FakeOrderShop(admin).install();
    store.orderId = ORDER_ID;
    store.fulfillmentOrders = [
      {
        id: "gid://shopify/FulfillmentOrder/77",
        status: "OPEN",
        requestStatus: "UNSUBMITTED",
        locationId: "gid://shopify/Location/1001",
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
    store.setStock("gid://shopify/Location/1001", { [DEMO_VARIANTS.tee]: 50 });
    const point = await db.pickupPoint.findFirstOrThrow({ where: { shop, externalId: "UPS-LA-1" } });
    const choice: PickupChoice = {
      v: 1,
      pointId: point.id,
      network: "UPS_ACCESS_POINT",
      externalId: point.externalId,
      name: point.name,
    };
    store.metafields.set("$app.pickup_point", { type: "json", value: JSON.stringify(choice) });

    // WHEN orders/create is routed (to the point), Shopify reports the fulfillment with UPS tracking,
    const routed = await routeOrderWebhook(
      db,
      {
        shop,
        webhookId: randomUUID(),
        topic: "ORDERS_CREATE",
        payload: OrdersCreatePayload.parse(fixture("pickup/orders-create-tees-locker.json")),
      },
      {
        clientFor: async () => adminGraphqlClient(shop, "shpat_test", admin.url),
        now: () => NOW,
        decideRetry: noWait,
      },
    );
    // (its Admin actions are applied by the decision's job, as the server's job runner does)
    expect(routed.outcome).toBe("DECIDED");
    await whileJobsRun(
      db,
      url,
      {
        clientFor: async () => adminGraphqlClient(shop, "shpat_test", admin.url),
        now: () => NOW,
        retry: noWait,
      },
      () =>
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
          .toBe("APPLIED"),
    );
    await linkFulfillment(
      db,
      shop,
      FulfillmentsCreatePayload.parse({
        ...fixture<Record<string, unknown>>("shopify/fulfillments-create-locker.json"),
        order_id: 5551234567999,
      }),
      NOW,
    );
    // …and the carrier scans it into the point, then the buyer collects it
    await recordTrackingEvents(
      db,
      shop,
      genericEvents(
        GenericTrackingBody.parse({
          events: [
            { id: "e2e-1", rawCode: "P", occurredAt: "2026-11-21T01:00:00Z" },
            { id: "e2e-2", status: "AVAILABLE_FOR_PICKUP", occurredAt: "2026-11-24T15:00:00Z" },
            { id: "e2e-3", rawCode: "D", occurredAt: "2026-11-25T18:00:00Z" },
          ].map((e) => ({ ...e, trackingNumber: "1ZLOCKERPT0000001", carrier: "UPS" })),
        }),
      ),
      NOW,
    );

    // THEN the decision shipped to the point, the shipment carries it with its hold clock (UPS: 7 days)…
    const decision = await db.routingDecision.findUniqueOrThrow({
      where: { shop_orderId_revision: { shop, orderId: ORDER_ID, revision: 0 } },
    });
    expect(decision.pickupPoint).toMatchObject({ pointId: point.id, status: "ROUTED_TO_PICKUP" });
    const shipment = await db.shipment.findFirstOrThrow({
      where: { shop, trackingNumber: "1ZLOCKERPT0000001" },
    });
    expect(shipment).toMatchObject({
      status: "PICKED_UP",
      pickupPointId: point.id,
      decisionId: decision.id,
      holdNetwork: "UPS_ACCESS_POINT",
    });
    expect(shipment.holdExpiresAt!.toISOString()).toBe("2026-12-01T15:00:00.000Z");
    // …and the point has a pickup rate: 1 held, 1 picked up
    expect((await deliveryPerformance(db, shop)).pickupByPoint).toEqual([
      {
        pickupPointId: point.id,
        name: point.name,
        network: "UPS_ACCESS_POINT",
        held: 1,
        pickedUp: 1,
        returned: 0,
      },
    ]);
  });
});
