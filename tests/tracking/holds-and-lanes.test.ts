import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GenericTrackingBody } from "../../app/contracts/tracking-generic";
import { createPrismaClient } from "../../app/db.server";
import { quote } from "../../app/engine";
import { HOLD_RULES, holdClock, holdState } from "../../app/engine/tracking";
import { compileCalendar, histogramQuantile } from "../../app/engine/transit";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { deliveryPerformance } from "../../app/services/tracking/delivery-performance.server";
import { checkHoldExpiries } from "../../app/services/tracking/holds.server";
import { loadLaneStats } from "../../app/services/tracking/lanes.server";
import { genericEvents } from "../../app/services/tracking/provider-events.server";
import { recordTrackingEvents } from "../../app/services/tracking/record-events.server";
import { demo, dest, input, line, V } from "../engine/helpers";
import { fixture } from "../support/fixtures";
import { freshTestDatabase } from "../support/test-database";

const dir = mkdtempSync(join(tmpdir(), "tailroute-tracking-holds-"));
const db = createPrismaClient(freshTestDatabase("tracking_holds", dir));
const shop = "tracking-holds.myshopify.com";
const weekdays = compileCalendar({ federal: "NONE" });

afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await db.trackingPush.deleteMany({ where: { shop } });
  await db.trackingEvent.deleteMany({ where: { shop } });
  await db.shipment.deleteMany({ where: { shop } });
  await db.deliveryLane.deleteMany({ where: { shop } });
  await recordInstall(db, shop);
});

const record = (events: unknown[]) =>
  recordTrackingEvents(
    db,
    shop,
    genericEvents(GenericTrackingBody.parse({ events })),
    new Date("2026-11-26T16:00:00Z"),
  );

describe("hold clock (engine)", () => {
  it("holds 3 calendar days at an Amazon locker and 5 business days at FedEx, reminding one day before", () => {
    // GIVEN parcels available on Thursday 2026-11-26 15:00 UTC
    const available = new Date("2026-11-26T15:00:00Z");
    // WHEN the clocks start
    const amazon = holdClock(HOLD_RULES.AMAZON_LOCKER, available, weekdays);
    const fedex = holdClock(HOLD_RULES.FEDEX_HOLD_AT_LOCATION, available, weekdays);
    // THEN Amazon expires Sunday, FedEx skips the weekend (Thu + 5 business days = next Thursday)
    expect(amazon.expiresAt.toISOString()).toBe("2026-11-29T15:00:00.000Z");
    expect(amazon.reminderAt.toISOString()).toBe("2026-11-28T15:00:00.000Z");
    expect(fedex.expiresAt.toISOString()).toBe("2026-12-03T15:00:00.000Z");
    expect(holdState(amazon, new Date("2026-11-28T14:59:59Z"))).toBe("HOLDING");
    expect(holdState(amazon, new Date("2026-11-28T15:00:00Z"))).toBe("REMINDER_DUE");
    expect(holdState(amazon, new Date("2026-11-29T15:00:00Z"))).toBe("EXPIRED");
  });
});

