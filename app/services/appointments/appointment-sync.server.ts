import type { DeliveryAppointment, PrismaClient } from "@prisma/client";
import { gql, type GraphQLClient } from "graphql-request";
import { APPOINTMENT_METAFIELD, type AppointmentMetafield } from "../../contracts/appointments";
import { adminRequest, type RetryPolicy } from "../order-routing/admin-retry.server";
import { setOrderMetafield, updateOrderNote } from "../order-routing/admin-mutations.server";

/** Marks Tailroute's appointment line in the order note, so a change replaces the line instead of adding one. */
export const APPOINTMENT_NOTE_MARKER = "[Tailroute appointment]";

const ORDER_NOTE_QUERY = gql`
  query TailrouteAppointmentOrderNote($id: ID!) {
    order(id: $id) {
      id
      note
    }
  }
`;

/** "Thu Dec 10, 08:00–12:00 (America/Chicago)". */
export function appointmentText(
  a: Pick<DeliveryAppointment, "day" | "windowStart" | "windowEnd" | "timeZone">,
) {
  const date = new Date(`${a.day}T12:00:00Z`).toLocaleDateString("en-US", {
    weekday: "short",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
  return `${date}, ${a.windowStart}–${a.windowEnd} (${a.timeZone})`;
}

/** The order note with Tailroute's appointment line replaced; the buyer's and other apps' lines are kept. */
export function withAppointmentNoteLine(note: string | null, line: string): string {
  const kept = (note ?? "").split("\n").filter((l) => !l.startsWith(APPOINTMENT_NOTE_MARKER));
  kept.push(`${APPOINTMENT_NOTE_MARKER} ${line}`);
  return kept.join("\n").trim();
}

export function appointmentMetafieldValue(
  a: DeliveryAppointment,
  calendar: { warehouseKey: string; partnerName: string | null },
): AppointmentMetafield {
  return {
    v: 1,
    day: a.day,
    windowStart: a.windowStart,
    windowEnd: a.windowEnd,
    timeZone: a.timeZone,
    warehouseKey: calendar.warehouseKey,
    partnerName: calendar.partnerName,
    bookedAt: a.updatedAt.toISOString(),
  };
}

export type SyncResult = { done: true; version: number } | { dropped: string } | { failed: string };

/**
 * Writes the order's appointment to Shopify: the metafield `$app:delivery_appointment` (json) and one note line.
 * Writes the latest version whatever version enqueued the job; a version already written is skipped, so a job run
 * again after a crash writes nothing twice (both writes are idempotent anyway: a set and a replaced line).
 */
export async function syncAppointmentToOrder(
  db: PrismaClient,
  client: GraphQLClient,
  shop: string,
  orderId: string,
  retry?: RetryPolicy,
): Promise<SyncResult> {
  const appointment = await db.deliveryAppointment.findUnique({ where: { shop_orderId: { shop, orderId } } });
  if (!appointment) return { dropped: "the appointment no longer exists (erased)" };
  if (appointment.syncedVersion >= appointment.version) return { done: true, version: appointment.version };
  const calendar = await db.appointmentCalendar.findFirst({
    where: { shop, id: appointment.calendarId },
    select: { warehouseKey: true, partnerName: true },
  });
  const value = appointmentMetafieldValue(appointment, calendar ?? { warehouseKey: "", partnerName: null });
  const metafield = await setOrderMetafield(
    client,
    orderId,
    {
      namespace: APPOINTMENT_METAFIELD.namespace,
      key: APPOINTMENT_METAFIELD.key,
      value: JSON.stringify(value),
    },
    retry,
  );
  const fail = async (error: string): Promise<SyncResult> => {
    await db.deliveryAppointment.updateMany({
      where: { id: appointment.id, shop },
      data: { syncError: error },
    });
    return { failed: error };
  };
  if (!metafield.ok) return fail(`Shopify refused the metafield: ${metafield.error}`);
  const { order } = await adminRequest<{ order: { note: string | null } | null }>(
    client,
    ORDER_NOTE_QUERY,
    { id: orderId },
    retry,
  );
  if (!order) return { dropped: "Shopify no longer has the order" };
  const who = calendar?.partnerName ? ` by ${calendar.partnerName}` : "";
  const note = withAppointmentNoteLine(
    order.note,
    `Freight delivery booked${who}: ${appointmentText(appointment)}`,
  );
  const noted = await updateOrderNote(client, orderId, note, retry);
  if (!noted.ok) return fail(`Shopify refused the note: ${noted.error}`);
  await db.deliveryAppointment.updateMany({
    where: { id: appointment.id, shop, syncedVersion: { lt: appointment.version } },
    data: { syncedVersion: appointment.version, syncError: null },
  });
  return { done: true, version: appointment.version };
}
