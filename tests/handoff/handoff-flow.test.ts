import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HandoffDocument } from "../../app/contracts/warehouse-handoff";
import { createPrismaClient } from "../../app/db.server";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { handoffCloseKind, HANDOFF_CLOSE } from "../../app/jobs/kinds/handoff-close.server";
import { handoffFulfillKind, HANDOFF_FULFILL } from "../../app/jobs/kinds/handoff-fulfill.server";
import {
  enqueueHandoffRequests,
  handoffRequestsKind,
  HANDOFF_REQUESTS,
} from "../../app/jobs/kinds/handoff-requests.server";
import { handoffSendKind, HANDOFF_SEND } from "../../app/jobs/kinds/handoff-send.server";
import type { JobEngine } from "../../app/jobs/types";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import { enableHandoff } from "../../app/services/handoff/enable-handoff.server";
import { listHandoffs } from "../../app/services/handoff/handoff-list.server";
import { receiveWarehouseTracking } from "../../app/services/handoff/warehouse-tracking.server";
import { receiveWarehouseUnfulfillable } from "../../app/services/handoff/warehouse-unfulfillable.server";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { genericSignature } from "../../app/services/tracking/signatures.server";
import { FakeFulfillmentServiceShop } from "../../scripts/lib/fake-fulfillment-service";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { bookAppointment } from "../../app/services/appointments/book-appointment.server";
import { saveAppointmentCalendar } from "../../app/services/appointments/calendar-store.server";
import { freightAppointmentContext } from "../../app/services/appointments/freight-order.server";
import { DALLAS_CALENDAR, freightDecision, NOW } from "../appointments/appointment-shop";
import { testEngine } from "../jobs/harness";
import { runTailroute } from "../support/run-cli";
import { freshTestDatabase } from "../support/test-database";

// A warehouse with no Shopify app of its own, handed orders by Tailroute (docs/handoff.md): the fulfillment
// service is registered, Shopify's requests are accepted and sent to the warehouse (retried while it fails),
// its tracking comes back and becomes the Shopify fulfillment — each once, whatever is repeated.

process.env.SHOPIFY_API_SECRET = "handoff-flow-secret"; // the key the warehouse secret is sealed with
const dir = mkdtempSync(join(tmpdir(), "tailroute-handoff-"));
const url = freshTestDatabase("handoff", dir);
const db = createPrismaClient(url);
const admin = new FakeShopifyAdmin();
let shopify: FakeFulfillmentServiceShop;
// A shop per test: job keys and pg-boss's own tables outlive a test, so no test sees another's jobs.
let shop = "";
let shops = 0;
const client = () => adminGraphqlClient(shop, "shpat_handoff", admin.url);

