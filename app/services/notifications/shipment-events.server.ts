import type { Prisma, Shipment } from "@prisma/client";
import type { TrackingStatus } from "../../engine/tracking";
import { trackingUrlFor } from "./event-text";
import { recordNotificationEvent, type RecordOptions } from "./record-event.server";
import type { NotificationEvent, NotificationKind } from "./types";

type Tx = Prisma.TransactionClient;

/** The event of a shipment: its order, carrier, tracking link, pickup point and hold deadline. */
export async function shipmentEvent(
  tx: Pick<Tx, "pickupPoint">,
  shipment: Shipment,
  kind: NotificationKind,
  eventKey: string,
  occurredAt: Date,
  extra: Partial<NotificationEvent> = {},
): Promise<NotificationEvent> {
  const point = shipment.pickupPointId
    ? await tx.pickupPoint.findFirst({
        where: { shop: shipment.shop, id: shipment.pickupPointId },
        select: { name: true, address1: true, city: true, province: true, zip: true, network: true },
      })
    : null;
  return {
    shop: shipment.shop,
    kind,
    eventKey,
    occurredAt: occurredAt.toISOString(),
    orderId: shipment.orderId,
    orderName: shipment.orderName,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    trackingUrl: trackingUrlFor(shipment.carrier, shipment.trackingNumber),
    pickupPoint: point,
    holdExpiresAt: shipment.holdExpiresAt?.toISOString() ?? null,
    ...extra,
  };
}

/** Records the event of a shipment (see recordNotificationEvent): nothing for a shipment with no order yet. */
export async function recordShipmentEvent(
  tx: Tx,
  shipment: Shipment,
  kind: NotificationKind,
  eventKey: string,
  occurredAt: Date,
  extra: Partial<NotificationEvent> = {},
  options: RecordOptions = {},
): Promise<void> {
  if (!shipment.orderId) return;
  await recordNotificationEvent(
    tx,
    await shipmentEvent(tx, shipment, kind, eventKey, occurredAt, extra),
    options,
  );
}

/**
 * What one tracking transition tells the buyer, recorded in the transition's transaction: the parcel arrived at a
 * pickup point (its hold started now), or a delivery attempt failed (one per failed-attempt scan).
 */
export async function recordTransitionNotifications(
  tx: Tx,
  before: Shipment,
  after: Shipment,
  to: TrackingStatus,
  event: { id: string; occurredAt: Date; description: string | null },
): Promise<void> {
  if (to === "AVAILABLE_FOR_PICKUP" && !before.holdStartedAt && after.holdStartedAt)
    await recordShipmentEvent(tx, after, "pickup_ready", `pickup_ready:${after.id}`, event.occurredAt);
  if (to === "ATTEMPTED_DELIVERY")
    await recordShipmentEvent(
      tx,
      after,
      "delivery_attempt_failed",
      `delivery_attempt_failed:${event.id}`,
      event.occurredAt,
      { note: event.description?.slice(0, 500) ?? null },
    );
}
