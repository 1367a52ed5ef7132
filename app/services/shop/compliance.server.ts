import type { PrismaClient } from "@prisma/client";
import { orderGid } from "../../contracts/compliance-webhooks";
import { StoredFulfillmentEventPayloadSchema } from "../../contracts/stored-json";
import { jsonDbNull } from "../../db/portable.server";
import { fulfillmentEventMessage, type TrackingStatus } from "../../engine/tracking";

/** customers/data_request: everything the app holds about the listed orders of one shop. */
export async function customerDataReport(db: PrismaClient, shop: string, numericOrderIds: string[]) {
  const orderIds = numericOrderIds.map(orderGid);
  const [decisions, shipments, appointments] = await Promise.all([
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
      select: {
        orderId: true,
        carrier: true,
        trackingNumber: true,
        status: true,
        pickupPointId: true,
        lastEventDescription: true,
        // Where the parcel was scanned and the carriers' texts can describe the buyer's place: report them.
        events: {
          where: { shop },
          orderBy: { occurredAt: "asc" },
          select: { status: true, occurredAt: true, location: true, description: true },
        },
      },
    }),
    // The freight delivery window the buyer booked for the order.
    db.deliveryAppointment.findMany({
      where: { shop, orderId: { in: orderIds } },
      select: {
        orderId: true,
        day: true,
        windowStart: true,
        windowEnd: true,
        timeZone: true,
        createdAt: true,
      },
    }),
  ]);
  // The stored routing input holds the shipping address: report it, not the rest of the engine input.
  const held = decisions.map(({ input, ...decision }) => ({
    ...decision,
    destination: (input as { destination?: unknown } | null)?.destination ?? null,
  }));
  return { orders: orderIds, decisions: held, shipments, appointments };
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
 * places their parcel was scanned at and the carriers' free-text event descriptions (also inside the recorded
 * fulfillment-event messages) are personal and go.
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
    // The fulfillment events recorded for Shopify carry the carrier's text in their message: keep the status only.
    const shipmentIds = (
      await tx.shipment.findMany({ where: { shop, orderId: { in: orderIds } }, select: { id: true } })
    ).map((s) => s.id);
    const pushes = await tx.trackingPush.findMany({
      where: { shop, shipmentId: { in: shipmentIds }, kind: "FULFILLMENT_EVENT" },
      select: { id: true, key: true, payload: true },
    });
    const eventStatus = new Map(
      (
        await tx.trackingEvent.findMany({
          where: { shop, id: { in: pushes.map((p) => p.key.replace(/^fe:/, "")) } },
          select: { id: true, status: true },
        })
      ).map((e) => [e.id, e.status as TrackingStatus]),
    );
    for (const push of pushes) {
      const status = eventStatus.get(push.key.replace(/^fe:/, ""));
      // A payload that no longer reads keeps nothing but the new message: redaction never stops at a bad row.
      const stored = StoredFulfillmentEventPayloadSchema.safeParse(push.payload);
      const kept = stored.success ? stored.data : {};
      await tx.trackingPush.updateMany({
        where: { id: push.id, shop },
        data: { payload: { ...kept, message: status ? fulfillmentEventMessage(status, null) : "" } },
      });
    }
    // The buyer's delivery appointment (who booked which window) goes; its seat stays taken (the crew's plan).
    await tx.deliveryAppointment.deleteMany({ where: { shop, orderId: { in: orderIds } } });
    return { redactedDecisions: decisions.length };
  });
}