/** A warehouse's own server: answers `failuresLeft` requests with 500, then 200; keeps what it received. */
class FakeWarehouse {
  readonly received: { headers: IncomingMessage["headers"]; body: string }[] = [];
  failuresLeft = 0;
  /** Runs while a request is in, before it is answered (what else happens while the send is on its way). */
  beforeAnswer: (() => Promise<void>) | null = null;
  private server: Server | undefined;
  url = "";
  async start() {
    this.server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", async () => {
        this.received.push({ headers: req.headers, body });
        await this.beforeAnswer?.();
        if (this.failuresLeft > 0) {
          this.failuresLeft -= 1;
          res.writeHead(500).end("warehouse system down");
        } else res.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/tailroute`;
    return this;
  }
  stop() {
    return new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
const warehouse = new FakeWarehouse();

beforeAll(async () => {
  await admin.start();
  await warehouse.start();
});
afterAll(async () => {
  await warehouse.stop();
  await admin.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

let secret = "";
let locationId = "";
beforeEach(async () => {
  shop = `handoff-flow-${++shops}.myshopify.com`;
  admin.reset();
  shopify = new FakeFulfillmentServiceShop(admin).install();
  warehouse.received.length = 0;
  warehouse.failuresLeft = 0;
  warehouse.beforeAnswer = null;
  await saveShopConfig(db, { ...demoShopConfig, shop });
  await recordInstall(db, shop);
  const enabled = await enableHandoff(db, client(), shop, {
    warehouseKey: "edison-nj",
    url: warehouse.url,
    appUrl: "https://tailroute.example",
  });
  if (!enabled.ok) throw new Error(enabled.error);
  ({ secret, locationId } = enabled);
});

async function runJobs(
  until: (engine: JobEngine) => Promise<boolean>,
  engineOptions = {},
  backoff = { baseMs: 0, maxMs: 0 },
) {
  const engine = testEngine(db, url, engineOptions);
  // Only this test's shop reaches this test's fake Shopify: a job another test left queued (its shop's) gets no client.
  const deps = { clientFor: async (s: string) => (s === shop ? client() : null), backoff };
  engine.register(handoffRequestsKind(db, deps) as never);
  engine.register(handoffSendKind(db, deps) as never);
  engine.register(handoffFulfillKind(db, deps) as never);
  engine.register(handoffCloseKind(db, deps) as never);
  await engine.start();
  try {
    for (let i = 0; i < 400 && !(await until(engine)); i++) await new Promise((r) => setTimeout(r, 25));
    return engine.list({ shop });
  } finally {
    await engine.stop();
  }
}

const settled = (kinds: string[]) => async (engine: JobEngine) => {
  const jobs = await engine.list({ shop });
  return (
    kinds.every((k) => jobs.some((j) => j.kind === k)) &&
    jobs.every((j) => ["COMPLETED", "FAILED", "DROPPED"].includes(j.status))
  );
};

/** A report of the warehouse, signed with its secret: `tracking` (a shipment) or `unfulfillable` (cannot ship). */
function warehouseRequest(
  path: "tracking" | "unfulfillable",
  body: unknown,
  options: { secret?: string; warehouse?: string } = {},
) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  return new Request(
    `https://tailroute.example/api/warehouse/${path}?shop=${shop}&warehouse=${options.warehouse ?? "edison-nj"}`,
    {
      method: "POST",
      body: raw,
      headers: {
        "X-Tailroute-Timestamp": timestamp,
        "X-Tailroute-Signature": genericSignature(raw, timestamp, options.secret ?? secret),
      },
    },
  );
}

const trackingRequest = (body: unknown, options: { secret?: string; warehouse?: string } = {}) =>
  warehouseRequest("tracking", body, options);

describe("enabling the handoff", () => {
  it("registers one fulfillment service, links the warehouse to its location and seals the secret", async () => {
    // GIVEN the handoff enabled (beforeEach)  THEN Shopify has the service with Tailroute's callback prefix
    expect([...shopify.services.values()]).toEqual([
      expect.objectContaining({
        name: "Tailroute · Edison NJ (East)",
        callbackUrl: "https://tailroute.example/fulfillment-service",
        locationId,
      }),
    ]);
    const stored = await db.warehouse.findFirstOrThrow({ where: { shop, key: "edison-nj" } });
    expect(stored).toMatchObject({
      handoffEnabled: true,
      shopifyLocationId: locationId,
      handoffUrl: warehouse.url,
    });
    // AND the secret is stored sealed, never in the clear
    expect(stored.handoffSecret).toMatch(/^v1\./);
    expect(stored.handoffSecret).not.toContain(secret);
    // WHEN it is enabled again (a new endpoint)  THEN no second service is registered
    await enableHandoff(db, client(), shop, {
      warehouseKey: "edison-nj",
      url: warehouse.url,
      appUrl: "https://tailroute.example",
    });
    expect(shopify.services.size).toBe(1);
    expect(admin.callsTo("fulfillmentServiceCreate")).toHaveLength(1);
  });

  it("refuses an endpoint that is not https", async () => {
    const result = await enableHandoff(db, client(), shop, {
      warehouseKey: "edison-nj",
      url: "http://warehouse.example/orders",
      appUrl: "https://tailroute.example",
    });
    expect(result).toEqual({ ok: false, error: "the warehouse endpoint must use https" });
  });
});

