import type { Prisma, PrismaClient } from "@prisma/client";
import { HOLD_RULES, reverseCostCents, type PickupNetwork } from "../../engine/tracking";
import { enqueueTrackingPush } from "../../jobs/kinds/tracking-push.server";
import { formatMoney } from "../../format";
import { HOLD_EXPIRED_TAG, type OrderTagPayload } from "./transition-effects.server";
import { recordShipmentEvent } from "../notifications/shipment-events.server";

export interface HoldCheckReport {
  /** Holds whose reminder point passed: recorded once (holdRemindedAt) for the buyer's reminder. */
  reminders: { shop: string; shipmentId: string; trackingNumber: string; expiresAt: Date }[];
  /** Holds that expired without PICKED_UP: flagged returning to origin with the expected reverse cost. */
  expired: {
    shop: string;
    shipmentId: string;
    trackingNumber: string;
    network: string;
    reverseCostCents: number | null;
  }[];
}

/** Statuses that close a hold: collected (or delivered), or on its way back / back at the sender. */
const HOLD_CLOSED = ["PICKED_UP", "DELIVERED", "RETURN_TO_SENDER", "RETURNED"];

/** The same rule for one shipment already read (the late link re-times only an open hold). */
export function isOpenHold(shipment: {
  holdStartedAt: Date | null;
  returningToOrigin: boolean;
  status: string;
}): boolean {
  return (
    Boolean(shipment.holdStartedAt) && !shipment.returningToOrigin && !HOLD_CLOSED.includes(shipment.status)
  );
}

/** A hold that started and is still open: not collected, not returned, not already flagged. */
const openHold = (shop: string | undefined) =>
  ({
    ...(shop ? { shop } : {}),
    holdStartedAt: { not: null },
    returningToOrigin: false,
    status: { notIn: HOLD_CLOSED },
  }) satisfies Prisma.ShipmentWhereInput;

/** Holds handled per check; the rest (oldest due first) wait for the next run, which starts every 15 minutes. */
export const HOLD_CHECK_BATCH = 500;

/**
 * The hold-expiry check (start-up, interval, or `tailroute shipments --check`; `now` fixed in tests). A hold is open
 * from AVAILABLE_FOR_PICKUP until the parcel is picked up or returned, whatever scans arrive meanwhile (a DELAYED or
 * EXCEPTION scan during the hold does not stop the clock). Only due holds are read, oldest due first, in bounded
 * batches: those whose reminder point passed get it recorded once (holdRemindedAt); those past expiry are flagged
 * "returning to origin" with the expected reverse cost, the merchant's attention line, and an order tag pushed to
 * Shopify. Each flag is set once (the update is conditional on the flag not being set yet).
 */
export async function checkHoldExpiries(
  db: PrismaClient,
  options: { now: Date; shop?: string; batchSize?: number },
): Promise<HoldCheckReport> {
  const { now } = options;
  const take = options.batchSize ?? HOLD_CHECK_BATCH;
  const report: HoldCheckReport = { reminders: [], expired: [] };
  const reminderDue = await db.shipment.findMany({
    where: {
      ...openHold(options.shop),
      holdRemindedAt: null,
      holdReminderAt: { lte: now },
      holdExpiresAt: { gt: now },
    },
    orderBy: [{ holdReminderAt: "asc" }, { id: "asc" }],
    take,
  });
  for (const s of reminderDue) {
    const marked = await db.$transaction(async (tx) => {
      const updated = await tx.shipment.updateMany({
        where: { id: s.id, shop: s.shop, holdRemindedAt: null },
        data: { holdRemindedAt: now },
      });
      // The buyer's reminder (Flow trigger and email), in the same transaction as the mark: once per hold.
      if (updated.count === 1)
        await recordShipmentEvent(
          tx,
          s,
          "pickup_hold_expiring",
          `pickup_hold_expiring:${s.id}:before-expiry`,
          now,
          {
            reminder: "BEFORE_EXPIRY",
          },
        );
      return updated;
    });
    if (marked.count === 1)
      report.reminders.push({
        shop: s.shop,
        shipmentId: s.id,
        trackingNumber: s.trackingNumber,
        expiresAt: s.holdExpiresAt!,
      });
  }

  const expired = await db.shipment.findMany({
    where: { ...openHold(options.shop), holdExpiresAt: { lte: now } },
    orderBy: [{ holdExpiresAt: "asc" }, { id: "asc" }],
    take,
  });
  for (const s of expired) {
    const network = (s.holdNetwork ?? "UNKNOWN") as PickupNetwork;
    const rule = HOLD_RULES[network];
    const cost = rule ? reverseCostCents(rule, s.outboundCostCents) : null;
    const flagged = await db.$transaction(async (tx) => {
      const updated = await tx.shipment.updateMany({
        where: { id: s.id, ...openHold(s.shop) },
        data: {
          returningToOrigin: true,
          reverseCostCents: cost,
          attention: `Not picked up by ${s.holdExpiresAt!.toISOString().slice(0, 10)}: returning to origin${
            cost === null ? "" : ` (expected reverse cost ${formatMoney(cost)})`
          }`,
        },
      });
      if (updated.count === 1 && s.orderId) {
        await tx.trackingPush.upsert({
          where: { shop_key: { shop: s.shop, key: `tag:${s.id}:${HOLD_EXPIRED_TAG}` } },
          create: {
            shop: s.shop,
            shipmentId: s.id,
            kind: "ORDER_TAG",
            key: `tag:${s.id}:${HOLD_EXPIRED_TAG}`,
            payload: {
              orderId: s.orderId,
              tags: [HOLD_EXPIRED_TAG],
            } satisfies OrderTagPayload as unknown as Prisma.InputJsonValue,
          },
          update: { key: `tag:${s.id}:${HOLD_EXPIRED_TAG}` },
        });
        await enqueueTrackingPush(tx, s.shop, s.id, `tag:${s.id}:${HOLD_EXPIRED_TAG}`);
      }
      if (updated.count === 1)
        await recordShipmentEvent(
          tx,
          s,
          "pickup_hold_expired",
          `pickup_hold_expired:${s.id}`,
          s.holdExpiresAt!,
        );
      return updated.count === 1;
    });
    if (flagged)
      report.expired.push({
        shop: s.shop,
        shipmentId: s.id,
        trackingNumber: s.trackingNumber,
        network,
        reverseCostCents: cost,
      });
  }
  return report;
}
