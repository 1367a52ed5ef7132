import type { Prisma } from "@prisma/client";
import { HandoffDocument } from "../../contracts/warehouse-handoff";
import { readJsonColumn } from "../../db/json-column";
import { enqueueHandoffSend } from "../../jobs/kinds/handoff-send.server";
import { ENDED_UNSHIPPED } from "./handoff-states";
import { sendsWebhooks } from "./record-requests.server";

/** The booked window as the handoff document carries it (`routing.appointment`). */
export interface HandoffAppointment {
  day: string;
  windowStart: string;
  windowEnd: string;
  timeZone: string;
}

/**
 * The order's freight appointment was booked or moved (`version` is the appointment's new version): each of the
 * order's handoffs that is not cancelled or given back gets it in its stored document (what a retry, the pick list
 * and `tailroute handoffs` read), and a webhook warehouse is sent `fulfillment.updated` with the whole document, once
 * per version. Runs in the booking's transaction, so the seat, the document and the send are written together.
 */
export async function handOnAppointment(
  tx: Prisma.TransactionClient,
  shop: string,
  appointment: HandoffAppointment & { orderId: string; version: number },
): Promise<void> {
  const handoffs = await tx.warehouseHandoff.findMany({
    // Not to a cancelled order, nor one the warehouse gave back (a new request carries the appointment then).
    where: { shop, orderId: appointment.orderId, state: { notIn: ENDED_UNSHIPPED } },
    select: { id: true, fulfillmentOrderId: true, warehouseKey: true, document: true },
  });
  if (handoffs.length === 0) return;
  const { day, windowStart, windowEnd, timeZone } = appointment;
  const window: HandoffAppointment = { day, windowStart, windowEnd, timeZone };
  const warehouses = await tx.warehouse.findMany({
    where: { shop, key: { in: handoffs.map((h) => h.warehouseKey) } },
    select: { key: true, handoffMethod: true },
  });
  for (const handoff of handoffs) {
    const document = readJsonColumn(HandoffDocument, handoff.document, {
      shop,
      id: handoff.id,
      column: "WarehouseHandoff.document",
    });
    // An order routed by hand has no routing section: there is no freight plan for the appointment to belong to.
    if (!document.routing) continue;
    const next: HandoffDocument = { ...document, routing: { ...document.routing, appointment: window } };
    await tx.warehouseHandoff.update({
      where: { id: handoff.id },
      data: { document: next as unknown as Prisma.InputJsonValue },
    });
    const warehouse = warehouses.find((w) => w.key === handoff.warehouseKey);
    if (warehouse && sendsWebhooks(warehouse))
      await enqueueHandoffSend(
        tx,
        shop,
        handoff.fulfillmentOrderId,
        "fulfillment.updated",
        appointment.version,
      );
  }
}
