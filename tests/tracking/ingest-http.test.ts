import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { easyPostSignature, genericSignature } from "../../app/services/tracking/signatures.server";
import { ensureTrackingSources } from "../../app/services/tracking/sources.server";
import { deliverWebhook } from "../../scripts/lib/signed-webhook";
import { appDatabase } from "../support/app-database";
import { fixture } from "../support/fixtures";

const db = appDatabase();
const shop = "tracking-http.myshopify.com";
let secrets: Record<"EASYPOST" | "SHIPPO" | "GENERIC", string>;

beforeAll(async () => {
  await recordInstall(db, shop);
  secrets = await ensureTrackingSources(db, shop);
});
afterAll(() => db.$disconnect());

const url = (path: string) => new URL(path, inject("appUrl")).toString();
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url(path), { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body });
const postEasyPost = (body: string, secret = secrets.EASYPOST, target = shop) =>
  post(`/api/tracking/easypost?shop=${target}`, body, {
    "X-Hmac-Signature": easyPostSignature(body, secret),
  });
const postGeneric = (body: string, { secret = secrets.GENERIC, at = new Date() } = {}) => {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return post(`/api/tracking/events?shop=${shop}`, body, {
    "X-Tailroute-Timestamp": timestamp,
    "X-Tailroute-Signature": genericSignature(body, timestamp, secret),
  });
};
const eventCount = (trackingNumber: string) =>
  db.trackingEvent.count({ where: { shop, shipment: { trackingNumber } } });

describe("POST /api/tracking/easypost", () => {
  const body = JSON.stringify(fixture("tracking/easypost-tracker-updated.json"));

  it("refuses a bad X-Hmac-Signature with 401 and records nothing", async () => {
    // GIVEN the tracker webhook signed with another secret WHEN posted THEN 401 and nothing stored
    const response = await postEasyPost(body, "not-the-shop-secret");
    expect(response.status).toBe(401);
    expect(await eventCount("1ZTR4CK0000000001")).toBe(0);
  });

  it("records a signed tracker update (202 for a new tracking number), and a redelivery only once", async () => {
    // WHEN EasyPost delivers the signed event, then redelivers it
    const first = await postEasyPost(body);
    const again = await postEasyPost(body);
    // THEN the first creates the shipment from the event, the second is all duplicates
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({
      accepted: 5,
      shipments: [{ trackingNumber: "1ZTR4CK0000000001", status: "DELIVERED", created: true }],
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 5 });
    expect(await eventCount("1ZTR4CK0000000001")).toBe(5);
  });

  it("acknowledges EasyPost events that are not tracker events without recording anything", async () => {
    const other = JSON.stringify({
      object: "Event",
      id: "evt_batch",
      description: "batch.updated",
      result: { object: "Batch" },
    });
    const response = await postEasyPost(other);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ accepted: 0, shipments: [] });
  });

  it("answers 401 for a shop that never set up the source, and 400 without a shop", async () => {
    expect((await postEasyPost(body, secrets.EASYPOST, "someone-else.myshopify.com")).status).toBe(401);
    const noShop = await post("/api/tracking/easypost", body);
    expect(noShop.status).toBe(400);
    expect(await noShop.json()).toMatchObject({ error: expect.stringMatching(/shop query parameter/) });
  });
});

describe("POST /api/tracking/shippo", () => {
  const body = JSON.stringify(fixture("tracking/shippo-track-updated.json"));

  it("authenticates with the shop's URL token: wrong token 401, right token recorded", async () => {
    const wrong = await post(`/api/tracking/shippo?shop=${shop}&token=guess`, body);
    const right = await post(`/api/tracking/shippo?shop=${shop}&token=${secrets.SHIPPO}`, body);
    expect(wrong.status).toBe(401);
    expect(right.status).toBe(202);
    expect(await right.json()).toMatchObject({
      shipments: [{ trackingNumber: "9400111899223197428490", status: "ATTEMPTED_DELIVERY" }],
    });
  });

  it("explains a payload that is not a track_updated event with 400", async () => {
    const response = await post(
      `/api/tracking/shippo?shop=${shop}&token=${secrets.SHIPPO}`,
      JSON.stringify({ event: "transaction_created", data: {} }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/event/);
  });
});

describe("POST /api/tracking/events (generic signed format)", () => {
  const locker = fixture<{ events: unknown[] }>("tracking/generic-locker-events.json");

  it("records signed events and maps the carrier's raw codes", async () => {
    const response = await postGeneric(JSON.stringify(locker));
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({
      accepted: 3,
      shipments: [{ trackingNumber: "1ZLOCKER000000001", status: "AVAILABLE_FOR_PICKUP", unknownCodes: [] }],
    });
  });

  it("refuses a wrong signature and a replayed (stale) timestamp with 401", async () => {
    const body = JSON.stringify(locker);
    const bad = await postGeneric(body, { secret: "wrong" });
    const stale = await postGeneric(body, { at: new Date(Date.now() - 10 * 60_000) });
    expect(bad.status).toBe(401);
    expect(stale.status).toBe(401);
    expect((await stale.json()).error).toMatch(/5 minutes/);
  });

  it("answers 400 with the reason for a body that is not JSON or not the documented shape", async () => {
    const notJson = await postGeneric("{oops");
    const noStatus = await postGeneric(
      JSON.stringify({
        events: [{ id: "x", trackingNumber: "1Z", carrier: "UPS", occurredAt: "2026-11-24T10:00:00Z" }],
      }),
    );
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: "body is not JSON" });
    expect(noStatus.status).toBe(400);
    expect((await noStatus.json()).error).toMatch(/status or a rawCode/);
  });
});

