import type { DeliveryAppointment, Prisma } from "@prisma/client";

/**
 * THE one place a booked (or changed) freight appointment is announced to the buyer: called inside the booking
 * transaction, so the event is recorded exactly when the booking commits. The event it records is kind
 * "freight_appointment_booked", keyed by order and appointment version (a change is a new event).
 */
export async function recordAppointmentBooked(
  _tx: Prisma.TransactionClient,
  _appointment: DeliveryAppointment,
  _now: Date,
): Promise<void> {
  // The notification pipeline (Flow trigger + email) is wired here once it exports recordNotificationEvent.
}