describe("a fulfillment request handed to the warehouse", () => {
  it("is accepted in Shopify and delivered once, signed, after the warehouse failed three times", async () => {
    // GIVEN two orders requested from the warehouse's location, and a warehouse down for its first three answers
    const fo1 = shopify.requestFulfillment(locationId, { number: 1201, name: "#1201", message: "Gift wrap" });
    const fo2 = shopify.requestFulfillment(locationId, { number: 1202, name: "#1202" });
    warehouse.failuresLeft = 3;
    // WHEN Shopify's notification arrives twice (two jobs of one window collapse) and the jobs run
    const now = new Date();
    await enqueueHandoffRequests(db, shop, "FULFILLMENT_REQUEST", now);
    await enqueueHandoffRequests(db, shop, "FULFILLMENT_REQUEST", now);
    const jobs = await runJobs(settled([HANDOFF_REQUESTS, HANDOFF_SEND]));
    // THEN both requests were accepted in Shopify, and each handoff was sent until the warehouse took it
    expect(shopify.fulfillmentOrders.get(fo1)?.requestStatus).toBe("ACCEPTED");
    expect(shopify.fulfillmentOrders.get(fo2)?.requestStatus).toBe("ACCEPTED");
    expect(jobs.filter((j) => j.kind === HANDOFF_REQUESTS)).toHaveLength(1);
    expect(jobs.filter((j) => j.kind === HANDOFF_SEND).map((j) => j.status)).toEqual([
      "COMPLETED",
      "COMPLETED",
    ]);
    expect(warehouse.received).toHaveLength(5);
    const handoffs = await listHandoffs(db, shop);
    expect(handoffs.map((h) => h.state)).toEqual(["SENT", "SENT"]);
    expect(handoffs.reduce((n, h) => n + h.attempts, 0)).toBe(5);
    // AND every delivery is signed with the warehouse's secret and names the fulfillment order once
    for (const delivery of warehouse.received) {
      const timestamp = String(delivery.headers["x-tailroute-timestamp"]);
      expect(delivery.headers["x-tailroute-signature"]).toBe(
        genericSignature(delivery.body, timestamp, secret),
      );
    }
    const documents = warehouse.received.map((d) => HandoffDocument.parse(JSON.parse(d.body)));
    const first = documents.find((d) => d.fulfillmentOrder.id === fo1)!;
    expect(first).toMatchObject({
      version: "2026-12-01",
      event: "fulfillment.requested",
      warehouse: { key: "edison-nj" },
      order: { id: "gid://shopify/Order/1201", name: "#1201" },
      fulfillmentOrder: { lineItems: [{ sku: "MUG-11", quantity: 2 }] },
      shipTo: { name: "Ada Lovelace", zip: "10118", countryCode: "US" },
      merchantMessage: "Gift wrap",
    });
    // (a retry carries the same idempotency key, so the warehouse can ignore a repeat)
    const keys = new Set(warehouse.received.map((d) => d.headers["idempotency-key"]));
    expect(keys.size).toBe(2);
  });

  it("a request accepted before a crash is recorded from the accepted list, and never accepted twice", async () => {
    // GIVEN a request Shopify shows as already accepted, with no handoff recorded (the process died in between)
    const fo = shopify.requestFulfillment(locationId, { number: 1203, name: "#1203" });
    shopify.fulfillmentOrders.get(fo)!.requestStatus = "ACCEPTED";
    shopify.fulfillmentOrders.get(fo)!.status = "IN_PROGRESS";
    // WHEN the requests job runs
    await enqueueHandoffRequests(db, shop, "FULFILLMENT_REQUEST", new Date());
    await runJobs(settled([HANDOFF_REQUESTS, HANDOFF_SEND]));
    // THEN it is handed to the warehouse, without a second accept
    expect(admin.callsTo("fulfillmentOrderAcceptFulfillmentRequest")).toHaveLength(0);
    expect((await listHandoffs(db, shop)).map((h) => [h.fulfillmentOrderId, h.state])).toEqual([
      [fo, "SENT"],
    ]);
  });

  it("a warehouse that never answers leaves the send FAILED with its answer, and the handoff says so", async () => {
    // GIVEN a warehouse that answers 500 to everything
    shopify.requestFulfillment(locationId, { number: 1204, name: "#1204" });
    warehouse.failuresLeft = Number.POSITIVE_INFINITY;
    // WHEN the jobs run through all their attempts
    await enqueueHandoffRequests(db, shop, "FULFILLMENT_REQUEST", new Date());
    const jobs = await runJobs(settled([HANDOFF_REQUESTS, HANDOFF_SEND]));
    // THEN the send is FAILED (listed for Retry), with the warehouse's answer, after 12 attempts
    const send = jobs.find((j) => j.kind === HANDOFF_SEND)!;
    expect(send.status).toBe("FAILED");
    expect(send.error).toMatch(/warehouse answered HTTP 500: warehouse system down/);
    expect(warehouse.received).toHaveLength(12);
    expect((await listHandoffs(db, shop))[0]).toMatchObject({ state: "ACCEPTED", attempts: 12 });
  });
});

