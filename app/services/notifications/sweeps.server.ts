import type { PrismaClient } from "@prisma/client";
import { deliveryRisk, type TrackingStatus } from "../../engine/tracking";
import { recordShipmentEvent } from "./shipment-events.server";

const DAY_MS = 86_400_000;
/** Shipments looked at per pass and sweep; the rest wait for the next pass (every 15 minutes). */
const SWEEP_BATCH = 2_000;
const CLOSED = ["PICKED_UP", "DELIVERED", "RETURN_TO_SENDER", "RETURNED"];

export interface NotificationSweepReport {
  reminders: number;
  atRisk: number;
}

/**
 * The notification part of the `tracking.maintenance` pass: held parcels' email reminders on each shop's own
 * schedule, and shipments newly at risk of being late. Each event has a stable key, so finding it again on the
 * next pass records nothing.
 */
export async function runNotificationSweeps(
  db: PrismaClient,
  now: Date,
  shop?: string,
): Promise<NotificationSweepReport> {
  return { reminders: await sweepHoldReminders(db, now, shop), atRisk: await sweepAtRisk(db, now, shop) };
}

/**
 * Email reminders of held parcels for shops with their emails on: `reminderAfterArrivalDays` after the parcel
 * arrived and `reminderBeforeExpiryDays` before the hold ends (0 = that reminder is off). The before-expiry one shares
 * its key with the hold check's reminder (which also fires the Flow trigger), so a buyer gets it once.
 */
export async function sweepHoldReminders(db: PrismaClient, now: Date, shop?: string): Promise<number> {
  const shops = await db.notificationSettings.findMany({
    where: { emailEnabled: true, ...(shop ? { shop } : {}) },
    select: { shop: true, reminderAfterArrivalDays: true, reminderBeforeExpiryDays: true },
  });
  let recorded = 0;
  for (const settings of shops) {
    const held = await db.shipment.findMany({
      where: {
        shop: settings.shop,
        orderId: { not: null },
        holdStartedAt: { not: null },
        returningToOrigin: false,
        status: { notIn: CLOSED },
        holdExpiresAt: { gt: now },
      },
      orderBy: [{ holdExpiresAt: "asc" }, { id: "asc" }],
      take: SWEEP_BATCH,
    });
    for (const s of held) {
      const points: ["after-arrival" | "before-expiry", Date | null][] = [
        [
          "after-arrival",
          settings.reminderAfterArrivalDays > 0
            ? new Date(s.holdStartedAt!.getTime() + settings.reminderAfterArrivalDays * DAY_MS)
            : null,
        ],
        [
          "before-expiry",
          settings.reminderBeforeExpiryDays > 0
            ? new Date(s.holdExpiresAt!.getTime() - settings.reminderBeforeExpiryDays * DAY_MS)
            : null,
        ],
      ];
      for (const [which, at] of points) {
        if (!at || at > now) continue;
        const eventKey = `pickup_hold_expiring:${s.id}:${which}`;
        const known = await db.notification.findFirst({
          where: { shop: s.shop, eventKey, channel: "EMAIL" },
          select: { id: true },
        });
        if (known) continue;
        await db.$transaction((tx) =>
          recordShipmentEvent(
            tx,
            s,
            "pickup_hold_expiring",
            eventKey,
            at,
            { reminder: which === "after-arrival" ? "AFTER_ARRIVAL" : "BEFORE_EXPIRY" },
            { channels: ["EMAIL"] },
          ),
        );
        recorded++;
      }
    }
  }
  return recorded;
}

/**
 * Shipments on their way whose promised day is near or passed and that the engine's `deliveryRisk` judges AT_RISK
 * or LATE: one shipment_at_risk event each (the first time only).
 */
export async function sweepAtRisk(db: PrismaClient, now: Date, shop?: string): Promise<number> {
  const uninstalled = (
    await db.shop.findMany({ where: { uninstalledAt: { not: null } }, select: { shop: true } })
  ).map((s) => s.shop);
  const candidates = await db.shipment.findMany({
    where: {
      ...(shop ? { shop } : uninstalled.length ? { shop: { notIn: uninstalled } } : {}),
      orderId: { not: null },
      status: { notIn: CLOSED },
      returningToOrigin: false,
      promisedMaxDate: {
        not: null,
        gte: new Date(now.getTime() - 3 * DAY_MS),
        lte: new Date(now.getTime() + 3 * DAY_MS),
      },
    },
    orderBy: [{ promisedMaxDate: "asc" }, { id: "asc" }],
    take: SWEEP_BATCH,
  });
  let recorded = 0;
  for (const s of candidates) {
    const risk = deliveryRisk(
      {
        status: s.status as TrackingStatus,
        promisedMaxDate: s.promisedMaxDate,
        deliveredAt: s.deliveredAt,
        estimatedDeliveryAt: s.estimatedDeliveryAt,
        destTimeZone: s.destTimeZone,
        destZip3: s.destZip3,
      },
      now,
    );
    if (risk !== "AT_RISK" && risk !== "LATE") continue;
    const eventKey = `shipment_at_risk:${s.id}`;
    const known = await db.notification.findFirst({
      where: { shop: s.shop, eventKey },
      select: { id: true },
    });
    if (known) continue;
    await db.$transaction((tx) =>
      recordShipmentEvent(tx, s, "shipment_at_risk", eventKey, now, {
        promisedBy: s.promisedMaxDate!.toISOString().slice(0, 10),
        note:
          risk === "LATE"
            ? "Past the promised delivery day"
            : (s.lastEventDescription?.slice(0, 200) ?? null),
      }),
    );
    recorded++;
  }
  return recorded;
}
