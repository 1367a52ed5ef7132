import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Prisma } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FulfillmentsCreatePayload } from "../../app/contracts/tracking-fulfillment-webhook";
import { GenericTrackingBody } from "../../app/contracts/tracking-generic";
import { createPrismaClient } from "../../app/db.server";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import { DEFAULT_RETRY, type RetryPolicy } from "../../app/services/order-routing/admin-retry.server";
import type { PickupDecisionRecord } from "../../app/services/order-routing/pickup-routing.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { deliveryPerformance } from "../../app/services/tracking/delivery-performance.server";
import { handleFulfillmentCreated } from "../../app/services/tracking/fulfillment-webhook.server";
import { loadLaneStats } from "../../app/services/tracking/lanes.server";
import { genericEvents } from "../../app/services/tracking/provider-events.server";
import { recordTrackingEvents } from "../../app/services/tracking/record-events.server";
import { linkFulfillment } from "../../app/services/tracking/shipment-link.server";
import { FakeFulfillmentEvents, FakeOrderShop } from "../../scripts/lib/fake-order-shop";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { fixture } from "../support/fixtures";
import { freshTestDatabase } from "../support/test-database";
import { TRACKING_PUSH } from "../../app/jobs/kinds/tracking-push.server";
import { whileJobsRun } from "../order-routing/app-jobs";

const dir = mkdtempSync(join(tmpdir(), "tailroute-tracking-late-link-"));
const url = freshTestDatabase("tracking_late_link", dir);
const db = createPrismaClient(url);
const admin = new FakeShopifyAdmin();
const shop = "tracking-late-link.myshopify.com";
const NOW = new Date("2026-11-30T12:00:00Z");
const noWait: RetryPolicy = { ...DEFAULT_RETRY, sleep: async () => undefined };
const LANE = { warehouseId: "ontario-ca", serviceId: "ups-ground", destZip3: "900" };

beforeAll(() => admin.start());
afterAll(async () => {
  await admin.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  admin.reset();
  await db.trackingPush.deleteMany({ where: { shop } });
  await db.trackingEvent.deleteMany({ where: { shop } });
  await db.shipment.deleteMany({ where: { shop } });
  await db.deliveryLane.deleteMany({ where: { shop } });
  await db.routingDecision.deleteMany({ where: { shop } });
  await db.pickupPoint.deleteMany({ where: { shop } });
  await db.job.deleteMany({ where: { shop } });
  await recordInstall(db, shop);
});

/** The routing decision orders/create stores: one UPS Ground shipment of the lane, optionally to a pickup point. */
async function routedOrder(
  orderId: string,
  options: { pickup?: PickupDecisionRecord; promisedMaxDate?: string | null } = {},
) {
  const maxDate = options.promisedMaxDate === undefined ? "2026-11-28" : options.promisedMaxDate;
  return db.routingDecision.create({
    data: {
      shop,
      orderId,
      orderName: "#1044",
      status: "APPLIED",
      serviceCode: "TR_STANDARD",
      plan: {
        shipments: [
          {
            ...LANE,
            carrier: "UPS",
            costCents: 1_240,
            shipDate: "2026-11-24",
            delivery: maxDate
              ? { minDate: "2026-11-26", maxDate, timeZone: "America/Los_Angeles" }
              : undefined,
          },
        ],
      },
      reasons: [],
      actions: [],
      // The routing input keeps the destination ZIP (its first three digits are the lane's ZIP3).
      input: { destination: { zip: "90012", country: "US" } },
      ...(options.pickup ? { pickupPoint: options.pickup as unknown as Prisma.InputJsonObject } : {}),
    },
  });
}

const scans = (
  trackingNumber: string,
  list: { id: string; at: string; status?: string; rawCode?: string }[],
) =>
  recordTrackingEvents(
    db,
    shop,
    genericEvents(
      GenericTrackingBody.parse({
        events: list.map((e) => ({
          id: e.id,
          trackingNumber,
          carrier: "UPS",
          occurredAt: e.at,
          ...(e.status ? { status: e.status } : { rawCode: e.rawCode }),
        })),
      }),
    ),
    NOW,
  );

