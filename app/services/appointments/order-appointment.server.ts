import type { PrismaClient } from "@prisma/client";
import { appointmentText } from "./appointment-sync.server";

/** What the merchant's order page shows of the order's freight delivery appointment, or null when none is booked. */
export async function orderAppointment(db: PrismaClient, shop: string, orderId: string) {
  const a = await db.deliveryAppointment.findUnique({ where: { shop_orderId: { shop, orderId } } });
  if (!a) return null;
  const calendar = await db.appointmentCalendar.findFirst({
    where: { shop, id: a.calendarId },
    select: { warehouseKey: true, partnerName: true },
  });
  return {
    text: appointmentText(a),
    warehouseKey: calendar?.warehouseKey ?? null,
    partnerName: calendar?.partnerName ?? null,
    changes: a.version - 1,
    bookedAt: a.createdAt.toISOString(),
    /** Written to the Shopify order (metafield + note) up to the latest change. */
    synced: a.syncedVersion >= a.version,
    syncError: a.syncError,
  };
}
