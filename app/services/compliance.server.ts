import type { PrismaClient } from "@prisma/client";
import { orderGid } from "../contracts/compliance-webhooks";
import { jsonDbNull } from "../db-portable.server";

/** customers/data_request: everything the app holds about the listed orders of one shop. */
export async function customerDataReport(db: PrismaClient, shop: string, numericOrderIds: string[]) {
  const orderIds = numericOrderIds.map(orderGid);
  const [decisions, shipments] = await Promise.all([
    db.routingDecision.findMany({
      where: { shop, orderId: { in: orderIds } },
      select: {
        orderId: true,
        orderName: true,
        serviceCode: true,
        mode: true,
        pickupPoint: true,
        createdAt: true,
      },
    }),
    db.shipment.findMany({
      where: { shop, orderId: { in: orderIds } },
      select: { orderId: true, carrier: true, trackingNumber: true, status: true, pickupPointId: true },
    }),
  ]);
  return { orders: orderIds, decisions, shipments };
}

/**
 * customers/redact: removes the buyer's personal data for the listed orders, in one transaction. Decisions and
 * shipments keep their operational facts (warehouse, service, cost, carrier, status) for delivery statistics;
 * the buyer's pickup choice and the places their parcel was scanned at are personal and go.
 */
export async function redactCustomerOrders(db: PrismaClient, shop: string, numericOrderIds: string[]) {
  const orderIds = numericOrderIds.map(orderGid);
  const [decisions] = await db.$transaction([
    db.routingDecision.updateMany({
      where: { shop, orderId: { in: orderIds } },
      data: { pickupPoint: jsonDbNull(db) },
    }),
    db.shipment.updateMany({ where: { shop, orderId: { in: orderIds } }, data: { pickupPointId: null } }),
    db.trackingEvent.updateMany({
      where: { shop, shipment: { shop, orderId: { in: orderIds } } },
      data: { location: null },
    }),
  ]);
  return { redactedDecisions: decisions.count };
}
