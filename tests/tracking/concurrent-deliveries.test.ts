import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import type { IncomingTrackingEvent } from "../../app/services/tracking/provider-events.server";
import { recordTrackingEvents } from "../../app/services/tracking/record-events.server";
import { linkFulfillment } from "../../app/services/tracking/shipment-link.server";
import { freshTestDatabase } from "../support/test-database";

// A provider that retries, or replays its whole history on every update, can deliver the same scans to several
// instances (PostgreSQL) at once. Every racer loses to some winner at most once per rival, so all of them must
// come back with an answer, and the shipment must hold each scan once.

const dir = mkdtempSync(join(tmpdir(), "tailroute-tracking-race-"));
const db = createPrismaClient(freshTestDatabase("tracking_race", dir));
const shop = "tracking-race.myshopify.com";
const NOW = new Date("2026-12-02T18:00:00Z");

afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const scan = (status: IncomingTrackingEvent["status"], hour: number): IncomingTrackingEvent => ({
  provider: "SHIPPO",
  trackingNumber: "9400111899223197428490",
  carrier: "USPS",
  status,
  rawCode: status,
  knownCode: true,
  dedupeKey: `sh:race-${status}`,
  occurredAt: new Date(Date.UTC(2026, 11, 1, hour)),
  description: null,
  location: null,
  estimatedDeliveryAt: null,
  orderId: null,
});

describe("the same scans delivered many times at once", () => {
  it("are all answered, and recorded once each on one shipment", async () => {
    // GIVEN thirty deliveries of one history (picked up, in transit, out for delivery) arriving together
    const history = [scan("IN_TRANSIT", 9), scan("OUT_FOR_DELIVERY", 14), scan("DELIVERED", 17)];
    // WHEN they are recorded concurrently
    const settled = await Promise.allSettled(
      Array.from({ length: 30 }, () => recordTrackingEvents(db, shop, history, NOW)),
    );
    // THEN none failed
    expect(settled.filter((s) => s.status === "rejected").map((s) => String(s.reason))).toEqual([]);
    // AND there is one shipment, delivered, with each scan once
    const shipments = await db.shipment.findMany({ where: { shop } });
    expect(shipments.map((s) => s.status)).toEqual(["DELIVERED"]);
    expect(await db.trackingEvent.count({ where: { shop } })).toBe(3);
  }, 60_000);
});

describe("a fulfillment and the carrier's scans of its parcel arriving at once", () => {
  it("are all answered, on one shipment that the fulfillment links to its order", async () => {
    // GIVEN Shopify's fulfillment for a parcel and the carrier's first scans of it, each delivered several times
    const trackingNumber = "9400111899223197428491";
    const fulfillment = {
      id: 4812736459001,
      order_id: 5551234567890,
      status: "success",
      tracking_company: "USPS",
      tracking_number: trackingNumber,
      tracking_numbers: [trackingNumber],
      admin_graphql_api_id: "gid://shopify/Fulfillment/4812736459001",
      line_items: [],
    } as unknown as Parameters<typeof linkFulfillment>[2];
    const scans = [{ ...scan("IN_TRANSIT", 9), trackingNumber, dedupeKey: "sh:both-transit" }];
    // WHEN they are handled concurrently (the shipment's unique index refuses all but one creation)
    const settled = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? linkFulfillment(db, shop, fulfillment, NOW)
          : recordTrackingEvents(db, shop, scans, NOW),
      ),
    );
    // THEN none failed, and there is one shipment for the parcel, linked to the order, with its scan once
    expect(settled.filter((s) => s.status === "rejected").map((s) => String(s.reason))).toEqual([]);
    const shipments = await db.shipment.findMany({ where: { shop, trackingNumber } });
    expect(shipments.map((s) => s.orderId)).toEqual(["gid://shopify/Order/5551234567890"]);
    expect(await db.trackingEvent.count({ where: { shop, shipmentId: shipments[0]!.id } })).toBe(1);
  }, 60_000);
});