const upsAccessPoint = () =>
  db.pickupPoint.create({
    data: {
      shop,
      network: "UPS_ACCESS_POINT",
      externalId: "UPS-AP-90012-1",
      name: "The UPS Store #4211",
      address1: "200 N Spring St",
      city: "Los Angeles",
      province: "CA",
      zip: "90012",
      latitude: 34.0537,
      longitude: -118.2428,
      hours: "Mon-Fri 08:00-19:00",
    },
  });

/** RoutingDecision.pickupPoint as order routing records a pickup it shipped to (held 5 days: the shop's setting). */
const routedToPoint = (point: { id: string; externalId: string; name: string }): PickupDecisionRecord => ({
  v: 1,
  pointId: point.id,
  network: "UPS_ACCESS_POINT",
  externalId: point.externalId,
  name: point.name,
  source: "METAFIELD",
  status: "ROUTED_TO_PICKUP",
  carrier: "UPS",
  service: "UPS Ground",
  holdDays: 5,
});

describe("a locker order end to end: decision → fulfillment → held → picked up", () => {
  it("links the shipment to the order's pickup point, times the hold with the days the buyer was told, and reports a per-point pickup rate", async () => {
    // GIVEN a UPS Access Point in the shop's directory and an order routed to it, held 5 days (the merchant's setting)
    const point = await upsAccessPoint();
    const payload = FulfillmentsCreatePayload.parse(fixture("shopify/fulfillments-create-locker.json"));
    const orderId = `gid://shopify/Order/${payload.order_id}`;
    await routedOrder(orderId, { pickup: routedToPoint(point) });
    // WHEN Shopify reports the fulfillment, then the carrier scans it into the point and the buyer collects it
    await linkFulfillment(db, shop, payload, NOW);
    const linked = await db.shipment.findFirstOrThrow({
      where: { shop, trackingNumber: "1ZLOCKERPT0000001" },
    });
    await scans("1ZLOCKERPT0000001", [
      { id: "lk-1", at: "2026-11-25T01:00:00Z", rawCode: "P" },
      { id: "lk-2", at: "2026-11-26T15:00:00Z", status: "AVAILABLE_FOR_PICKUP" },
    ]);
    const held = await db.shipment.findUniqueOrThrow({ where: { id: linked.id } });
    await scans("1ZLOCKERPT0000001", [{ id: "lk-3", at: "2026-11-27T18:00:00Z", rawCode: "D" }]);
    // THEN the shipment carries the point, the hold runs 5 calendar days (not UPS's default 7)…
    expect(linked.pickupPointId).toBe(point.id);
    expect(held).toMatchObject({ status: "AVAILABLE_FOR_PICKUP", holdNetwork: "UPS_ACCESS_POINT" });
    expect(held.holdExpiresAt!.toISOString()).toBe("2026-12-01T15:00:00.000Z");
    // …the carrier's DELIVERED at the point reads as PICKED_UP, and the point's pickup rate counts it
    const performance = await deliveryPerformance(db, shop);
    expect((await db.shipment.findUniqueOrThrow({ where: { id: linked.id } })).status).toBe("PICKED_UP");
    expect(performance.pickupByPoint).toEqual([
      {
        pickupPointId: point.id,
        name: "The UPS Store #4211",
        network: "UPS_ACCESS_POINT",
        held: 1,
        pickedUp: 1,
        returned: 0,
      },
    ]);
  });

  it("links the point when the first event creates the shipment (generic event carrying the order id)", async () => {
    // GIVEN an order routed to the point, and no fulfillment yet
    const point = await upsAccessPoint();
    await routedOrder("gid://shopify/Order/5551234567892", { pickup: routedToPoint(point) });
    // WHEN the 3PL's first scan names the order
    await recordTrackingEvents(
      db,
      shop,
      genericEvents(
        GenericTrackingBody.parse({
          events: [
            {
              id: "fe-1",
              trackingNumber: "1ZFIRSTEVENT01",
              carrier: "UPS",
              rawCode: "P",
              occurredAt: "2026-11-25T01:00:00Z",
              orderId: "gid://shopify/Order/5551234567892",
            },
          ],
        }),
      ),
      NOW,
    );
    // THEN the created shipment carries the point
    const shipment = await db.shipment.findFirstOrThrow({
      where: { shop, trackingNumber: "1ZFIRSTEVENT01" },
    });
    expect(shipment.pickupPointId).toBe(point.id);
  });

  it("re-times a hold that started before the fulfillment was known with the point's hold days", async () => {
    // GIVEN the parcel reached the point before Shopify's fulfillment: the carrier's default (UPS, 7 days) applied
    const point = await upsAccessPoint();
    const payload = FulfillmentsCreatePayload.parse(fixture("shopify/fulfillments-create-locker.json"));
    await routedOrder(`gid://shopify/Order/${payload.order_id}`, { pickup: routedToPoint(point) });
    await scans("1ZLOCKERPT0000001", [
      { id: "rt-1", at: "2026-11-26T15:00:00Z", status: "AVAILABLE_FOR_PICKUP" },
    ]);
    const before = await db.shipment.findFirstOrThrow({
      where: { shop, trackingNumber: "1ZLOCKERPT0000001" },
    });
    // WHEN the fulfillment links it to the order
    await linkFulfillment(db, shop, payload, NOW);
    // THEN the hold expires 5 days after arrival, as the buyer was told
    const after = await db.shipment.findUniqueOrThrow({ where: { id: before.id } });
    expect(before.holdExpiresAt!.toISOString()).toBe("2026-12-03T15:00:00.000Z");
    expect(after).toMatchObject({ pickupPointId: point.id, holdNetwork: "UPS_ACCESS_POINT" });
    expect(after.holdExpiresAt!.toISOString()).toBe("2026-12-01T15:00:00.000Z");
  });

  it("does not link a point the order fell back from (home delivery instead)", async () => {
    // GIVEN an order whose pickup choice was refused at routing time
    const payload = FulfillmentsCreatePayload.parse(fixture("shopify/fulfillments-create-locker.json"));
    await routedOrder(`gid://shopify/Order/${payload.order_id}`, {
      pickup: {
        v: 1,
        pointId: "gone",
        network: "UPS_ACCESS_POINT",
        externalId: "x",
        name: "x",
        source: "METAFIELD",
        status: "FALLBACK_HOME_DELIVERY",
        reason: "the point is no longer in the directory",
      },
    });
    // WHEN the fulfillment arrives THEN the shipment has no pickup point
    await linkFulfillment(db, shop, payload, NOW);
    const shipment = await db.shipment.findFirstOrThrow({
      where: { shop, trackingNumber: "1ZLOCKERPT0000001" },
    });
    expect(shipment.pickupPointId).toBeNull();
  });
});