describe("tracking back from the warehouse", () => {
  async function handedOff() {
    const fo = shopify.requestFulfillment(locationId, { number: 1301, name: "#1301" });
    await enqueueHandoffRequests(db, shop, "FULFILLMENT_REQUEST", new Date());
    await runJobs(settled([HANDOFF_REQUESTS, HANDOFF_SEND]));
    return fo;
  }

  it("becomes one Shopify fulfillment with the tracking, however often the warehouse reports it", async () => {
    // GIVEN a handed-off order
    const fo = await handedOff();
    const report = { fulfillmentOrderId: fo, trackingNumber: "1Z999AA10123456784", company: "UPS" };
    // WHEN the warehouse reports the parcel twice
    const first = await receiveWarehouseTracking(db, trackingRequest(report));
    const second = await receiveWarehouseTracking(db, trackingRequest(report));
    await runJobs(settled([HANDOFF_FULFILL]));
    // THEN the first is accepted, the second acknowledged as a duplicate
    expect([first.status, second.status]).toEqual([202, 200]);
    expect(second.body).toMatchObject({ duplicate: true });
    // AND Shopify got one fulfillment, with the tracking and the buyer notified
    expect(shopify.fulfillments).toEqual([
      expect.objectContaining({
        fulfillmentOrderId: fo,
        trackingInfo: { company: "UPS", number: "1Z999AA10123456784" },
        notifyCustomer: true,
      }),
    ]);
    expect((await listHandoffs(db, shop))[0]).toMatchObject({
      state: "FULFILLED",
      tracking: { number: "1Z999AA10123456784", company: "UPS" },
      fulfillmentId: shopify.fulfillments[0].id,
    });
    // AND another number for the same order is refused with the reason
    const other = await receiveWarehouseTracking(
      db,
      trackingRequest({ ...report, trackingNumber: "1Z999AA10123450000" }),
    );
    expect(other.status).toBe(409);
    expect(other.body.error).toMatch(/already shipped with tracking number 1Z999AA10123456784/);
  });

  it("is refused without the warehouse's signature, for another warehouse, or malformed", async () => {
    const fo = await handedOff();
    const report = { fulfillmentOrderId: fo, trackingNumber: "9400111899223197428490", company: "USPS" };
    const forged = await receiveWarehouseTracking(db, trackingRequest(report, { secret: "whsec_guess" }));
    const elsewhere = await receiveWarehouseTracking(db, trackingRequest(report, { warehouse: "dallas-tx" }));
    const malformed = await receiveWarehouseTracking(
      db,
      trackingRequest({ ...report, fulfillmentOrderId: "7001" }),
    );
    expect([forged.status, elsewhere.status, malformed.status]).toEqual([401, 401, 400]);
    expect(malformed.body.error).toMatch(/fulfillmentOrderId/);
    // AND nothing was recorded
    expect((await listHandoffs(db, shop))[0].tracking).toBeNull();
  });

  it("after the merchant cancelled, the warehouse is told to stop and a late report is refused", async () => {
    // GIVEN a handed-off order whose cancellation the merchant requested
    const fo = await handedOff();
    shopify.requestCancellation(fo);
    // WHEN the cancellation notification's job runs
    await enqueueHandoffRequests(db, shop, "CANCELLATION_REQUEST", new Date(Date.now() + 60_000));
    await runJobs(
      async (engine) => (await engine.list({ shop })).filter((j) => j.status === "COMPLETED").length >= 4,
    );
    // THEN Shopify has the cancellation accepted, and the warehouse got a cancellation document
    expect(shopify.fulfillmentOrders.get(fo)?.requestStatus).toBe("CANCELLATION_ACCEPTED");
    const events = warehouse.received.map((d) => (JSON.parse(d.body) as { event: string }).event);
    expect(events).toEqual(["fulfillment.requested", "fulfillment.cancelled"]);
    // AND a report that comes after is refused
    const late = await receiveWarehouseTracking(
      db,
      trackingRequest({ fulfillmentOrderId: fo, trackingNumber: "1Z999AA10123456784", company: "UPS" }),
    );
    expect(late.status).toBe(409);
  });
});

