import type { Prisma, PrismaClient } from "@prisma/client";
import { HOLD_RULES, holdState, reverseCostCents, type PickupNetwork } from "../../engine/tracking";
import { HOLD_EXPIRED_TAG, type OrderTagPayload } from "./effects.server";

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

/**
 * The hold-expiry check (start-up, interval, or `tailroute shipments --check`; `now` fixed in tests): parcels still
 * AVAILABLE_FOR_PICKUP whose reminder point passed get it recorded; those past expiry are flagged "returning to
 * origin" with the expected reverse cost, the merchant's attention line, and an order tag pushed to Shopify.
 * Each flag is set once (the update is conditional on the flag not being set yet).
 */
export async function checkHoldExpiries(
  db: PrismaClient,
  options: { now: Date; shop?: string },
): Promise<HoldCheckReport> {
  const { now } = options;
  const held = await db.shipment.findMany({
    where: {
      ...(options.shop ? { shop: options.shop } : {}),
      status: "AVAILABLE_FOR_PICKUP",
      holdExpiresAt: { not: null },
      returningToOrigin: false,
    },
    take: 5_000,
  });
  const report: HoldCheckReport = { reminders: [], expired: [] };
  for (const s of held) {
    const state = holdState(
      { expiresAt: s.holdExpiresAt!, reminderAt: s.holdReminderAt ?? s.holdExpiresAt! },
      now,
    );
    if (state === "HOLDING") continue;
    if (state === "REMINDER_DUE") {
      const marked = await db.shipment.updateMany({
        where: { id: s.id, shop: s.shop, holdRemindedAt: null },
        data: { holdRemindedAt: now },
      });
      if (marked.count === 1)
        report.reminders.push({
          shop: s.shop,
          shipmentId: s.id,
          trackingNumber: s.trackingNumber,
          expiresAt: s.holdExpiresAt!,
        });
      continue;
    }
    const network = (s.holdNetwork ?? "UNKNOWN") as PickupNetwork;
    const rule = HOLD_RULES[network];
    const cost = rule ? reverseCostCents(rule, s.outboundCostCents) : null;
    const flagged = await db.$transaction(async (tx) => {
      const updated = await tx.shipment.updateMany({
        where: { id: s.id, shop: s.shop, status: "AVAILABLE_FOR_PICKUP", returningToOrigin: false },
        data: {
          returningToOrigin: true,
          reverseCostCents: cost,
          attention: `Not picked up by ${s.holdExpiresAt!.toISOString().slice(0, 10)}: returning to origin${
            cost === null ? "" : ` (expected reverse cost $${(cost / 100).toFixed(2)})`
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
          update: {},
        });
      }
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
