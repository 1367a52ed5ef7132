import type { PrismaClient } from "@prisma/client";
import { deliveryRisk, type DeliveryRisk, type TrackingStatus } from "../../engine/tracking";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** One row of the operator view (`tailroute shipments`). */
export interface ShipmentRow {
  trackingNumber: string;
  carrier: string;
  orderId: string | null;
  orderName: string | null;
  status: string;
  statusAt: string | null;
  lastEvent: { at: string; description: string | null } | null;
  promisedWindow: { min: string | null; max: string | null } | null;
  estimatedDeliveryAt: string | null;
  risk: DeliveryRisk;
  /** LATE / AT_RISK as a single flag for the table. */
  flag: "late" | "at-risk" | null;
  hold: {
    network: string | null;
    expiresAt: string | null;
    returningToOrigin: boolean;
    reverseCostCents: number | null;
  } | null;
  attention: string | null;
  pendingShopifyWrites: number;
  /** Every stored event, oldest first; `appliedAs` = the status it moved the shipment to (null = kept only). */
  timeline: {
    occurredAt: string;
    status: string;
    rawCode: string;
    description: string | null;
    applied: boolean;
    appliedAs: string | null;
  }[];
}

/** A shop's shipments, newest first, with their late / at-risk judgement at `now` and their timelines. */
export async function listShipments(
  db: PrismaClient,
  shop: string,
  now: Date,
  limit = 100,
): Promise<ShipmentRow[]> {
  const shipments = await db.shipment.findMany({
    where: { shop },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { events: { orderBy: [{ occurredAt: "asc" }, { receivedAt: "asc" }] } },
  });
  const pending = await db.trackingPush.groupBy({
    by: ["shipmentId"],
    where: { shop, status: "PENDING", shipmentId: { in: shipments.map((s) => s.id) } },
    _count: { _all: true },
  });
  const pendingOf = new Map(pending.map((p) => [p.shipmentId, p._count._all]));
  return shipments.map((s) => {
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
    return {
      trackingNumber: s.trackingNumber,
      carrier: s.carrier,
      orderId: s.orderId,
      orderName: s.orderName,
      status: s.status,
      statusAt: s.statusAt?.toISOString() ?? null,
      lastEvent: s.lastEventAt
        ? { at: s.lastEventAt.toISOString(), description: s.lastEventDescription }
        : null,
      promisedWindow: s.promisedMaxDate ? { min: day(s.promisedMinDate), max: day(s.promisedMaxDate) } : null,
      estimatedDeliveryAt: s.estimatedDeliveryAt?.toISOString() ?? null,
      risk,
      flag: risk === "LATE" || risk === "DELIVERED_LATE" ? "late" : risk === "AT_RISK" ? "at-risk" : null,
      hold: s.holdNetwork
        ? {
            network: s.holdNetwork,
            expiresAt: s.holdExpiresAt?.toISOString() ?? null,
            returningToOrigin: s.returningToOrigin,
            reverseCostCents: s.reverseCostCents,
          }
        : null,
      attention: s.attention,
      pendingShopifyWrites: pendingOf.get(s.id) ?? 0,
      timeline: s.events.map((e) => ({
        occurredAt: e.occurredAt.toISOString(),
        status: e.status,
        rawCode: e.rawCode,
        description: e.description,
        applied: e.appliedAs !== null,
        appliedAs: e.appliedAs,
      })),
    };
  });
}