describe("a warehouse that cannot ship", () => {
  async function handedOff(number: number) {
    const fo = shopify.requestFulfillment(locationId, { number, name: `#${number}` });
    await enqueueHandoffRequests(db, shop, "FULFILLMENT_REQUEST", new Date());
    await runJobs(settled([HANDOFF_REQUESTS, HANDOFF_SEND]));
    return fo;
  }
  const giveBack = (fo: string, options: { secret?: string } = {}) =>
    receiveWarehouseUnfulfillable(
      db,
      warehouseRequest(
        "unfulfillable",
        { fulfillmentOrderId: fo, reason: "Damaged in the racking" },
        options,
      ),
    );

  it("gives the order back: Shopify closes it as incomplete with the reason, once however often it is reported", async () => {
    // GIVEN an order handed to the warehouse
    const fo = await handedOff(1601);
    // WHEN the warehouse reports twice that it cannot ship it, and the jobs run
    const [first, second] = [await giveBack(fo), await giveBack(fo)];
    await runJobs(settled([HANDOFF_CLOSE]));
    // THEN the first is accepted and the second acknowledged as a repeat
    expect([first.status, second.status]).toEqual([202, 200]);
    expect(second.body).toMatchObject({ duplicate: true });
    // AND Shopify closed the fulfillment order once, as incomplete, with the warehouse's reason: the merchant has it back
    expect(admin.callsTo("fulfillmentOrderClose")).toHaveLength(1);
    expect(shopify.fulfillmentOrders.get(fo)).toMatchObject({
      status: "INCOMPLETE",
      requestStatus: "CLOSED",
      closeMessage: "The warehouse cannot ship it: Damaged in the racking",
    });
    const [handoff] = await listHandoffs(db, shop);
    expect(handoff.state).toBe("CLOSED");
    expect(handoff.closed).toEqual({
      reason: "Damaged in the racking",
      closedInShopifyAt: expect.any(String),
    });
    // AND a tracking report that comes after is refused with the reason
    const late = await receiveWarehouseTracking(
      db,
      trackingRequest({ fulfillmentOrderId: fo, trackingNumber: "1Z999AA10123456784", company: "UPS" }),
    );
    expect(late.status).toBe(409);
    expect(late.body.error).toMatch(/cannot ship/);
  });

  it("is refused for an order already shipped, without the warehouse's signature, or malformed", async () => {
    // GIVEN an order the warehouse has shipped
    const fo = await handedOff(1602);
    const shipped = { fulfillmentOrderId: fo, trackingNumber: "1Z999AA10123456784", company: "UPS" };
    expect((await receiveWarehouseTracking(db, trackingRequest(shipped))).status).toBe(202);
    // WHEN it is reported unfulfillable, forged, or with no reason
    const after = await giveBack(fo);
    const forged = await giveBack(fo, { secret: "whsec_guess" });
    const malformed = await receiveWarehouseUnfulfillable(
      db,
      warehouseRequest("unfulfillable", { fulfillmentOrderId: fo, reason: " " }),
    );
    // THEN each is refused with its reason, and nothing is closed
    expect([after.status, forged.status, malformed.status]).toEqual([409, 401, 400]);
    expect(after.body.error).toMatch(/already shipped with tracking number 1Z999AA10123456784/);
    expect(malformed.body.error).toMatch(/reason/);
    expect((await listHandoffs(db, shop))[0].closed).toBeNull();
    expect(admin.callsTo("fulfillmentOrderClose")).toHaveLength(0);
  });

  it("an order the merchant requests again after it was given back is handed over again, as a new request", async () => {
    // GIVEN an order the warehouse gave back, closed in Shopify
    const fo = await handedOff(1603);
    expect((await giveBack(fo)).status).toBe(202);
    await runJobs(settled([HANDOFF_CLOSE]));
    // WHEN the merchant requests fulfillment from the warehouse again, and the notification's job runs
    shopify.requestAgain(fo);
    await enqueueHandoffRequests(db, shop, "FULFILLMENT_REQUEST", new Date(Date.now() + 60_000));
    await runJobs(
      async (engine) =>
        (await engine.list({ shop, kind: HANDOFF_SEND })).filter((j) => j.status === "COMPLETED").length >= 2,
    );
    // THEN Shopify has the request accepted, and the warehouse received the order again under a new key
    expect(shopify.fulfillmentOrders.get(fo)?.requestStatus).toBe("ACCEPTED");
    const handoffId = HandoffDocument.parse(JSON.parse(warehouse.received[0].body)).handoffId;
    expect(warehouse.received.map((d) => d.headers["idempotency-key"])).toEqual([
      `${handoffId}/fulfillment.requested`,
      `${handoffId}/fulfillment.requested/v2`,
    ]);
    expect((await listHandoffs(db, shop))[0]).toMatchObject({ state: "SENT", closed: null });
  });
});