describe("scans before the fulfillment: linking later catches up", () => {
  it("tags the order for a failed attempt and counts the delivered parcel in its lane once", async () => {
    // GIVEN a 3PL's scans of a parcel Shopify has not reported yet: accepted, attempted, delivered
    const payload = FulfillmentsCreatePayload.parse(fixture("shopify/fulfillments-update.json"));
    const orderId = `gid://shopify/Order/${payload.order_id}`;
    await routedOrder(orderId);
    await scans("1ZLATE0000000001", [
      { id: "lt-1", at: "2026-11-24T23:00:00Z", rawCode: "P" },
      { id: "lt-2", at: "2026-11-26T19:00:00Z", status: "ATTEMPTED_DELIVERY" },
      { id: "lt-3", at: "2026-11-27T19:00:00Z", rawCode: "D" },
    ]);
    const before = await db.trackingPush.count({ where: { shop, kind: "ORDER_TAG" } });
    // WHEN the fulfillment is linked (twice: Shopify redelivers, or create then update)
    await linkFulfillment(db, shop, payload, NOW);
    await linkFulfillment(db, shop, payload, NOW);
    // THEN the attempt tag is queued once, and the lane has one sample (Mon→Fri = 3 business days, on time)
    expect(before).toBe(0);
    const tags = await db.trackingPush.findMany({ where: { shop, kind: "ORDER_TAG" } });
    expect(tags.map((t) => t.payload)).toEqual([{ orderId, tags: ["tailroute:delivery-attempted"] }]);
    const lane = await db.deliveryLane.findFirstOrThrow({ where: { shop, ...LANE } });
    expect(lane).toMatchObject({ samples: 1, promisedSamples: 1, onTime: 1, histogram: { "3": 1 } });
  });

  it("fulfillments/update adds tracking later: the shipment links and the pushes waiting for it go out", async () => {
    // GIVEN scans that arrived while the fulfillment had no tracking number (nothing pushed yet), and Shopify's fakes
    const events = new FakeFulfillmentEvents(admin)
      .install()
      .addFulfillment("gid://shopify/Fulfillment/4812736459002");
    const order = new FakeOrderShop(admin).install();
    const payload = FulfillmentsCreatePayload.parse(fixture("shopify/fulfillments-update.json"));
    order.orderId = `gid://shopify/Order/${payload.order_id}`;
    await routedOrder(order.orderId);
    await scans("1ZLATE0000000001", [
      { id: "up-1", at: "2026-11-24T23:00:00Z", rawCode: "P" },
      { id: "up-2", at: "2026-11-26T19:00:00Z", status: "ATTEMPTED_DELIVERY" },
    ]);
    expect(await db.trackingPush.count({ where: { shop, status: "PENDING" } })).toBe(2);
    // WHEN Shopify sends fulfillments/update with the tracking number
    const result = await handleFulfillmentCreated(
      db,
      { shop, webhookId: "wh-update-1", topic: "fulfillments/update", payload },
      { now: () => NOW },
    );
    // THEN the shipment is linked, and the webhook itself pushed nothing: the link's job will
    expect(result.outcome).toBe("LINKED");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(admin.calls).toHaveLength(0);
    expect(await db.job.count({ where: { shop, kind: TRACKING_PUSH, key: { contains: ":link:" } } })).toBe(1);
    // WHEN the server's job runner runs
    const clientFor = async () => adminGraphqlClient(shop, "shpat_late_link", admin.url);
    await whileJobsRun(db, url, { clientFor, now: () => NOW, retry: noWait }, async (engine) => {
      // THEN both fulfillment events plus the attempt tag are pushed, and every push job completes
      await expect
        .poll(async () => (await db.trackingPush.findMany({ where: { shop } })).map((p) => p.status), {
          timeout: 15_000,
        })
        .toEqual(["APPLIED", "APPLIED", "APPLIED"]);
      await expect
        .poll(
          async () =>
            (await engine.list({ shop, kind: TRACKING_PUSH })).every((j) => j.status === "COMPLETED"),
          { timeout: 15_000 },
        )
        .toBe(true);
    });
    expect(events.events.get("gid://shopify/Fulfillment/4812736459002")!.map((e) => e.status)).toEqual([
      "CARRIER_PICKED_UP",
      "ATTEMPTED_DELIVERY",
    ]);
    expect(order.tags).toEqual(["tailroute:delivery-attempted"]);
  });
});

