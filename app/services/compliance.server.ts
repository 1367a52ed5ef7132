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
        input: true,
        createdAt: true,
      },
    }),
    db.shipment.findMany({
      where: { shop, orderId: { in: orderIds } },
      select: { orderId: true, carrier: true, trackingNumber: true, status: true, pickupPointId: true },
    }),
  ]);
  // The stored routing input holds the shipping address: report it, not the rest of the engine input.
  const held = decisions.map(({ input, ...decision }) => ({
    ...decision,
    destination: (input as { destination?: unknown } | null)?.destination ?? null,
  }));
  return { orders: orderIds, decisions: held, shipments };
}

/** The parts of a stored engine input that say who and where the buyer is; zip/state/country stay for lane statistics. */
function redactedRoutingInput(input: unknown): unknown {
  if (!input || typeof input !== "object") return input;
  const { destination, ...rest } = input as { destination?: Record<string, unknown> | null };
  const kept = destination
    ? { country: destination.country, zip: destination.zip, state: destination.state, addressLines: [] }
    : destination;
  return { ...rest, destination: kept, pickupPoint: null };
}

/**
 * customers/redact: removes the buyer's personal data for the listed orders, in one transaction. Decisions and
 * shipments keep their operational facts (warehouse, service, cost, carrier, status, destination ZIP) for delivery
 * statistics; the buyer's street address, company and city in the stored routing input, their pickup choice, the
 * places their parcel was scanned at and the carriers' free-text event descriptions are personal and go.
 */
export async function redactCustomerOrders(db: PrismaClient, shop: string, numericOrderIds: string[]) {
  const orderIds = numericOrderIds.map(orderGid);
  return db.$transaction(async (tx) => {
    const decisions = await tx.routingDecision.findMany({
      where: { shop, orderId: { in: orderIds } },
      select: { id: true, input: true },
    });
    for (const decision of decisions) {
      await tx.routingDecision.updateMany({
        where: { id: decision.id, shop },
        data: {
          pickupPoint: jsonDbNull(db),
          ...(decision.input == null ? {} : { input: redactedRoutingInput(decision.input) as object }),
        },
      });
    }
    // Carrier event texts can name the recipient or where the parcel was left ("left with J. Smith").
    await tx.shipment.updateMany({
      where: { shop, orderId: { in: orderIds } },
      data: { pickupPointId: null, lastEventDescription: null },
    });
    await tx.trackingEvent.updateMany({
      where: { shop, shipment: { shop, orderId: { in: orderIds } } },
      data: { location: null, description: null },
    });
    return { redactedDecisions: decisions.length };
  });
}