describe("POST /webhooks/fulfillments/create", () => {
  it("links a fulfillment's tracking number to the order (HMAC-verified) and refuses a bad HMAC", async () => {
    const payload = {
      ...fixture("tracking/fulfillments-create.json"),
      tracking_number: "1ZWEBHOOK1",
      tracking_numbers: ["1ZWEBHOOK1"],
    };
    const webhook = {
      topic: "fulfillments/create",
      shop,
      body: payload,
      secret: inject("appApiSecret"),
      webhookId: randomUUID(),
    };
    const forged = await deliverWebhook(inject("appUrl"), "/webhooks/fulfillments/create", {
      ...webhook,
      secret: "forged",
    });
    const ok = await deliverWebhook(inject("appUrl"), "/webhooks/fulfillments/create", webhook);
    expect(forged.status).toBe(401);
    expect(ok.status).toBe(200);
    expect(await db.shipment.findFirst({ where: { shop, trackingNumber: "1ZWEBHOOK1" } })).toMatchObject({
      carrier: "UPS",
      orderId: "gid://shopify/Order/5551234567890",
      fulfillmentId: "gid://shopify/Fulfillment/4812736459001",
    });
  });
});

describe("POST /webhooks/fulfillments/update", () => {
  it("links tracking added to a fulfillment later (HMAC-verified), refuses a bad HMAC and explains a bad payload", async () => {
    // GIVEN a 3PL scan of a tracking number Shopify's fulfillment did not have when it was created
    const number = "1ZUPDATEHTTP1";
    const scan = JSON.stringify({
      events: [
        {
          id: "upd-http-1",
          trackingNumber: number,
          carrier: "UPS",
          rawCode: "P",
          occurredAt: "2026-11-25T01:00:00Z",
        },
      ],
    });
    expect((await postGeneric(scan)).status).toBe(202);
    const payload = {
      ...fixture<Record<string, unknown>>("shopify/fulfillments-update.json"),
      tracking_number: number,
      tracking_numbers: [number],
    };
    const webhook = {
      topic: "fulfillments/update",
      shop,
      body: payload,
      secret: inject("appApiSecret"),
      webhookId: randomUUID(),
    };
    // WHEN Shopify sends fulfillments/update (and someone forges one, and a payload without an order id)
    const forged = await deliverWebhook(inject("appUrl"), "/webhooks/fulfillments/update", {
      ...webhook,
      secret: "forged",
    });
    const ok = await deliverWebhook(inject("appUrl"), "/webhooks/fulfillments/update", webhook);
    const { order_id: _dropped, ...noOrder } = payload as Record<string, unknown>;
    const bad = await deliverWebhook(inject("appUrl"), "/webhooks/fulfillments/update", {
      ...webhook,
      body: noOrder,
      webhookId: randomUUID(),
    });
    // THEN only the signed one links the shipment the scan created to the order and the fulfillment
    expect(forged.status).toBe(401);
    expect(ok.status).toBe(200);
    expect(bad.status).toBe(400);
    expect(await db.shipment.findMany({ where: { shop, trackingNumber: number } })).toEqual([
      expect.objectContaining({
        orderId: "gid://shopify/Order/5551234567891",
        fulfillmentId: "gid://shopify/Fulfillment/4812736459002",
      }),
    ]);
  });

  it("creates no shipment for a cancelled fulfillment's tracking number", async () => {
    // GIVEN Shopify reports a fulfillment that was cancelled (REST Fulfillment status "cancelled")
    const number = "1ZCANCELLED01";
    const payload = {
      ...fixture<Record<string, unknown>>("shopify/fulfillments-update.json"),
      status: "cancelled",
      tracking_number: number,
      tracking_numbers: [number],
    };
    // WHEN it arrives signed
    const response = await deliverWebhook(inject("appUrl"), "/webhooks/fulfillments/update", {
      topic: "fulfillments/update",
      shop,
      body: payload,
      secret: inject("appApiSecret"),
      webhookId: randomUUID(),
    });
    // THEN it is acknowledged and nothing is tracked for it
    expect(response.status).toBe(200);
    expect(await db.shipment.count({ where: { shop, trackingNumber: number } })).toBe(0);
  });
});