describe("lane on-time rate", () => {
  it("counts a delivery without a promised window for transit but never as on time", async () => {
    // GIVEN two delivered orders on the same lane: one promised by Thursday Nov 26, one whose plan had no window
    for (const [n, promised] of [
      [1, "2026-11-26"],
      [2, null],
    ] as const) {
      const orderId = `gid://shopify/Order/99000${n}`;
      await routedOrder(orderId, { promisedMaxDate: promised });
      await linkFulfillment(
        db,
        shop,
        FulfillmentsCreatePayload.parse({
          ...fixture<Record<string, unknown>>("shopify/fulfillments-update.json"),
          order_id: `99000${n}`,
          tracking_number: `1ZLANE${n}`,
          tracking_numbers: [`1ZLANE${n}`],
        }),
        NOW,
      );
      // WHEN each is accepted Monday and delivered Friday
      await scans(`1ZLANE${n}`, [
        { id: `ln-${n}-a`, at: "2026-11-24T23:00:00Z", rawCode: "P" },
        { id: `ln-${n}-d`, at: "2026-11-27T19:00:00Z", rawCode: "D" },
      ]);
    }
    // THEN both are transit samples, only the promised one is measured: late, so 0 of 1 on time (not 1 of 2)
    const [stat] = await loadLaneStats(db, shop);
    expect(stat).toMatchObject({ ...LANE, samples: 2, onTimeRate: 0, p50Days: 3 });
    const lane = await db.deliveryLane.findFirstOrThrow({ where: { shop, ...LANE } });
    expect(lane).toMatchObject({ samples: 2, promisedSamples: 1, onTime: 0, histogram: { "3": 2 } });
  });
});
