import type { Prisma } from "@prisma/client";
import { enqueueTrackingPush } from "../../jobs/kinds/tracking-push.server";
import { isOpenHold } from "./holds.server";
import { ATTEMPT_TAG, HOLD_EXPIRED_TAG, holdFields, type OrderTagPayload } from "./transition-effects.server";
import { recordLaneDelivery } from "./lanes.server";
import { pickupHoldFor } from "./pickup-hold.server";

/** What linking a shipment to its order caught up on. */
export interface LinkCatchUp {
  tagsQueued: string[];
  laneCounted: boolean;
  holdRestarted: boolean;
}

/**
 * Scans that arrived before Shopify's fulfillment could not do what needs the order: tag it, count the lane (its
 * warehouse × service × ZIP3 comes from the routing decision) or use the pickup point's hold rule. Once the link is
 * written (same transaction), this applies them: the failed-attempt and hold-expired tags (same push keys as the live
 * path, so never twice), the lane sample of a delivered (or held) parcel (once, laneRecordedAt), and the hold clock
 * of a parcel already waiting at the point, re-timed with the point's rule.
 */
export async function catchUpAfterLink(
  tx: Prisma.TransactionClient,
  shop: string,
  shipmentId: string,
  now: Date,
): Promise<LinkCatchUp> {
  const result: LinkCatchUp = { tagsQueued: [], laneCounted: false, holdRestarted: false };
  const shipment = await tx.shipment.findFirst({ where: { id: shipmentId, shop } });
  if (!shipment) return result;

  if (shipment.orderId) {
    const attempted = await tx.trackingEvent.findFirst({
      where: { shop, shipmentId, appliedAs: "ATTEMPTED_DELIVERY" },
      select: { id: true },
    });
    const tags = [
      ...(attempted ? [ATTEMPT_TAG] : []),
      ...(shipment.returningToOrigin ? [HOLD_EXPIRED_TAG] : []),
    ];
    for (const tag of tags) {
      const key = `tag:${shipmentId}:${tag}`;
      await tx.trackingPush.upsert({
        where: { shop_key: { shop, key } },
        create: {
          shop,
          shipmentId,
          kind: "ORDER_TAG",
          key,
          payload: {
            orderId: shipment.orderId,
            tags: [tag],
          } satisfies OrderTagPayload as unknown as Prisma.InputJsonValue,
        },
        update: { key },
      });
      result.tagsQueued.push(tag);
    }
    // The link lets waiting fulfillment events and these tags go: one job pushes them, in order, in this
    // transaction (keyed by the link, so a replayed fulfillments/create enqueues nothing).
    await enqueueTrackingPush(
      tx,
      shop,
      shipmentId,
      `link:${shipmentId}:${shipment.fulfillmentId ?? shipment.orderId}`,
    );
  }

  if (isOpenHold(shipment) && shipment.pickupPointId) {
    const hold = await pickupHoldFor(tx, shop, shipment);
    if (hold) {
      const data = holdFields(shipment.holdStartedAt!, hold, shipment.carrier);
      await tx.shipment.updateMany({ where: { id: shipmentId, shop }, data });
      result.holdRestarted = true;
    }
  }

  // The lane counts at arrival at a pickup point, else at delivery (as on the live path).
  const countedAt = shipment.holdStartedAt ?? shipment.deliveredAt;
  if (countedAt && !shipment.laneRecordedAt) {
    const firstScan = await tx.trackingEvent.findFirst({
      where: { shop, shipmentId, status: { notIn: ["LABEL_CREATED"] }, occurredAt: { lt: countedAt } },
      orderBy: { occurredAt: "asc" },
      select: { occurredAt: true },
    });
    result.laneCounted = await recordLaneDelivery(
      tx,
      shipment,
      countedAt,
      firstScan?.occurredAt ?? null,
      now,
    );
  }
  return result;
}
