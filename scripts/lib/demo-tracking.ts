import type { PrismaClient } from "@prisma/client";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { checkHoldExpiries } from "../../app/services/tracking/holds.server";
import { listShipments } from "../../app/services/tracking/shipment-list.server";
import { easyPostSignature, genericSignature } from "../../app/services/tracking/signatures.server";
import { ensureTrackingSources } from "../../app/services/tracking/sources.server";
import { FakeFulfillmentEvents } from "./fake-order-shop";
import type { FakeShopifyAdmin } from "./fake-shopify-admin";
import { easyPostTrackerEvent } from "./easypost-tracker-event";
import { deliverWebhook } from "./signed-webhook";

// The tracking part of `npm run demo`: four routed orders get a fulfillment (signed fulfillments/create), then their
// parcels' scans arrive through the real signed endpoints — EasyPost (delivered), the generic 3PL format (a locker
// pickup, and a locker hold that expires) and Shippo (a failed attempt, then a scheduled redelivery). The
// hold-expiry check runs with a fixed clock; each shipment's timeline and the Shopify events it produced are printed.

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Scenario {
  /** The demo order (scripts/lib/demo-orders.ts) whose parcel this is; the split order ships two parcels. */
  orderName: string;
  label: string;
  trackingCompany: string;
  trackingNumber: string;
  send: (base: string, shop: string, trackingNumber: string, t0: number) => Promise<Response[]>;
}

const postJson = (url: string, body: string, headers: Record<string, string>) =>
  fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body });

function easyPostTracker(trackingNumber: string, t0: number, secret: string) {
  const steps: [string, string, string, number][] = [
    ["pre_transit", "label_created", "Shipper created a label", 0],
    ["in_transit", "received_at_origin_facility", "Origin Scan", 6],
    ["in_transit", "arrived_at_facility", "Arrived at Facility", 20],
    ["out_for_delivery", "out_for_delivery", "Out For Delivery Today", 52],
    ["delivered", "arrived_at_destination", "Delivered", 58],
  ];
  const body = easyPostTrackerEvent({
    trackingCode: trackingNumber,
    carrier: "UPS",
    status: "delivered",
    estDeliveryDate: new Date(t0 + 60 * HOUR),
    source: "UPS",
    scans: steps.map(([status, statusDetail, message, h]) => ({
      status,
      statusDetail,
      message,
      at: new Date(t0 + h * HOUR),
      location: { city: "LOS ANGELES", state: "CA", zip: "90012" },
    })),
  });
  return { body, signature: easyPostSignature(body, secret) };
}

function genericRequest(events: unknown[], secret: string) {
  const body = JSON.stringify({ events });
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    body,
    headers: {
      "X-Tailroute-Timestamp": timestamp,
      "X-Tailroute-Signature": genericSignature(body, timestamp, secret),
    },
  };
}

function shippoTrack(trackingNumber: string, t0: number, history: [string, string, string, number][]) {
  const statuses = history.map(([status, code, details, h]) => ({
    object_id: `${trackingNumber}-${code}-${h}`,
    status,
    status_details: details,
    status_date: iso(t0 + h * HOUR),
    substatus: { code, text: details, action_required: code === "notice_left" },
    location: { city: "Brooklyn", state: "NY", zip: "11201", country: "US" },
  }));
  return JSON.stringify({
    event: "track_updated",
    test: true,
    data: {
      carrier: "usps",
      tracking_number: trackingNumber,
      eta: iso(t0 + 60 * HOUR),
      tracking_status: statuses.at(-1),
      tracking_history: statuses.slice(0, -1),
    },
  });
}

/**
 * Replays the tracking demo against the running app; returns the lines to print. `fakeShopify` is the fake Admin
 * API the app pushes fulfillment events to.
 */