describe("locker holds (service, fixed clock)", () => {
  it("flags an uncollected parcel returning to origin with its reverse cost, once, and leaves a collected one alone", async () => {
    // GIVEN a UPS Access Point parcel (the 3PL fixture) with a known outbound cost, and a second one collected in time
    const locker = await db.shipment.create({
      data: {
        shop,
        carrier: "UPS",
        trackingNumber: "1ZLOCKER000000001",
        orderId: "gid://shopify/Order/1",
        outboundCostCents: 1_180,
      },
    });
    await record(fixture<{ events: unknown[] }>("tracking/generic-locker-events.json").events);
    await record([
      {
        id: "c1",
        trackingNumber: "1ZCOLLECTED",
        carrier: "UPS",
        status: "AVAILABLE_FOR_PICKUP",
        occurredAt: "2026-11-26T15:00:00Z",
      },
      {
        id: "c2",
        trackingNumber: "1ZCOLLECTED",
        carrier: "UPS",
        rawCode: "D",
        occurredAt: "2026-11-27T10:00:00Z",
      },
    ]);
    const held = await db.shipment.findUniqueOrThrow({ where: { id: locker.id } });
    expect(held).toMatchObject({ status: "AVAILABLE_FOR_PICKUP", holdNetwork: "UPS_ACCESS_POINT" });
    expect(held.holdExpiresAt!.toISOString()).toBe("2026-12-03T15:00:00.000Z");
    // WHEN the check runs at the reminder point, then after expiry (twice)
    const reminder = await checkHoldExpiries(db, { now: new Date("2026-12-02T16:00:00Z"), shop });
    const expiry = await checkHoldExpiries(db, { now: new Date("2026-12-03T15:00:01Z"), shop });
    const again = await checkHoldExpiries(db, { now: new Date("2026-12-04T00:00:00Z"), shop });
    // THEN the reminder is recorded, then the parcel is flagged returning with the reverse cost, exactly once
    expect(reminder.reminders.map((r) => r.trackingNumber)).toEqual(["1ZLOCKER000000001"]);
    expect(expiry.expired).toEqual([
      expect.objectContaining({
        trackingNumber: "1ZLOCKER000000001",
        network: "UPS_ACCESS_POINT",
        reverseCostCents: 1_180,
      }),
    ]);
    expect(again.expired).toEqual([]);
    const flagged = await db.shipment.findUniqueOrThrow({ where: { id: locker.id } });
    expect(flagged).toMatchObject({ returningToOrigin: true, reverseCostCents: 1_180 });
    expect(flagged.attention).toMatch(/returning to origin \(expected reverse cost \$11\.80\)/);
    expect(await db.trackingPush.count({ where: { shop, kind: "ORDER_TAG", shipmentId: locker.id } })).toBe(
      1,
    );
    // AND the collected parcel is PICKED_UP, never flagged; the pickup rate counts both
    const collected = await db.shipment.findFirstOrThrow({ where: { shop, trackingNumber: "1ZCOLLECTED" } });
    expect(collected).toMatchObject({ status: "PICKED_UP", returningToOrigin: false });
    expect((await deliveryPerformance(db, shop)).pickupByNetwork).toEqual([
      { network: "UPS_ACCESS_POINT", held: 2, pickedUp: 1, returned: 1 },
    ]);
  });
});

describe("hold expiry is about the open hold, not the last scan (fixed clock)", () => {
  const scan = (trackingNumber: string, id: string, occurredAt: string, status: string) =>
    record([{ id, trackingNumber, carrier: "UPS", status, occurredAt }]);

  it("expires a hold that saw a DELAYED or EXCEPTION scan, and never one that was picked up or returned", async () => {
    // GIVEN four UPS Access Point parcels available on Nov 26 15:00 (hold until Dec 3 15:00); then one delayed,
    // one with an exception, one collected, one already on its way back
    for (const [n, after] of [
      ["1ZHOLDDELAYED", "DELAYED"],
      ["1ZHOLDEXCEPTION", "EXCEPTION"],
      ["1ZHOLDPICKED", "DELIVERED"],
      ["1ZHOLDRETURN", "RETURN_TO_SENDER"],
    ] as const) {
      await scan(n, `${n}-a`, "2026-11-26T15:00:00Z", "AVAILABLE_FOR_PICKUP");
      await scan(n, `${n}-b`, "2026-11-28T10:00:00Z", after);
    }
    // WHEN the check runs after expiry
    const report = await checkHoldExpiries(db, { now: new Date("2026-12-03T15:00:01Z"), shop });
    // THEN the delayed and excepted holds are flagged; the collected and returning ones are not
    expect(report.expired.map((e) => e.trackingNumber).sort()).toEqual(["1ZHOLDDELAYED", "1ZHOLDEXCEPTION"]);
    const flagged = await db.shipment.findMany({ where: { shop, returningToOrigin: true } });
    expect(flagged.map((s) => [s.trackingNumber, s.status]).sort()).toEqual([
      ["1ZHOLDDELAYED", "DELAYED"],
      ["1ZHOLDEXCEPTION", "EXCEPTION"],
    ]);
  });

  it("reads only due holds, oldest expiry first, in bounded batches", async () => {
    // GIVEN three expired holds (expiring Nov 29, 30 and Dec 1 at an Amazon locker: 3 days) and one not yet due
    const starts = [
      "2026-11-27T09:00:00Z",
      "2026-11-26T09:00:00Z",
      "2026-11-28T09:00:00Z",
      "2026-12-01T09:00:00Z",
    ];
    for (const [i, at] of starts.entries())
      await record([
        {
          id: `b${i}`,
          trackingNumber: `TBA00${i}`,
          carrier: "Amazon",
          status: "AVAILABLE_FOR_PICKUP",
          occurredAt: at,
        },
      ]);
    // WHEN the check runs on Dec 2 with room for two per run, twice
    const now = new Date("2026-12-02T00:00:00Z");
    const first = await checkHoldExpiries(db, { now, shop, batchSize: 2 });
    const second = await checkHoldExpiries(db, { now, shop, batchSize: 2 });
    // THEN the oldest two go first, the third on the next run, and the hold not yet due is untouched
    expect(first.expired.map((e) => e.trackingNumber)).toEqual(["TBA001", "TBA000"]);
    expect(second.expired.map((e) => e.trackingNumber)).toEqual(["TBA002"]);
    expect(
      (await db.shipment.findFirstOrThrow({ where: { shop, trackingNumber: "TBA003" } })).returningToOrigin,
    ).toBe(false);
  });
});

