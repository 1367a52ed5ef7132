import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { recordLaneDelivery } from "../../app/services/tracking/lanes.server";
import { freshTestDatabase } from "../support/test-database";

// Two instances can count deliveries into the same lane at once (PostgreSQL). A writer whose read went stale must
// not overwrite the other's sample: it reads the lane again and adds to what is there.

const dir = mkdtempSync(join(tmpdir(), "tailroute-lane-race-"));
const db = createPrismaClient(freshTestDatabase("lane_race", dir));
const shop = "lane-race.myshopify.com";
const LANE = { warehouseId: "dallas-tx", serviceId: "UPS_GROUND", destZip3: "100" };
const NOW = new Date("2026-11-27T20:00:00Z");

afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

async function deliveredShipment(trackingNumber: string) {
  return db.shipment.create({
    data: {
      shop,
      carrier: "UPS",
      trackingNumber,
      warehouseId: LANE.warehouseId,
      serviceId: LANE.serviceId,
      destZip3: LANE.destZip3,
      destTimeZone: "America/New_York",
      plannedShipDate: "2026-11-24",
      promisedMaxDate: new Date("2026-11-28T00:00:00Z"),
    },
  });
}

/** The database, except that another writer counts a delivery into the lane just before our first lane write. */
function withInterloper(interloper: () => Promise<unknown>): PrismaClient {
  let fired = false;
  const lanes = new Proxy(db.deliveryLane, {
    get(target, property, receiver) {
      if (property !== "updateMany") return Reflect.get(target, property, receiver) as unknown;
      return async (args: Parameters<typeof db.deliveryLane.updateMany>[0]) => {
        if (!fired) {
          fired = true;
          await interloper();
        }
        return target.updateMany(args);
      };
    },
  });
  return new Proxy(db, {
    get: (target, property, receiver) =>
      property === "deliveryLane" ? lanes : (Reflect.get(target, property, receiver) as unknown),
  });
}

describe("lane statistics under concurrent deliveries", () => {
  it("keeps both samples when another writer counts into the lane between our read and our write", async () => {
    // GIVEN a lane with one delivery, and two more parcels delivered on it
    const first = await deliveredShipment("1ZRACE0001");
    await recordLaneDelivery(db, first, new Date("2026-11-26T18:00:00Z"), null, NOW);
    const ours = await deliveredShipment("1ZRACE0002");
    const theirs = await deliveredShipment("1ZRACE0003");
    // WHEN the other writer counts its parcel after we read the lane and before we write it
    const racing = withInterloper(() =>
      recordLaneDelivery(db, theirs, new Date("2026-11-26T18:00:00Z"), null, NOW),
    );
    expect(await recordLaneDelivery(racing, ours, new Date("2026-11-27T18:00:00Z"), null, NOW)).toBe(true);
    // THEN the lane holds all three deliveries (2 + 3 business days after the Monday ship day), none lost
    const lane = await db.deliveryLane.findFirstOrThrow({ where: { shop, ...LANE } });
    expect(lane).toMatchObject({ samples: 3, promisedSamples: 3, onTime: 3 });
    expect(lane.histogram).toEqual({ "2": 2, "3": 1 });
  });
});