export async function replayDemoTracking(
  baseUrl: string,
  apiSecret: string,
  db: PrismaClient,
  fakeShopify: FakeShopifyAdmin,
): Promise<string[]> {
  const shop = demoShopConfig.shop;
  const secrets = await ensureTrackingSources(db, shop);
  const fulfillmentEvents = new FakeFulfillmentEvents(fakeShopify).install();
  // The parcels leave a few hours after the orders were routed; their scans are replayed now, ahead of time.
  const t0 = Date.now() + 3 * HOUR;
  const generic = (base: string, events: unknown[]) => {
    const { body, headers } = genericRequest(events, secrets.GENERIC);
    return postJson(`${base}/api/tracking/events?shop=${shop}`, body, headers);
  };
  const scenarios: Scenario[] = [
    {
      orderName: "#1101",
      label: "delivered (EasyPost, signed X-Hmac-Signature)",
      trackingCompany: "UPS",
      trackingNumber: "1ZDEMO0000000001",
      send: async (base, s, n) => {
        const { body, signature } = easyPostTracker(n, t0, secrets.EASYPOST);
        // EasyPost resends the whole history on every update: the second delivery is all duplicates.
        const url = `${base}/api/tracking/easypost?shop=${s}`;
        return [
          await postJson(url, body, { "X-Hmac-Signature": signature }),
          await postJson(url, body, { "X-Hmac-Signature": signature }),
        ];
      },
    },
    {
      orderName: "#1102",
      label: "locker pickup (generic 3PL format, UPS Access Point)",
      trackingCompany: "UPS",
      trackingNumber: "1ZDEMO0000000002",
      send: async (base, _s, n) => [
        await generic(base, [
          {
            id: `${n}-1`,
            trackingNumber: n,
            carrier: "UPS",
            rawCode: "P",
            occurredAt: iso(t0 + 5 * HOUR),
            description: "Picked up by UPS",
          },
          {
            id: `${n}-2`,
            trackingNumber: n,
            carrier: "UPS",
            rawCode: "I",
            occurredAt: iso(t0 + 22 * HOUR),
            description: "Departed from facility",
          },
          {
            id: `${n}-3`,
            trackingNumber: n,
            carrier: "UPS",
            // UPS has no activity status type for an Access Point arrival: the 3PL sends the normalised status.
            status: "AVAILABLE_FOR_PICKUP",
            occurredAt: iso(t0 + 50 * HOUR),
            description: "Delivered to UPS Access Point",
          },
        ]),
        // Out of order: the departure scan arrives again late (duplicate) and an older arrival scan (kept, not applied).
        await generic(base, [
          {
            id: `${n}-2`,
            trackingNumber: n,
            carrier: "UPS",
            rawCode: "I",
            occurredAt: iso(t0 + 22 * HOUR),
            description: "Departed from facility",
          },
          {
            id: `${n}-0`,
            trackingNumber: n,
            carrier: "UPS",
            rawCode: "M",
            occurredAt: iso(t0),
            description: "Label created",
          },
          {
            id: `${n}-4`,
            trackingNumber: n,
            carrier: "UPS",
            rawCode: "D",
            occurredAt: iso(t0 + 75 * HOUR),
            description: "Picked up by the customer",
          },
        ]),
      ],
    },
    {
      orderName: "#1102",
      label: "locker hold expires (generic format, FedEx Hold at Location)",
      trackingCompany: "FedEx",
      trackingNumber: "FXDEMO000000003",
      send: async (base, _s, n) => [
        await generic(base, [
          {
            id: `${n}-1`,
            trackingNumber: n,
            carrier: "FedEx",
            rawCode: "PU",
            occurredAt: iso(t0 + 4 * HOUR),
            description: "Picked up",
          },
          {
            id: `${n}-2`,
            trackingNumber: n,
            carrier: "FedEx",
            rawCode: "AR",
            occurredAt: iso(t0 + 20 * HOUR),
            description: "Arrived at FedEx hub",
          },
          {
            id: `${n}-3`,
            trackingNumber: n,
            carrier: "FedEx",
            rawCode: "HL",
            occurredAt: iso(t0 + 48 * HOUR),
            description: "Ready for pickup at FedEx Hold at Location",
          },
        ]),
      ],
    },
    {
      orderName: "#1104",
      label: "failed attempt, then redelivery (Shippo, URL token)",
      trackingCompany: "USPS",
      trackingNumber: "9400DEMO0000000004",
      send: async (base, s, n) => {
        const url = `${base}/api/tracking/shippo?shop=${s}&token=${secrets.SHIPPO}`;
        const first = shippoTrack(n, t0, [
          ["PRE_TRANSIT", "information_received", "Shipping label created", 0],
          ["TRANSIT", "package_accepted", "Accepted at USPS origin facility", 6],
          ["TRANSIT", "out_for_delivery", "Out for delivery", 50],
          ["TRANSIT", "notice_left", "Notice left (no authorized recipient available)", 57],
        ]);
        const second = shippoTrack(n, t0, [
          ["TRANSIT", "delivery_rescheduled", "Redelivery scheduled for the next business day", 60],
        ]);
        return [await postJson(url, first, {}), await postJson(url, second, {})];
      },
    },
  ];

  const lines: string[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    const decision = await db.routingDecision.findFirst({ where: { shop, orderName: scenario.orderName } });
    if (!decision) {
      lines.push(`${scenario.orderName} was not routed: ${scenario.label} skipped`);
      continue;
    }
    const numericOrder = decision.orderId.split("/").pop()!;
    const fulfillmentId = 8_100_000 + i;
    fulfillmentEvents.addFulfillment(`gid://shopify/Fulfillment/${fulfillmentId}`);
    const fulfillment = await deliverWebhook(baseUrl, "/webhooks/fulfillments/create", {
      topic: "fulfillments/create",
      shop,
      secret: apiSecret,
      body: {
        id: fulfillmentId,
        admin_graphql_api_id: `gid://shopify/Fulfillment/${fulfillmentId}`,
        order_id: Number(numericOrder),
        name: `${decision.orderName}.1`,
        status: "success",
        tracking_company: scenario.trackingCompany,
        tracking_number: scenario.trackingNumber,
        tracking_numbers: [scenario.trackingNumber],
        line_items: [],
      },
    });
    const responses = await scenario.send(baseUrl, shop, scenario.trackingNumber, t0);
    lines.push(
      `${decision.orderName} ${scenario.label}: fulfillments/create → HTTP ${fulfillment.status}; events → HTTP ${responses.map((r) => r.status).join(", ")}`,
    );
  }
  // The app's job runner pushes the fulfillment events (tracking.push jobs enqueued with the scans).
  await pushesDone(db, shop);

  // The hold-expiry check with a fixed clock: 8 days after the FedEx parcel became available (5 business days).
  const checkAt = new Date(t0 + (48 + 8 * 24) * HOUR);
  // The check queues the hold-expired order tag with its tracking.push job; the app's runner pushes it.
  const appliedBefore = await db.trackingPush.count({ where: { shop, status: "APPLIED" } });
  const holds = await checkHoldExpiries(db, { shop, now: checkAt });
  await pushesDone(db, shop);
  const pushed = (await db.trackingPush.count({ where: { shop, status: "APPLIED" } })) - appliedBefore;
  lines.push(
    `Hold check at ${checkAt.toISOString().slice(0, 16)}Z: ${holds.expired.length} expired hold(s) flagged returning to origin, ` +
      `${pushed} Shopify write(s) pushed by the app's jobs`,
  );

  // Timelines as the operator sees them once the last scan is in (the hold flag set by the check above stays).
  for (const row of (await listShipments(db, shop, new Date(t0 + 62 * HOUR))).reverse()) {
    lines.push(
      `${row.orderName ?? row.orderId ?? "(no order)"} ${row.trackingNumber} ${row.carrier}: ${row.status}` +
        (row.promisedWindow ? `, promised ${row.promisedWindow.min}…${row.promisedWindow.max}` : "") +
        (row.flag ? ` [${row.flag.toUpperCase()}]` : ""),
    );
    for (const e of row.timeline)
      lines.push(
        `    ${e.occurredAt.slice(0, 16).replace("T", " ")}  ${e.status.padEnd(21)} ${e.applied ? (e.appliedAs !== e.status ? `(as ${e.appliedAs}) ` : "") : "(kept, not applied) "}${e.description ?? e.rawCode}`,
      );
    if (row.hold)
      lines.push(
        `    hold: ${row.hold.network} until ${row.hold.expiresAt?.slice(0, 16).replace("T", " ")}` +
          (row.hold.returningToOrigin
            ? ` — returning to origin, reverse cost $${((row.hold.reverseCostCents ?? 0) / 100).toFixed(2)}`
            : ""),
      );
    if (row.attention) lines.push(`    attention: ${row.attention}`);
  }
  const sent = [...fulfillmentEvents.events.entries()].map(
    ([id, list]) => `${id.split("/").pop()}: ${list.map((e) => e.status).join(" → ")}`,
  );
  lines.push(`Shopify fulfillment events (fake Admin API): ${sent.join(" | ")}`);
  return lines;
}

/** Waits (up to 15 s) until the app's job runner has pushed every pending Shopify write of the shop. */
async function pushesDone(db: PrismaClient, shop: string): Promise<void> {
  for (
    let wait = 0;
    wait < 150 && (await db.trackingPush.count({ where: { shop, status: "PENDING" } })) > 0;
    wait++
  )
    await new Promise((resolve) => setTimeout(resolve, 100));
}
