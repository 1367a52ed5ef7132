import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { pickupRateHistory } from "../../app/services/pickup/pickup-rate-history.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { freshTestDatabase } from "../support/test-database";

// The home page's pickup rate over time: finished holds per week and the split at the first hold reminder sent.

const dir = mkdtempSync(join(tmpdir(), "tailroute-pickup-history-"));
const db = createPrismaClient(freshTestDatabase("pickup_history", dir));
const SHOP = "pickup-history.myshopify.com";
const NOW = new Date("2026-11-27T12:00:00Z");

beforeAll(async () => {
  await recordInstall(db, SHOP);
  // Week of 2 Nov: 1 of 4 collected. Week of 16 Nov (reminders on since the 17th): 3 of 3. Still held: not counted.
  const holds: [string, string, boolean][] = [
    ["2026-11-03", "PICKED_UP", false],
    ["2026-11-03", "AVAILABLE_FOR_PICKUP", true],
    ["2026-11-04", "RETURNED", false],
    ["2026-11-05", "RETURN_TO_SENDER", false],
    ["2026-11-17", "PICKED_UP", false],
    ["2026-11-18", "PICKED_UP", false],
    ["2026-11-19", "PICKED_UP", false],
    ["2026-11-25", "AVAILABLE_FOR_PICKUP", false],
  ];
  await db.shipment.createMany({
    data: holds.map(([day, status, returningToOrigin], i) => ({
      shop: SHOP,
      carrier: "UPS",
      trackingNumber: `1ZHIST${i}`,
      status,
      returningToOrigin,
      holdStartedAt: new Date(`${day}T15:00:00Z`),
    })),
  });
  await db.notification.create({
    data: {
      shop: SHOP,
      kind: "pickup_hold_expiring",
      channel: "EMAIL",
      eventKey: "pickup_hold_expiring:x",
      event: {},
      status: "SENT",
      sentAt: new Date("2026-11-17T00:00:00Z"),
    },
  });
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("pickup rate history", () => {
  it("counts finished holds per week, with the rate before and after the first reminder", async () => {
    const history = await pickupRateHistory(db, SHOP, { now: NOW });
    expect(history.weeks).toEqual([
      { week: "2026-11-02", collected: 1, expired: 3, ratePercent: 25 },
      { week: "2026-11-09", collected: 0, expired: 0, ratePercent: null },
      { week: "2026-11-16", collected: 3, expired: 0, ratePercent: 100 },
      { week: "2026-11-23", collected: 0, expired: 0, ratePercent: null },
    ]);
    expect(history).toMatchObject({ remindersSince: "2026-11-17T00:00:00.000Z", before: 25, after: 100 });
    // AND another shop sees none of it
    expect((await pickupRateHistory(db, "other.myshopify.com", { now: NOW })).weeks).toEqual([]);
  });
});
