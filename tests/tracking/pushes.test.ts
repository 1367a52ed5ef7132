import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EasyPostEvent } from "../../app/contracts/tracking-easypost";
import { FulfillmentsCreatePayload } from "../../app/contracts/tracking-fulfillment-webhook";
import { GenericTrackingBody } from "../../app/contracts/tracking-generic";
import { ShippoTrackUpdated } from "../../app/contracts/tracking-shippo";
import { createPrismaClient } from "../../app/db.server";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import { DEFAULT_RETRY, type RetryPolicy } from "../../app/services/order-routing/admin-retry.server";
import {
  TRACKING_MAINTENANCE,
  trackingMaintenanceKind,
} from "../../app/jobs/kinds/tracking-maintenance.server";
import { TRACKING_PUSH } from "../../app/jobs/kinds/tracking-push.server";
import { recordInstall, recordUninstall } from "../../app/services/shop/lifecycle.server";
import {
  easyPostEvents,
  genericEvents,
  shippoEvents,
} from "../../app/services/tracking/provider-events.server";
import { pushPendingTracking } from "../../app/services/tracking/push-pending.server";
import { recordTrackingEvents } from "../../app/services/tracking/record-events.server";
import { linkFulfillment } from "../../app/services/tracking/shipment-link.server";
import { FakeFulfillmentEvents, FakeOrderShop } from "../../scripts/lib/fake-order-shop";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { fixture } from "../support/fixtures";
import { freshTestDatabase } from "../support/test-database";
import { whileJobsRun } from "../order-routing/app-jobs";

const dir = mkdtempSync(join(tmpdir(), "tailroute-tracking-pushes-"));
const url = freshTestDatabase("tracking_pushes", dir);
const db = createPrismaClient(url);
const admin = new FakeShopifyAdmin();
const shop = "tracking-pushes.myshopify.com";
const FULFILLMENT = "gid://shopify/Fulfillment/4812736459001";
const ORDER = "gid://shopify/Order/5551234567890";
const NOW = new Date("2026-11-28T12:00:00Z");
const noWait: RetryPolicy = { ...DEFAULT_RETRY, sleep: async () => undefined };
let events: FakeFulfillmentEvents;
let order: FakeOrderShop;

const client = () => adminGraphqlClient(shop, "shpat_tracking_test", admin.url);
const push = () => pushPendingTracking(db, client(), shop, { now: () => NOW, retry: noWait });
const easyPost = () => easyPostEvents(EasyPostEvent.parse(fixture("tracking/easypost-tracker-updated.json")));

beforeAll(() => admin.start());
afterAll(async () => {
  await admin.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  admin.reset();
  for (const table of [db.trackingPush, db.trackingEvent, db.shipment] as unknown as {
    deleteMany: (a: unknown) => Promise<unknown>;
  }[])
    await table.deleteMany({ where: { shop } });
  await recordInstall(db, shop);
  events = new FakeFulfillmentEvents(admin).install().addFulfillment(FULFILLMENT);
  order = new FakeOrderShop(admin).install();
  order.orderId = ORDER;
});