describe("a cancellation racing the send", () => {
  it("keeps the handoff cancelled and tells the warehouse, when the order is cancelled while it is being sent", async () => {
    // GIVEN a fulfillment request accepted for the warehouse, and an order cancellation that is recorded while
    // the request is on its way (before any attempt is counted, so the cancellation saw nothing to tell)
    const fo = shopify.requestFulfillment(locationId, { number: 1401, name: "#1401" });
    warehouse.beforeAnswer = async () => {
      warehouse.beforeAnswer = null;
      await db.warehouseHandoff.update({
        where: { shop_fulfillmentOrderId: { shop, fulfillmentOrderId: fo } },
        data: { state: "CANCELLED" },
      });
    };
    // WHEN the request is handed over and the warehouse accepts it
    await enqueueHandoffRequests(db, shop, "FULFILLMENT_REQUEST", new Date());
    await runJobs(
      async (engine) =>
        (await engine.list({ shop, kind: HANDOFF_SEND })).filter((j) => j.status === "COMPLETED").length >= 2,
    );
    // THEN the handoff stays CANCELLED (the send does not mark it SENT), and the warehouse is told to stop
    const handoff = await db.warehouseHandoff.findUniqueOrThrow({
      where: { shop_fulfillmentOrderId: { shop, fulfillmentOrderId: fo } },
    });
    expect(handoff.state).toBe("CANCELLED");
    const events = warehouse.received.map((d) => (JSON.parse(d.body) as { event: string }).event);
    expect(events).toEqual(["fulfillment.requested", "fulfillment.cancelled"]);
  });
});

