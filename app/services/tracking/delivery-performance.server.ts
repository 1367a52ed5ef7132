// Delivery figures for the admin home: on-time rate per service and pickup rate per pickup network (and per point).
// Read from the tracking model: each shipment carries its own promise (copied from its routing decision's plan) and
// its delivery time; a parcel counts as "held" once it reached a pickup point (the hold clock started).
// Every query is scoped to the shop.
import type { PrismaClient } from "@prisma/client";
import { deliveredOnTime, destinationTimeZone } from "../../engine/tracking";

export interface ServiceOnTime {
  serviceCode: string;
  delivered: number;
  onTime: number;
}

export interface NetworkPickupRate {
  network: string;
  /** Parcels that reached a pickup point (held for the buyer). */
  held: number;
  pickedUp: number;
  /** Hold expired: the parcel goes back to the sender. */
  returned: number;
}

/** The same counts for one pickup point (only shipments linked to a PickupPoint row). */
export interface PointPickupRate extends NetworkPickupRate {
  pickupPointId: string;
  name: string | null;
}

export interface DeliveryPerformance {
  onTimeByService: ServiceOnTime[];
  pickupByNetwork: NetworkPickupRate[];
  pickupByPoint: PointPickupRate[];
}

/**
 * On time = delivered (or picked up) on or before the promised latest day, on the buyer's calendar: the delivery's
 * date in the destination's time zone (`deliveredOnTime`). The service is the buyer-facing tier of the order's
 * routing decision.
 */
export async function deliveryPerformance(
  db: PrismaClient,
  shop: string,
  /** Only deliveries in [from, to), and holds that started in it (the admin home's date range). */
  range?: { from: Date; to: Date },
): Promise<DeliveryPerformance> {
  const within = range ? { gte: range.from, lt: range.to } : undefined;
  const delivered = await db.shipment.findMany({
    where: {
      shop,
      status: { in: ["DELIVERED", "PICKED_UP"] },
      ...(within ? { OR: [{ deliveredAt: within }, { deliveredAt: null, statusAt: within }] } : {}),
    },
    select: {
      statusAt: true,
      deliveredAt: true,
      promisedMaxDate: true,
      destTimeZone: true,
      destZip3: true,
      decision: { select: { serviceCode: true, promisedMaxDate: true } },
    },
  });
  const byService = new Map<string, ServiceOnTime>();
  for (const shipment of delivered) {
    const serviceCode = shipment.decision?.serviceCode;
    const promisedBy = shipment.promisedMaxDate ?? shipment.decision?.promisedMaxDate;
    const at = shipment.deliveredAt ?? shipment.statusAt;
    if (!serviceCode || !promisedBy || !at) continue;
    const row = byService.get(serviceCode) ?? { serviceCode, delivered: 0, onTime: 0 };
    row.delivered += 1;
    if (deliveredOnTime(at, promisedBy, destinationTimeZone(shipment.destTimeZone, shipment.destZip3)))
      row.onTime += 1;
    byService.set(serviceCode, row);
  }

  const held = await db.shipment.findMany({
    where: {
      shop,
      OR: [{ holdStartedAt: { not: null } }, { status: "AVAILABLE_FOR_PICKUP" }],
      ...(within
        ? { AND: [{ OR: [{ holdStartedAt: within }, { holdStartedAt: null, statusAt: within }] }] }
        : {}),
    },
    select: { status: true, pickupPointId: true, holdNetwork: true, returningToOrigin: true },
  });
  const pointIds = [...new Set(held.flatMap((s) => (s.pickupPointId ? [s.pickupPointId] : [])))];
  const points = await db.pickupPoint.findMany({
    where: { shop, id: { in: pointIds } },
    select: { id: true, network: true, name: true },
  });
  const pointOf = new Map(points.map((point) => [point.id, point]));
  const byNetwork = new Map<string, NetworkPickupRate>();
  const byPoint = new Map<string, PointPickupRate>();
  const count = (row: NetworkPickupRate, s: (typeof held)[number]) => {
    row.held += 1;
    if (s.status === "PICKED_UP") row.pickedUp += 1;
    if (s.returningToOrigin || s.status === "RETURN_TO_SENDER" || s.status === "RETURNED") row.returned += 1;
  };
  for (const shipment of held) {
    const point = shipment.pickupPointId ? pointOf.get(shipment.pickupPointId) : undefined;
    const network = point?.network ?? shipment.holdNetwork ?? "UNKNOWN";
    const row = byNetwork.get(network) ?? { network, held: 0, pickedUp: 0, returned: 0 };
    count(row, shipment);
    byNetwork.set(network, row);
    if (shipment.pickupPointId) {
      const pointRow = byPoint.get(shipment.pickupPointId) ?? {
        pickupPointId: shipment.pickupPointId,
        name: point?.name ?? null,
        network,
        held: 0,
        pickedUp: 0,
        returned: 0,
      };
      count(pointRow, shipment);
      byPoint.set(shipment.pickupPointId, pointRow);
    }
  }
  return {
    onTimeByService: [...byService.values()].sort((a, b) => a.serviceCode.localeCompare(b.serviceCode)),
    pickupByNetwork: [...byNetwork.values()].sort((a, b) => a.network.localeCompare(b.network)),
    pickupByPoint: [...byPoint.values()].sort((a, b) => a.pickupPointId.localeCompare(b.pickupPointId)),
  };
}
