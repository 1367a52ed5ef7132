import type { DeliveryAppointment, PrismaClient } from "@prisma/client";
import { redoOnConflict } from "../../db/portable.server";
import { appointmentOffer, isBeforeCutoff, type AppointmentOffer } from "../../engine/appointments";
import { enqueueAppointmentSync } from "../../jobs/kinds/appointment-sync.server";
import { handOnAppointment } from "../handoff/appointment-update.server";
import { recordAppointmentBooked } from "./appointment-notification.server";
import type { FreightAppointmentContext } from "./freight-order.server";

/** The days and windows the buyer may pick for the order, with the seats left now. */
export async function offerForOrder(
  db: PrismaClient,
  shop: string,
  context: FreightAppointmentContext,
  address: { zip: string; state: string | null },
  current: { day: string; windowId: string } | null,
  now: Date,
): Promise<AppointmentOffer> {
  const slots = await db.appointmentSlot.findMany({
    where: { shop, calendarId: context.calendar.id, day: { gte: context.earliestDay } },
    select: { day: true, windowId: true, booked: true },
  });
  return appointmentOffer({
    calendar: context.calendar.rules,
    zip: address.zip,
    state: address.state,
    earliestDay: context.earliestDay,
    leadDays: context.leadDays,
    serviceCalendar: context.serviceCalendar,
    now,
    booked: new Map(slots.map((s) => [`${s.day}|${s.windowId}`, s.booked])),
    current,
  });
}

/** May the buyer still change this appointment (its window starts after the calendar's cut-off)? */
export function appointmentChangeable(
  appointment: Pick<DeliveryAppointment, "day" | "windowStart">,
  context: FreightAppointmentContext,
  now: Date,
): boolean {
  return isBeforeCutoff(context.calendar.rules, appointment.day, appointment.windowStart, now);
}

export type BookingOutcome =
  { status: 200; appointment: DeliveryAppointment; changed: boolean } | { status: 400 | 409; reason: string };

/** The slot filled up between the offer and the write: the transaction is rolled back. */
class SlotFull extends Error {}
/** Another request changed the same order's appointment meanwhile. */
class ChangedMeanwhile extends Error {}

/**
 * Books (or changes) the order's appointment. The day and window must be in the order's current offer (its region,
 * the allowed days, not a blackout, before the cut-off), and the calendar the one of the order's freight warehouse —
 * anything else is refused. The seat is taken by ONE conditional UPDATE (`booked < seats`): two buyers racing for the
 * last seat cannot both get it, whatever the database. A change frees the old seat in the same transaction. The order
 * metafield and note are written afterwards by the `appointments.sync-order` job enqueued in the transaction.
 */
export async function bookAppointment(
  db: PrismaClient,
  args: {
    shop: string;
    orderId: string;
    orderName: string | null;
    customerId: string | null;
    context: FreightAppointmentContext;
    address: { zip: string; state: string | null };
    calendarId: string;
    day: string;
    windowId: string;
    now: Date;
  },
): Promise<BookingOutcome> {
  const { shop, context, now } = args;
  if (args.calendarId !== context.calendar.id)
    return { status: 400, reason: "This delivery slot is not offered for this order" };
  const existing = await db.deliveryAppointment.findUnique({
    where: { shop_orderId: { shop, orderId: args.orderId } },
  });
  if (existing && !appointmentChangeable(existing, context, now))
    return { status: 409, reason: "The appointment can no longer be changed: the cut-off has passed" };
  if (existing && existing.day === args.day && existing.windowId === args.windowId)
    return { status: 200, appointment: existing, changed: false };
  const offer = await offerForOrder(db, shop, context, args.address, existing, now);
  if (!offer.ok) return { status: 409, reason: "The delivery address is outside the areas this crew serves" };
  const window = offer.days.find((d) => d.day === args.day)?.windows.find((w) => w.id === args.windowId);
  if (!window)
    return { status: 409, reason: "This day and window cannot be booked (full, closed or too soon)" };
  const seats = context.calendar.rules.windows.find((w) => w.id === args.windowId)!.seats;

  try {
    const appointment = await redoOnConflict(() =>
      db.$transaction(async (tx) => {
        const slot = await tx.appointmentSlot.upsert({
          where: {
            shop_calendarId_day_windowId: {
              shop,
              calendarId: context.calendar.id,
              day: args.day,
              windowId: args.windowId,
            },
          },
          create: { shop, calendarId: context.calendar.id, day: args.day, windowId: args.windowId },
          update: { windowId: args.windowId },
          select: { id: true },
        });
        const taken = await tx.appointmentSlot.updateMany({
          where: { id: slot.id, shop, booked: { lt: seats } },
          data: { booked: { increment: 1 } },
        });
        if (taken.count !== 1) throw new SlotFull();
        const fields = {
          calendarId: context.calendar.id,
          slotId: slot.id,
          day: args.day,
          windowId: args.windowId,
          windowStart: window.start,
          windowEnd: window.end,
          timeZone: context.calendar.rules.timeZone,
          customerId: args.customerId,
          orderName: args.orderName,
        };
        const current = await tx.deliveryAppointment.findUnique({
          where: { shop_orderId: { shop, orderId: args.orderId } },
        });
        let saved: DeliveryAppointment;
        if (current) {
          await tx.appointmentSlot.updateMany({
            where: { id: current.slotId, shop, booked: { gt: 0 } },
            data: { booked: { decrement: 1 } },
          });
          const moved = await tx.deliveryAppointment.updateMany({
            where: { id: current.id, shop, version: current.version },
            data: { ...fields, version: { increment: 1 } },
          });
          if (moved.count !== 1) throw new ChangedMeanwhile();
          saved = await tx.deliveryAppointment.findUniqueOrThrow({ where: { id: current.id } });
        } else {
          saved = await tx.deliveryAppointment.create({ data: { shop, orderId: args.orderId, ...fields } });
        }
        await enqueueAppointmentSync(tx, shop, saved.orderId, saved.version);
        // A warehouse already handed the order hears of the window too (docs/handoff.md, "Updates").
        await handOnAppointment(tx, shop, saved);
        await recordAppointmentBooked(tx, saved, now);
        return saved;
      }),
    );
    return { status: 200, appointment, changed: existing !== null };
  } catch (error) {
    if (error instanceof SlotFull)
      return { status: 409, reason: "This window was just booked by someone else; pick another" };
    if (error instanceof ChangedMeanwhile)
      return { status: 409, reason: "The appointment was changed meanwhile; look again" };
    throw error;
  }
}
