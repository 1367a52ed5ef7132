import type { Prisma } from "@prisma/client";
import { HandoffDocument } from "../../contracts/warehouse-handoff";
import { readJsonColumn } from "../../db/json-column";
import { enqueueHandoffSend } from "../../jobs/kinds/handoff-send.server";
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
  orderId: string,
  appointment: HandoffAppointment,
  version: number,
): Promise<void> {
  const handoffs = await tx.warehouseHandoff.findMany({
    // Not to a cancelled order, nor one the warehouse gave back (a new request carries the appointment then).
    where: { shop, orderId, state: { notIn: ["CANCELLED", "CLOSED"] } },
    select: { id: true, fulfillmentOrderId: true, warehouseKey: true, document: true },
  });
  for (const handoff of handoffs) {
    const document = readJsonColumn(HandoffDocument, handoff.document, {
      shop,
      id: handoff.id,
      column: "WarehouseHandoff.document",
    });
    // An order routed by hand has no routing section: there is no freight plan for the appointment to belong to.
    if (!document.routing) continue;
    const window: HandoffAppointment = {
      day: appointment.day,
      windowStart: appointment.windowStart,
      windowEnd: appointment.windowEnd,
      timeZone: appointment.timeZone,
    };
    const next: HandoffDocument = { ...document, routing: { ...document.routing, appointment: window } };
    await tx.warehouseHandoff.update({
      where: { id: handoff.id },
      data: { document: next as unknown as Prisma.InputJsonValue },
    });
    const warehouse = await tx.warehouse.findFirst({
      where: { shop, key: handoff.warehouseKey },
      select: { handoffMethod: true },
    });
    if (warehouse && sendsWebhooks(warehouse))
      await enqueueHandoffSend(tx, shop, handoff.fulfillmentOrderId, "fulfillment.updated", version);
  }
}
