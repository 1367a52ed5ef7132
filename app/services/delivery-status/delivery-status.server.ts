import type { DeliveryAppointment, PrismaClient } from "@prisma/client";
import type { AppointmentDay } from "../../engine/appointments";
import { appointmentChangeable, offerForOrder } from "../appointments/book-appointment.server";
import { freightAppointmentContext } from "../appointments/freight-order.server";
import type { BuyerOrder } from "./buyer-order.server";
import { buyerTimeline, type BuyerTimeline } from "./buyer-timeline";

/** The freight appointment part of the buyer's status: what is booked, whether it may change, what may be picked. */
export interface BuyerAppointment {
  calendarId: string;
  partnerName: string | null;
  booked: Pick<DeliveryAppointment, "day" | "windowId" | "windowStart" | "windowEnd" | "timeZone"> | null;
  changeable: boolean;
  /** The days and windows the buyer may pick now (empty once the cut-off passed). */
  days: AppointmentDay[];
  /** Set when nothing can be offered: the address is outside every region of the calendar. */
  problem: "OUTSIDE_AREA" | null;
}

export interface BuyerDeliveryStatus {
  order: { id: string; name: string; status: string };
  promised: { min: string; max: string } | null;
  shipments: BuyerTimeline[];
  appointment: BuyerAppointment | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The freight appointment of the order, or null when it does not ship by freight from a warehouse with a calendar. */
export async function buyerAppointment(
  db: PrismaClient,
  shop: string,
  order: BuyerOrder,
  now: Date,
): Promise<BuyerAppointment | null> {
  const result = await freightAppointmentContext(db, shop, order.id, now);
  if (!result.ok) return null;
  const { context } = result;
  const booked = await db.deliveryAppointment.findUnique({
    where: { shop_orderId: { shop, orderId: order.id } },
  });
  const changeable = booked ? appointmentChangeable(booked, context, now) : true;
  const offer = changeable
    ? await offerForOrder(
        db,
        shop,
        context,
        { zip: order.shippingAddress?.zip ?? "", state: order.shippingAddress?.provinceCode ?? null },
        booked,
        now,
      )
    : null;
  return {
    calendarId: context.calendar.id,
    partnerName: context.calendar.partnerName,
    booked: booked
      ? {
          day: booked.day,
          windowId: booked.windowId,
          windowStart: booked.windowStart,
          windowEnd: booked.windowEnd,
          timeZone: booked.timeZone,
        }
      : null,
    changeable,
    days: offer?.ok ? offer.days : [],
    problem: offer && !offer.ok ? "OUTSIDE_AREA" : null,
  };
}

/**
 * Everything the buyer's order-status and thank-you blocks show for one order of the shop: each parcel's timeline,
 * the promised window, the pickup point and its hold, the carrier's redelivery pages after a failed attempt, and the
 * freight appointment. Only this shop's rows of this order are read (the caller checked the buyer owns the order).
 */
export async function buyerDeliveryStatus(
  db: PrismaClient,
  shop: string,
  order: BuyerOrder,
  now: Date,
): Promise<BuyerDeliveryStatus> {
  const [decision, shipments] = await Promise.all([
    db.routingDecision.findFirst({
      where: { shop, orderId: order.id, supersededAt: null },
      orderBy: { revision: "desc" },
      select: { promisedMinDate: true, promisedMaxDate: true },
    }),
    db.shipment.findMany({
      where: { shop, orderId: order.id },
      orderBy: { createdAt: "asc" },
      include: {
        events: {
          where: { shop },
          select: { status: true, occurredAt: true, description: true },
          orderBy: { occurredAt: "asc" },
        },
      },
    }),
  ]);
  const pointIds = shipments.map((s) => s.pickupPointId).filter((id): id is string => id !== null);
  const points = pointIds.length
    ? await db.pickupPoint.findMany({
        where: { shop, id: { in: pointIds } },
        select: { id: true, name: true, address1: true, city: true, province: true, zip: true },
      })
    : [];
  const pointById = new Map(points.map(({ id, ...p }) => [id, p]));
  return {
    order: { id: order.id, name: order.name, status: order.displayFulfillmentStatus },
    promised:
      decision?.promisedMinDate && decision.promisedMaxDate
        ? { min: day(decision.promisedMinDate), max: day(decision.promisedMaxDate) }
        : null,
    shipments: shipments.map((s) =>
      buyerTimeline({ ...s, pickupPoint: s.pickupPointId ? (pointById.get(s.pickupPointId) ?? null) : null }),
    ),
    appointment: await buyerAppointment(db, shop, order, now),
  };
}
