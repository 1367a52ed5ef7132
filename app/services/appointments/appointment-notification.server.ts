import type { DeliveryAppointment, Prisma } from "@prisma/client";
import { recordNotificationEvent } from "../notifications/record-event.server";

/**
 * THE one place a booked (or changed) freight appointment is announced to the buyer (Flow trigger, the app's email:
 * docs/notifications.md): called inside the booking transaction, so the event is recorded exactly when the booking
 * commits. Keyed by order and appointment version: a change is a new event, a replay of the same booking is not.
 */
export async function recordAppointmentBooked(
  tx: Prisma.TransactionClient,
  appointment: DeliveryAppointment,
  now: Date,
): Promise<void> {
  await recordNotificationEvent(tx, {
    shop: appointment.shop,
    kind: "freight_appointment_booked",
    eventKey: `freight_appointment_booked:${appointment.orderId}:v${appointment.version}`,
    occurredAt: now.toISOString(),
    orderId: appointment.orderId,
    orderName: appointment.orderName,
    customerId: appointment.customerId,
    appointment: {
      date: appointment.day,
      startTime: appointment.windowStart,
      endTime: appointment.windowEnd,
    },
  });
}
