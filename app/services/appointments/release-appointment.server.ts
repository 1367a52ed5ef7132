import type { PrismaClient } from "@prisma/client";
import { redoOnConflict } from "../../db/portable.server";

/** The booking a cancelled order gave up: its day and window, whose seat is free again. */
export interface ReleasedAppointment {
  day: string;
  windowId: string;
}

/**
 * A cancelled order's delivery appointment is removed and its seat given back to the window, in one transaction
 * (the seat is freed once: the appointment row is deleted only if it is still the version read). An order with no
 * appointment, or one already released, gives null. A pending `appointments.sync-order` job then finds nothing to
 * write and is dropped. (`customers/redact` erases appointments but keeps their seats: those deliveries still happen.)
 */
export async function releaseOrderAppointment(
  db: PrismaClient,
  shop: string,
  orderId: string,
): Promise<ReleasedAppointment | null> {
  return redoOnConflict(() =>
    db.$transaction(async (tx) => {
      const appointment = await tx.deliveryAppointment.findUnique({
        where: { shop_orderId: { shop, orderId } },
      });
      if (!appointment) return null;
      const removed = await tx.deliveryAppointment.deleteMany({
        where: { id: appointment.id, shop, version: appointment.version },
      });
      if (removed.count !== 1) return null;
      await tx.appointmentSlot.updateMany({
        where: { id: appointment.slotId, shop, booked: { gt: 0 } },
        data: { booked: { decrement: 1 } },
      });
      return { day: appointment.day, windowId: appointment.windowId };
    }),
  );
}