describe("learned lane transit (service → engine)", () => {
  const LANE = { warehouseId: "dallas-tx", serviceId: "usps-ground-advantage", destZip3: "752" };

  async function deliveries(n: number, first = 0) {
    for (let i = first; i < first + n; i++) {
      const trackingNumber = `9400LANE${String(i).padStart(4, "0")}`;
      await db.shipment.create({
        data: {
          shop,
          carrier: "USPS",
          trackingNumber,
          ...LANE,
          destTimeZone: "America/Chicago",
          plannedShipDate: "2026-11-16",
          promisedMaxDate: new Date("2026-11-20T00:00:00Z"),
        },
      });
      // Accepted Monday afternoon, delivered Tuesday: one business day.
      await record([
        {
          id: `${trackingNumber}-a`,
          trackingNumber,
          carrier: "USPS",
          rawCode: "03",
          occurredAt: "2026-11-16T20:00:00Z",
        },
        {
          id: `${trackingNumber}-d`,
          trackingNumber,
          carrier: "USPS",
          rawCode: "01",
          occurredAt: "2026-11-17T19:00:00Z",
        },
      ]);
    }
  }

  const economy = async () => {
    const laneStats = await loadLaneStats(db, shop);
    return quote(demo, { ...input([line(V.tee)], dest("75201")), laneStats }).quotes.find(
      (q) => q.serviceCode === "TR_ECONOMY",
    )!;
  };

  it("keeps the table window below the sample threshold and quotes the learned window once the lane has enough deliveries", async () => {
    // GIVEN the engine's table window for Dallas → 752 by USPS Ground Advantage
    const table = await economy();
    expect(table.shipments[0]).toMatchObject({
      warehouseId: "dallas-tx",
      serviceId: "usps-ground-advantage",
      transitSource: "TABLE",
    });
    // WHEN 19 one-day deliveries are tracked on the lane (the demo shop needs 20 samples)
    await deliveries(19);
    const tooFew = await economy();
    // THEN the promise is unchanged
    expect(tooFew.delivery).toEqual(table.delivery);
    // WHEN the 20th delivery arrives
    await deliveries(1, 19);
    await record([
      {
        id: "dup",
        trackingNumber: "9400LANE0000",
        carrier: "USPS",
        rawCode: "01",
        occurredAt: "2026-11-17T19:00:00Z",
      },
    ]);
    const learned = await economy();
    // THEN the lane counts each delivery once and the engine quotes the learned (faster) window
    const lane = await db.deliveryLane.findFirstOrThrow({ where: { shop, ...LANE } });
    expect(lane).toMatchObject({ samples: 20, promisedSamples: 20, onTime: 20, p50Days: 1, p90Days: 1 });
    expect(learned.shipments[0]).toMatchObject({
      transitSource: "LANE_STATS",
      transitDays: { min: 1, max: 1 },
    });
    expect(learned.delivery.maxDate < table.delivery.maxDate).toBe(true);
  });

  it("takes quantiles by nearest rank", () => {
    expect(histogramQuantile({ "2": 6, "3": 3, "5": 1 }, 0.5)).toBe(2);
    expect(histogramQuantile({ "2": 6, "3": 3, "5": 1 }, 0.9)).toBe(3);
    expect(histogramQuantile({ "2": 6, "3": 3, "5": 1 }, 1)).toBe(5);
    expect(histogramQuantile({}, 0.5)).toBe(0);
  });
});
