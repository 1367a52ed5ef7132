import type { PrismaClient } from "@prisma/client";
import type { CalendarRules } from "../../engine/appointments";
import { compileCalendar, type BusinessCalendar } from "../../engine/transit";
import { decisionPlan } from "../order-routing/decision-record.server";
import { loadShopConfig } from "../shop/config-store.server";
import { readCalendar, type StoredCalendar } from "./calendar-store.server";

/** Decisions whose plan is (or is about to be) the order's: a superseded or cancelled one is not. */
const LIVE_STATUSES = ["APPLIED", "PENDING", "NEEDS_INPUT", "FAILED"];

/** Everything the engine needs to offer a freight order's appointment days. */
export interface FreightAppointmentContext {
  calendar: StoredCalendar;
  warehouseLabel: string | null;
  /** The plan's first delivery day ("YYYY-MM-DD", buyer's zone): ship day + transit + lead days. */
  earliestDay: string;
  leadDays: number;
  serviceCalendar: BusinessCalendar;
}

export type FreightContextResult =
  { ok: true; context: FreightAppointmentContext } | { ok: false; reason: "NOT_FREIGHT" | "NO_CALENDAR" };

/** The freight shipment of the order's current routing plan, or null when the order does not ship by freight. */
export async function freightShipmentOf(db: PrismaClient, shop: string, orderId: string) {
  const decision = await db.routingDecision.findFirst({
    where: { shop, orderId, status: { in: LIVE_STATUSES }, supersededAt: null },
    orderBy: { revision: "desc" },
  });
  if (!decision) return null;
  const shipments = decisionPlan(decision.plan, decision).shipments ?? [];
  const freight =
    shipments.find((s) => s.freightLevel !== undefined || s["mode"] === "FREIGHT") ??
    (decision.mode === "FREIGHT" ? shipments[0] : undefined);
  if (!freight?.delivery?.minDate || !freight.serviceId) return null;
  return {
    warehouseKey: freight.warehouseId,
    warehouseLabel: freight.warehouseLabel ?? null,
    serviceId: freight.serviceId,
    earliestDay: freight.delivery.minDate,
  };
}

/**
 * The appointment context of a freight order: its plan's freight shipment (warehouse, service, first delivery day),
 * the service's appointment lead days and business calendar from the shop's configuration, and the warehouse's
 * active capacity calendar.
 */
export async function freightAppointmentContext(
  db: PrismaClient,
  shop: string,
  orderId: string,
  now: Date,
): Promise<FreightContextResult> {
  const shipment = await freightShipmentOf(db, shop, orderId);
  if (!shipment) return { ok: false, reason: "NOT_FREIGHT" };
  const row = await db.appointmentCalendar.findFirst({
    where: { shop, warehouseKey: shipment.warehouseKey, active: true },
  });
  if (!row) return { ok: false, reason: "NO_CALENDAR" };
  const config = await loadShopConfig(db, shop, now);
  const service = config?.carrierServices.find((s) => s.id === shipment.serviceId);
  return {
    ok: true,
    context: {
      calendar: readCalendar(row),
      warehouseLabel: shipment.warehouseLabel,
      earliestDay: shipment.earliestDay,
      leadDays: service?.freight?.appointmentLeadDays ?? 0,
      serviceCalendar: compileCalendar(service?.holidays ?? { federal: "ALL" }),
    },
  };
}

export type { CalendarRules };