describe("a freight appointment booked after the order was handed over", () => {
  const DALLAS_BUYER = { zip: "75201", state: "TX" };
  const appointmentWindow = (windowStart: string, windowEnd: string) => ({
    day: "2026-12-15",
    windowStart,
    windowEnd,
    timeZone: "America/Chicago",
  });
  const routingOf = (delivery: { body: string }) => HandoffDocument.parse(JSON.parse(delivery.body)).routing;

  /** The Dallas crew's calendar, Dallas handed off to the fake warehouse, and order `number` routed there by freight. */
  async function freightOrderAtDallas(number: number) {
    const saved = await saveAppointmentCalendar(db, shop, DALLAS_CALENDAR);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const dallas = await enableHandoff(db, client(), shop, {
      warehouseKey: "dallas-tx",
      url: warehouse.url,
      appUrl: "https://tailroute.example",
    });
    if (!dallas.ok) throw new Error(dallas.error);
    const orderId = `gid://shopify/Order/${number}`;
    await freightDecision(db, shop, orderId);
    const fo = shopify.requestFulfillment(dallas.locationId, { number, name: `#${number}` });
    const book = async (windowId: string) => {
      const context = await freightAppointmentContext(db, shop, orderId, NOW);
      if (!context.ok) throw new Error(context.reason);
      return bookAppointment(db, {
        shop,
        orderId,
        orderName: `#${number}`,
        customerId: null,
        context: context.context,
        address: DALLAS_BUYER,
        calendarId: saved.id,
        day: "2026-12-15",
        windowId,
        now: NOW,
      });
    };
    return { fo, secret: dallas.secret, book };
  }

  const sendsCompleted = (count: number) => async (engine: JobEngine) =>
    (await engine.list({ shop, kind: HANDOFF_SEND })).filter((j) => j.status === "COMPLETED").length >= count;

  it("sends the warehouse the window each time the buyer books or moves it, signed, once per change", async () => {
    // GIVEN a freight order handed to the Dallas warehouse before any appointment was booked
    const { fo, secret: dallasSecret, book } = await freightOrderAtDallas(1501);
    await enqueueHandoffRequests(db, shop, "FULFILLMENT_REQUEST", new Date());
    await runJobs(sendsCompleted(1));
    expect(warehouse.received.map(routingOf).map((r) => r?.appointment)).toEqual([null]);
    // WHEN the buyer books the Tuesday morning window, then moves it to the afternoon
    expect((await book("am")).status).toBe(200);
    await runJobs(sendsCompleted(2));
    expect((await book("pm")).status).toBe(200);
    await runJobs(sendsCompleted(3));
    // THEN the warehouse received the order, then one update per change with the whole document and the new window
    const events = warehouse.received.map((d) => HandoffDocument.parse(JSON.parse(d.body)).event);
    expect(events).toEqual(["fulfillment.requested", "fulfillment.updated", "fulfillment.updated"]);
    expect(warehouse.received.slice(1).map((d) => routingOf(d)?.appointment)).toEqual([
      appointmentWindow("08:00", "12:00"),
      appointmentWindow("12:00", "17:00"),
    ]);
    const handoffId = HandoffDocument.parse(JSON.parse(warehouse.received[0].body)).handoffId;
    expect(warehouse.received.map((d) => d.headers["idempotency-key"])).toEqual([
      `${handoffId}/fulfillment.requested`,
      `${handoffId}/fulfillment.updated/v1`,
      `${handoffId}/fulfillment.updated/v2`,
    ]);
    for (const delivery of warehouse.received) {
      const timestamp = String(delivery.headers["x-tailroute-timestamp"]);
      expect(delivery.headers["x-tailroute-signature"]).toBe(
        genericSignature(delivery.body, timestamp, dallasSecret),
      );
    }
    // AND the stored document (the pick list's, a retry's) carries the current window
    const stored = await db.warehouseHandoff.findUniqueOrThrow({
      where: { shop_fulfillmentOrderId: { shop, fulfillmentOrderId: fo } },
    });
    expect(HandoffDocument.parse(stored.document).routing?.appointment).toEqual(
      appointmentWindow("12:00", "17:00"),
    );
  });

  it("tells a warehouse that gave the order back nothing more", async () => {
    // GIVEN a freight order handed to Dallas, which then reported it cannot ship it
    const { fo, secret: dallasSecret, book } = await freightOrderAtDallas(1503);
    await enqueueHandoffRequests(db, shop, "FULFILLMENT_REQUEST", new Date());
    await runJobs(sendsCompleted(1));
    const report = { fulfillmentOrderId: fo, reason: "Pallet damaged" };
    const options = { secret: dallasSecret, warehouse: "dallas-tx" };
    expect(
      (await receiveWarehouseUnfulfillable(db, warehouseRequest("unfulfillable", report, options))).status,
    ).toBe(202);
    // WHEN the buyer books a window
    expect((await book("am")).status).toBe(200);
    // THEN no update is queued for it, and the warehouse heard only the order
    expect((await testEngine(db, url).list({ shop, kind: HANDOFF_SEND })).map((j) => j.status)).toEqual([
      "COMPLETED",
    ]);
    expect(warehouse.received).toHaveLength(1);
  });

  it("follows the order when the window is booked before the warehouse has taken the order", async () => {
    // GIVEN the buyer booking while the order's first send is on its way, and that send failing (the warehouse is
    // down for one answer: the order reaches it only on the retry)
    const { book } = await freightOrderAtDallas(1502);
    warehouse.failuresLeft = 1;
    warehouse.beforeAnswer = async () => {
      warehouse.beforeAnswer = null;
      expect((await book("am")).status).toBe(200);
    };
    // WHEN the jobs run, retrying after a pause
    await enqueueHandoffRequests(db, shop, "FULFILLMENT_REQUEST", new Date());
    await runJobs(sendsCompleted(2), {}, { baseMs: 300, maxMs: 600 });
    // THEN the update waits for the order: the warehouse never hears of a window for an order it has not taken
    expect(warehouse.received.map((d) => HandoffDocument.parse(JSON.parse(d.body)).event)).toEqual([
      "fulfillment.requested",
      "fulfillment.requested",
      "fulfillment.updated",
    ]);
    expect(warehouse.received.map((d) => routingOf(d)?.appointment)).toEqual([
      null,
      appointmentWindow("08:00", "12:00"),
      appointmentWindow("08:00", "12:00"),
    ]);
  });
});