describe("fulfillment events are pushed to Shopify exactly once", () => {
  it("creates one fulfillment event per transition, and none for duplicates or a second run", async () => {
    // GIVEN Shopify's fulfillment with its tracking number, and EasyPost's tracker history for it
    await linkFulfillment(
      db,
      shop,
      FulfillmentsCreatePayload.parse(fixture("tracking/fulfillments-create.json")),
    );
    await recordTrackingEvents(db, shop, easyPost(), NOW);
    // WHEN pushed, then EasyPost resends the whole history and the pusher runs again
    const first = await push();
    const resent = await recordTrackingEvents(db, shop, easyPost(), NOW);
    const second = await push();
    // THEN Shopify holds exactly one event per transition, in order, with happenedAt and the EDD
    const created = events.events.get(FULFILLMENT)!;
    expect(created.map((e) => e.status)).toEqual([
      "CARRIER_PICKED_UP",
      "IN_TRANSIT",
      "OUT_FOR_DELIVERY",
      "DELIVERED",
    ]);
    expect(created[3]).toMatchObject({
      happenedAt: "2026-11-27T18:40:00.000Z",
      estimatedDeliveryAt: "2026-11-27T23:00:00.000Z",
    });
    expect(first.every((r) => r.result === "APPLIED")).toBe(true);
    expect(resent[0].events.every((e) => e.outcome === "DUPLICATE")).toBe(true);
    expect(second).toEqual([]);
    expect(admin.callsTo("fulfillmentEventCreate")).toHaveLength(4);
    const shipment = await db.shipment.findFirstOrThrow({
      where: { shop, trackingNumber: "1ZTR4CK0000000001" },
    });
    expect(shipment).toMatchObject({ status: "DELIVERED", orderId: ORDER, fulfillmentId: FULFILLMENT });
  });

  it("checks Shopify before re-sending an attempt a crash interrupted, instead of creating it twice", async () => {
    // GIVEN a transition whose push reached Shopify but whose result was never recorded (attempts = 1, PENDING)
    await linkFulfillment(
      db,
      shop,
      FulfillmentsCreatePayload.parse(fixture("tracking/fulfillments-create.json")),
    );
    await recordTrackingEvents(db, shop, easyPost().slice(0, 2), NOW);
    const pending = await db.trackingPush.findFirstOrThrow({ where: { shop, kind: "FULFILLMENT_EVENT" } });
    const payload = pending.payload as { status: string; happenedAt: string };
    events.events.get(FULFILLMENT)!.push({
      id: "gid://shopify/FulfillmentEvent/777",
      status: payload.status,
      happenedAt: payload.happenedAt,
      estimatedDeliveryAt: null,
      message: null,
    });
    await db.trackingPush.update({ where: { id: pending.id }, data: { attempts: 1 } });
    // WHEN the reconciler pushes
    const report = await push();
    // THEN the existing event is adopted and nothing new is created
    expect(report).toEqual([expect.objectContaining({ result: "APPLIED" })]);
    expect(admin.callsTo("fulfillmentEventCreate")).toHaveLength(0);
    expect(await db.trackingPush.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({
      status: "APPLIED",
      shopifyId: "gid://shopify/FulfillmentEvent/777",
    });
  });

  it("retries a throttled call and still creates the event once", async () => {
    // GIVEN Shopify answers the first fulfillmentEventCreate with 429 and throttle information
    let throttled = 1;
    admin.onRaw("fulfillmentEventCreate", () =>
      throttled-- > 0
        ? {
            status: 429,
            headers: { "Retry-After": "1" },
            body: fixture("shopify/orders/throttled-response.json"),
          }
        : undefined,
    );
    await linkFulfillment(
      db,
      shop,
      FulfillmentsCreatePayload.parse(fixture("tracking/fulfillments-create.json")),
    );
    await recordTrackingEvents(db, shop, easyPost().slice(0, 2), NOW);
    // WHEN pushed
    const report = await push();
    // THEN one event exists after two calls
    expect(report.map((r) => r.result)).toEqual(["APPLIED"]);
    expect(admin.callsTo("fulfillmentEventCreate")).toHaveLength(2);
    expect(events.events.get(FULFILLMENT)).toHaveLength(1);
  });

  it("keeps events that arrive before the fulfillment waiting, then pushes them once Shopify links it", async () => {
    // GIVEN a 3PL reports scans for a tracking number Shopify has not told us about yet
    const body = GenericTrackingBody.parse({
      events: [
        {
          id: "e1",
          trackingNumber: "1ZTR4CK0000000001",
          carrier: "UPS",
          rawCode: "P",
          occurredAt: "2026-11-25T01:00:00Z",
        },
        {
          id: "e2",
          trackingNumber: "1ZTR4CK0000000001",
          carrier: "UPS",
          rawCode: "I",
          occurredAt: "2026-11-25T09:00:00Z",
        },
      ],
    });
    const [report] = await recordTrackingEvents(db, shop, genericEvents(body), NOW);
    // WHEN the pusher runs, then fulfillments/create arrives, then it runs again
    const waiting = await push();
    const linked = await linkFulfillment(
      db,
      shop,
      FulfillmentsCreatePayload.parse(fixture("tracking/fulfillments-create.json")),
    );
    const after = await push();
    // THEN nothing was sent before the link; afterwards both transitions, on the same shipment row
    expect(report.shipmentCreated).toBe(true);
    expect(waiting.map((r) => r.result)).toEqual(["WAITING_FOR_FULFILLMENT", "WAITING_FOR_FULFILLMENT"]);
    expect(linked).toEqual({ shipmentIds: [report.shipmentId], linkedExisting: 1 });
    expect(after.map((r) => r.result)).toEqual(["APPLIED", "APPLIED"]);
    expect(events.events.get(FULFILLMENT)!.map((e) => e.status)).toEqual(["CARRIER_PICKED_UP", "IN_TRANSIT"]);
  });
});

describe("events stored as received", () => {
  it("keeps duplicates out and out-of-order events in the timeline without moving the status back", async () => {
    // GIVEN the same parcel's scans delivered newest first, one of them twice
    const scans = [
      { id: "o4", rawCode: "D", occurredAt: "2026-11-27T18:00:00Z" },
      { id: "o3", rawCode: "O", occurredAt: "2026-11-27T08:00:00Z" },
      { id: "o1", rawCode: "P", occurredAt: "2026-11-25T01:00:00Z" },
      { id: "o3", rawCode: "O", occurredAt: "2026-11-27T08:00:00Z" },
    ].map((s) => ({ ...s, trackingNumber: "1ZORDER", carrier: "UPS" }));
    // WHEN recorded one request each
    for (const scan of scans)
      await recordTrackingEvents(db, shop, genericEvents(GenericTrackingBody.parse({ events: [scan] })), NOW);
    // THEN three events are stored, only the first (newest) moved the status, and it stays DELIVERED
    const shipment = await db.shipment.findFirstOrThrow({
      where: { shop, trackingNumber: "1ZORDER" },
      include: { events: true },
    });
    expect(shipment.status).toBe("DELIVERED");
    expect(shipment.events).toHaveLength(3);
    expect(shipment.events.filter((e) => e.appliedAs !== null).map((e) => e.status)).toEqual(["DELIVERED"]);
    expect(await db.trackingPush.count({ where: { shop, shipmentId: shipment.id } })).toBe(1);
  });
});

describe("events of a parcel still on its way", () => {
  const send = (events: { id: string; rawCode: string; occurredAt: string }[]) =>
    recordTrackingEvents(
      db,
      shop,
      genericEvents(
        GenericTrackingBody.parse({
          events: events.map((e) => ({ ...e, trackingNumber: "1ZMOVING", carrier: "UPS" })),
        }),
      ),
      NOW,
    );

  it("keeps a late older scan without moving the status back, ignores the same event id, and stores a second event", async () => {
    // GIVEN a parcel out for delivery (not delivered: the state machine is still open)
    await send([
      { id: "m1", rawCode: "P", occurredAt: "2026-11-25T01:00:00Z" },
      { id: "m3", rawCode: "O", occurredAt: "2026-11-27T08:00:00Z" },
    ]);
    // WHEN an older in-transit scan arrives late, then the provider resends it (same id),
    // then a second, newer out-for-delivery event (new id) arrives
    const [late] = await send([{ id: "m2", rawCode: "I", occurredAt: "2026-11-26T09:00:00Z" }]);
    const [resent] = await send([{ id: "m2", rawCode: "I", occurredAt: "2026-11-26T09:00:00Z" }]);
    const [second] = await send([{ id: "m4", rawCode: "O", occurredAt: "2026-11-27T09:30:00Z" }]);
    // THEN the late scan is stored but not applied; the resend is a duplicate (not stored); the second event is stored
    expect(late.events.map((e) => e.outcome)).toEqual(["KEPT"]);
    expect(resent.events.map((e) => e.outcome)).toEqual(["DUPLICATE"]);
    expect(second.events.map((e) => e.outcome)).toEqual(["KEPT"]);
    const shipment = await db.shipment.findFirstOrThrow({
      where: { shop, trackingNumber: "1ZMOVING" },
      include: { events: { orderBy: { occurredAt: "asc" } } },
    });
    expect(shipment.status).toBe("OUT_FOR_DELIVERY");
    expect(shipment.statusAt!.toISOString()).toBe("2026-11-27T09:30:00.000Z");
    expect(shipment.events.map((e) => [e.dedupeKey, e.appliedAs])).toEqual([
      ["gn:m1", "OUTBOUND_SCAN"],
      ["gn:m2", null],
      ["gn:m3", "OUT_FOR_DELIVERY"],
      ["gn:m4", null],
    ]);
    // AND only the two transitions became Shopify writes
    expect(await db.trackingPush.count({ where: { shop, shipmentId: shipment.id } })).toBe(2);
  });
});

describe("concurrent deliveries of the same events", () => {
  it("stores each event once and creates one push per transition when two requests race", async () => {
    // GIVEN EasyPost delivering the same tracker update twice at the same moment (a retry racing the original)
    await linkFulfillment(
      db,
      shop,
      FulfillmentsCreatePayload.parse(fixture("tracking/fulfillments-create.json")),
    );
    // WHEN both are recorded concurrently
    await Promise.all([
      recordTrackingEvents(db, shop, easyPost(), NOW),
      recordTrackingEvents(db, shop, easyPost(), NOW),
    ]);
    // THEN five events, four transitions, four pushes: the loser of each race saw a duplicate
    expect(await db.trackingEvent.count({ where: { shop } })).toBe(5);
    expect(await db.trackingEvent.count({ where: { shop, appliedAs: { not: null } } })).toBe(4);
    expect(await db.trackingPush.count({ where: { shop, kind: "FULFILLMENT_EVENT" } })).toBe(4);
  });
});

describe("failed delivery", () => {
  it("flags the order for the merchant with the next step, and updates it when redelivery is scheduled", async () => {
    // GIVEN a USPS parcel linked to the order, and Shippo reporting a notice left
    const shipment = await db.shipment.create({
      data: {
        shop,
        carrier: "USPS",
        trackingNumber: "9400111899223197428490",
        orderId: ORDER,
        fulfillmentId: FULFILLMENT,
      },
    });
    const payload = ShippoTrackUpdated.parse(fixture("tracking/shippo-track-updated.json"));
    // WHEN recorded and pushed
    await recordTrackingEvents(db, shop, shippoEvents(payload), NOW);
    await push();
    // THEN the shipment is ATTEMPTED_DELIVERY with the next step, and the order carries the tag
    const attempted = await db.shipment.findUniqueOrThrow({ where: { id: shipment.id } });
    expect(attempted.status).toBe("ATTEMPTED_DELIVERY");
    expect(attempted.attention).toMatch(/carrier will try again/);
    expect(order.tags).toEqual(["tailroute:delivery-attempted"]);
    expect(events.events.get(FULFILLMENT)!.at(-1)!.status).toBe("ATTEMPTED_DELIVERY");
    // WHEN the carrier then schedules a redelivery
    payload.data.tracking_status = {
      ...payload.data.tracking_status!,
      object_id: "redelivery-1",
      status_date: "2026-11-26T22:00:00Z",
      substatus: { code: "delivery_rescheduled", text: "Redelivery scheduled", action_required: false },
    };
    await recordTrackingEvents(db, shop, shippoEvents(payload), NOW);
    // THEN the merchant's next step says so
    expect((await db.shipment.findUniqueOrThrow({ where: { id: shipment.id } })).attention).toMatch(
      /redelivery scheduled/,
    );
  });
});

describe("the recurring tracking pass (tracking.maintenance)", () => {
  it("gives each shipment with pending writes a keyed tracking.push job of its shop, skips uninstalled shops and pushes nothing itself", async () => {
    // GIVEN a linked shipment with four transitions waiting to be pushed, and a shipment of an uninstalled shop with
    // one, and none of them has a job (recorded before the job runner existed, say)
    await linkFulfillment(
      db,
      shop,
      FulfillmentsCreatePayload.parse(fixture("tracking/fulfillments-create.json")),
    );
    await recordTrackingEvents(db, shop, easyPost(), NOW);
    const gone = "tracking-pushes-gone.myshopify.com";
    await recordInstall(db, gone);
    await recordTrackingEvents(
      db,
      gone,
      genericEvents(
        GenericTrackingBody.parse({
          events: [
            {
              id: "gone-1",
              trackingNumber: "1ZGONE",
              carrier: "UPS",
              rawCode: "P",
              occurredAt: "2026-11-27T10:00:00Z",
            },
          ],
        }),
      ),
      NOW,
    );
    await recordUninstall(db, gone, NOW);
    await db.job.deleteMany({});
    const oldest = await db.trackingPush.findFirstOrThrow({
      where: { shop, status: "PENDING" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    // WHEN the pass runs (its job kind's handler), twice
    const pass = trackingMaintenanceKind(db, { now: () => NOW });
    const context = {
      id: "pass",
      kind: TRACKING_MAINTENANCE,
      shop: "",
      attempt: 1,
      signal: new AbortController().signal,
      progress: async () => undefined,
    };
    await pass.handler({}, context);
    await pass.handler({}, context);
    // THEN the installed shop's shipment has one push job, keyed by its oldest pending write, and Shopify saw nothing
    expect(await db.job.findMany({ select: { kind: true, shop: true, key: true } })).toEqual([
      { kind: TRACKING_PUSH, shop, key: `${shop}:${oldest.key}` },
    ]);
    expect(admin.calls).toHaveLength(0);
    // WHEN the server's job runner runs
    await whileJobsRun(
      db,
      url,
      { clientFor: async () => client(), now: () => NOW, retry: noWait },
      async (engine) => {
        // THEN the job pushes the shipment's four events in order and completes; the uninstalled shop's write waits
        await expect
          .poll(async () => (await engine.list({ shop, kind: TRACKING_PUSH })).map((j) => j.status), {
            timeout: 15_000,
          })
          .toEqual(["COMPLETED"]);
      },
    );
    expect(events.events.get(FULFILLMENT)!.map((e) => e.status)).toEqual([
      "CARRIER_PICKED_UP",
      "IN_TRANSIT",
      "OUT_FOR_DELIVERY",
      "DELIVERED",
    ]);
    expect(await db.trackingPush.count({ where: { shop, status: "PENDING" } })).toBe(0);
    expect(await db.trackingPush.count({ where: { shop: gone, status: "PENDING" } })).toBe(1);
  });
});
