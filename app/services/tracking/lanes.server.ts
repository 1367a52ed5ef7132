import type { Prisma, PrismaClient } from "@prisma/client";
import { StoredLaneHistogramSchema } from "../../contracts/stored-json";
import { readJsonColumn } from "../../db/json-column";
import {
  addLaneSample,
  businessDaysBetween,
  compileCalendar,
  laneStatFromTally,
  parseDay,
  type LaneTally,
} from "../../engine/transit";
import { dayInZone, deliveredOnTime, destinationTimeZone } from "../../engine/tracking";
import type { LaneStat } from "../../engine/types";

type Tx = Prisma.TransactionClient | PrismaClient;

// Transit is counted in carrier business days: weekends closed, holidays not (carriers differ on which federal
// holidays they observe; a holiday in a lane's window shows up as a slower sample instead).
const WEEKDAYS = compileCalendar({ federal: "NONE" });

/** The shipment fields a lane sample needs. */
export interface LaneShipment {
  id: string;
  shop: string;
  warehouseId: string | null;
  serviceId: string | null;
  destZip3: string | null;
  destTimeZone: string | null;
  plannedShipDate: string | null;
  promisedMaxDate: Date | null;
  laneRecordedAt: Date | null;
}

/**
 * Counts one delivery in its lane (warehouse × service × destination ZIP3), once per shipment: transit days from the
 * first carrier scan (else the planned ship day) to the delivery day in the buyer's zone, on time when the
 * delivery day on the buyer's calendar is not after the promised latest day (`deliveredOnTime`; without a promised
 * window: transit only, see `tallyOf`). Returns false when the lane is unknown or already counted.
 */
export async function recordLaneDelivery(
  tx: Tx,
  shipment: LaneShipment,
  deliveredAt: Date,
  firstCarrierScanAt: Date | null,
  now: Date,
): Promise<boolean> {
  const { warehouseId, serviceId, destZip3 } = shipment;
  if (!warehouseId || !serviceId || !destZip3 || shipment.laneRecordedAt) return false;
  const zone = destinationTimeZone(shipment.destTimeZone, destZip3);
  const shipDay = firstCarrierScanAt
    ? dayInZone(firstCarrierScanAt, zone)
    : shipment.plannedShipDate
      ? parseDay(shipment.plannedShipDate)
      : null;
  if (shipDay === null) return false;
  const deliveredDay = dayInZone(deliveredAt, zone);
  const transitDays = businessDaysBetween(WEEKDAYS, shipDay, deliveredDay);
  // No promised window: counted for transit, never as on time (nor late).
  const onTime = shipment.promisedMaxDate
    ? deliveredOnTime(deliveredAt, shipment.promisedMaxDate, zone)
    : null;

  // Claim the sample first: of two writers counting the same shipment (a delivery scan racing a late link), only the
  // one that flips laneRecordedAt counts it; the other waits on the row and then finds it claimed.
  const claimed = await tx.shipment.updateMany({
    where: { id: shipment.id, shop: shipment.shop, laneRecordedAt: null },
    data: { laneRecordedAt: now },
  });
  if (claimed.count !== 1) return false;
  const key = { shop: shipment.shop, warehouseId, serviceId, destZip3 };
  // Read, add, write back only if nobody counted in between (on PostgreSQL two instances can deliver into the same
  // lane at once): a lost race re-reads the lane and adds again.
  for (let attempt = 0; attempt < LANE_WRITE_ATTEMPTS; attempt++) {
    const lane = await tx.deliveryLane.findUnique({ where: { shop_warehouseId_serviceId_destZip3: key } });
    const before: LaneTally = lane ? tallyOf(lane) : { samples: 0, promised: 0, onTime: 0, histogram: {} };
    const tally = addLaneSample(before, transitDays, onTime);
    const stat = laneStatFromTally(warehouseId, serviceId, destZip3, tally);
    const columns = {
      samples: tally.samples,
      promisedSamples: tally.promised,
      onTime: tally.onTime,
      histogram: tally.histogram,
      p50Days: stat.p50Days,
      p90Days: stat.p90Days,
    };
    if (!lane) {
      // The lane's first delivery: make the empty row (an upsert, so two first deliveries never collide on the
      // unique key), then add to it like any other.
      await tx.deliveryLane.upsert({
        where: { shop_warehouseId_serviceId_destZip3: key },
        create: { ...key, samples: 0, promisedSamples: 0, onTime: 0, histogram: {}, p50Days: 0, p90Days: 0 },
        update: { destZip3: key.destZip3 },
      });
      continue;
    }
    const written = await tx.deliveryLane.updateMany({
      where: {
        id: lane.id,
        shop: shipment.shop,
        samples: lane.samples,
        promisedSamples: lane.promisedSamples,
      },
      data: columns,
    });
    if (written.count === 1) return true;
  }
  throw new Error(`lane ${warehouseId}/${serviceId}/${destZip3} kept changing under concurrent deliveries`);
}

const LANE_WRITE_ATTEMPTS = 8;

/** A stored lane as a tally: on-time rate = onTime / promised; transit shares of samples (every delivery). */
export function tallyOf(lane: {
  shop: string;
  id: string;
  samples: number;
  promisedSamples: number;
  onTime: number;
  histogram: unknown;
}): LaneTally {
  const histogram = readJsonColumn(StoredLaneHistogramSchema, lane.histogram ?? {}, {
    shop: lane.shop,
    column: "DeliveryLane.histogram",
    id: lane.id,
  });
  return { samples: lane.samples, promised: lane.promisedSamples, onTime: lane.onTime, histogram };
}

/** Every lane of a shop as the engine's `QuoteInput.laneStats` (the engine decides which have enough samples). */
export async function loadLaneStats(db: Tx, shop: string): Promise<LaneStat[]> {
  const lanes = await db.deliveryLane.findMany({
    where: { shop },
    orderBy: { updatedAt: "desc" },
    take: 50_000,
  });
  return lanes.map((lane) => ({
    ...laneStatFromTally(lane.warehouseId, lane.serviceId, lane.destZip3, tallyOf(lane)),
    p50Days: lane.p50Days,
    p90Days: lane.p90Days,
  }));
}