describe("tailroute handoffs", () => {
  it("lists each handoff with its state, attempts and the tracking that came back; --json the same as data", async () => {
    // GIVEN one order handed off and shipped, and one the warehouse has not answered yet
    const shipped = shopify.requestFulfillment(locationId, { number: 1401, name: "#1401" });
    await enqueueHandoffRequests(db, shop, "FULFILLMENT_REQUEST", new Date());
    await runJobs(settled([HANDOFF_REQUESTS, HANDOFF_SEND]));
    await receiveWarehouseTracking(
      db,
      trackingRequest({ fulfillmentOrderId: shipped, trackingNumber: "1Z999AA10123456784", company: "UPS" }),
    );
    await runJobs(settled([HANDOFF_FULFILL]));
    warehouse.failuresLeft = Number.POSITIVE_INFINITY;
    shopify.requestFulfillment(locationId, { number: 1402, name: "#1402" });
    await enqueueHandoffRequests(db, shop, "FULFILLMENT_REQUEST", new Date(Date.now() + 60_000));
    await runJobs(async () => (await listHandoffs(db, shop)).some((h) => h.attempts >= 2));
    // WHEN the CLI lists them, as text and as JSON
    const run = (args: string[]) =>
      runTailroute(["handoffs", "--shop", shop, ...args], { env: { DATABASE_URL: url } });
    const text = await run([]);
    const json = await run(["--json"]);
    // THEN the text shows both orders, the shipped one with its tracking, the other with the warehouse's error
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/#1401 +edison-nj +FULFILLED .*UPS 1Z999AA10123456784/);
    expect(text.stdout).toMatch(/#1402 +edison-nj +ACCEPTED .*no tracking yet/);
    expect(text.stdout).toMatch(/last error: warehouse answered HTTP 500/);
    // AND the JSON carries the same
    const data = JSON.parse(json.stdout) as { handoffs: { orderName: string; state: string }[] };
    expect(data.handoffs.map((h) => [h.orderName, h.state]).sort()).toEqual([
      ["#1401", "FULFILLED"],
      ["#1402", "ACCEPTED"],
    ]);
  });

  it("says what is missing instead of failing", async () => {
    const missing = await runTailroute(["handoffs"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--shop <shop.myshopify.com> is required/);
  });
});
