// Delivery figures for the admin home: on-time rate per service and pickup rate per pickup network.
// Read from shipments (tracking) joined to their routing decision's promise. Every query is scoped to the shop.
import type { PrismaClient } from "@prisma/client";

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

export interface DeliveryPerformance {
  onTimeByService: ServiceOnTime[];
  pickupByNetwork: NetworkPickupRate[];
}

const HELD_STATUSES = ["AVAILABLE_FOR_PICKUP", "PICKED_UP", "RETURN_TO_SENDER", "RETURNED"];

/** On time = delivered no later than the end of the promised latest day (UTC day of promisedMaxDate). */
export async function deliveryPerformance(db: PrismaClient, shop: string): Promise<DeliveryPerformance> {
  const delivered = await db.shipment.findMany({
    where: { shop, status: { in: ["DELIVERED", "PICKED_UP"] } },
    select: { statusAt: true, decision: { select: { serviceCode: true, promisedMaxDate: true } } },
  });
  const byService = new Map<string, ServiceOnTime>();
  for (const shipment of delivered) {
    const serviceCode = shipment.decision?.serviceCode;
    const promisedBy = shipment.decision?.promisedMaxDate;
    if (!serviceCode || !promisedBy || !shipment.statusAt) continue;
    const row = byService.get(serviceCode) ?? { serviceCode, delivered: 0, onTime: 0 };
    row.delivered += 1;
    const endOfPromisedDay = Date.UTC(
      promisedBy.getUTCFullYear(),
      promisedBy.getUTCMonth(),
      promisedBy.getUTCDate() + 1,
    );
    if (shipment.statusAt.getTime() < endOfPromisedDay) row.onTime += 1;
    byService.set(serviceCode, row);
  }

  const held = await db.shipment.findMany({
    where: { shop, pickupPointId: { not: null }, status: { in: HELD_STATUSES } },
    select: { status: true, pickupPointId: true },
  });
  const points = await db.pickupPoint.findMany({
    where: { shop, id: { in: held.map((shipment) => shipment.pickupPointId!) } },
    select: { id: true, network: true },
  });
  const networkOf = new Map(points.map((point) => [point.id, point.network]));
  const byNetwork = new Map<string, NetworkPickupRate>();
  for (const shipment of held) {
    const network = networkOf.get(shipment.pickupPointId!) ?? "UNKNOWN";
    const row = byNetwork.get(network) ?? { network, held: 0, pickedUp: 0, returned: 0 };
    row.held += 1;
    if (shipment.status === "PICKED_UP") row.pickedUp += 1;
    if (shipment.status === "RETURN_TO_SENDER" || shipment.status === "RETURNED") row.returned += 1;
    byNetwork.set(network, row);
  }
  return {
    onTimeByService: [...byService.values()].sort((a, b) => a.serviceCode.localeCompare(b.serviceCode)),
    pickupByNetwork: [...byNetwork.values()].sort((a, b) => a.network.localeCompare(b.network)),
  };
}
