import type { AppointmentCalendar, Prisma, PrismaClient } from "@prisma/client";
import {
  AppointmentCalendarInputSchema,
  StoredBlackoutDatesSchema,
  StoredCalendarRegionsSchema,
  StoredCalendarWindowsSchema,
  type AppointmentCalendarInput,
} from "../../contracts/appointments";
import { readJsonColumn } from "../../db/json-column";
import type { CalendarRules } from "../../engine/appointments";

/** A calendar row read through its Json columns' schemas, ready for the engine. */
export interface StoredCalendar {
  id: string;
  warehouseKey: string;
  partnerName: string | null;
  active: boolean;
  rules: CalendarRules;
}

export function readCalendar(row: AppointmentCalendar): StoredCalendar {
  const ref = (column: string) => ({ shop: row.shop, id: row.id, column: `AppointmentCalendar.${column}` });
  return {
    id: row.id,
    warehouseKey: row.warehouseKey,
    partnerName: row.partnerName,
    active: row.active,
    rules: {
      timeZone: row.timeZone,
      regions: readJsonColumn(StoredCalendarRegionsSchema, row.regions, ref("regions")),
      windows: readJsonColumn(StoredCalendarWindowsSchema, row.windows, ref("windows")),
      blackoutDates: readJsonColumn(StoredBlackoutDatesSchema, row.blackoutDates, ref("blackoutDates")),
      horizonDays: row.horizonDays,
      changeCutoffHours: row.changeCutoffHours,
    },
  };
}

/** What the admin page lists: every freight warehouse of the shop, with its calendar when it has one. */
export async function listAppointmentCalendars(db: PrismaClient, shop: string) {
  const [warehouses, calendars] = await Promise.all([
    db.warehouse.findMany({
      where: { shop, offersFreight: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { key: true, name: true, timeZone: true, active: true },
    }),
    db.appointmentCalendar.findMany({ where: { shop } }),
  ]);
  const byKey = new Map(calendars.map((c) => [c.warehouseKey, readCalendar(c)]));
  return warehouses.map((w) => ({ warehouse: w, calendar: byKey.get(w.key) ?? null }));
}

export type CalendarSaveResult =
  { ok: true; id: string } | { ok: false; errors: { path: string; message: string }[] };

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Validates a calendar (unknown input, e.g. the admin form's JSON) and saves it for its freight warehouse: created
 * or replaced whole. Errors name the field; nothing is saved then. Booked appointments keep their day and window.
 */
export async function saveAppointmentCalendar(
  db: PrismaClient,
  shop: string,
  input: unknown,
): Promise<CalendarSaveResult> {
  const parsed = AppointmentCalendarInputSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    };
  const c: AppointmentCalendarInput = parsed.data;
  if (!isValidTimeZone(c.timeZone))
    return { ok: false, errors: [{ path: "timeZone", message: "unknown time zone" }] };
  const warehouse = await db.warehouse.findFirst({
    where: { shop, key: c.warehouseKey },
    select: { offersFreight: true },
  });
  if (!warehouse) return { ok: false, errors: [{ path: "warehouseKey", message: "unknown warehouse" }] };
  if (!warehouse.offersFreight)
    return { ok: false, errors: [{ path: "warehouseKey", message: "this warehouse does not ship freight" }] };
  const data = {
    partnerName: c.partnerName || null,
    timeZone: c.timeZone,
    regions: c.regions as unknown as Prisma.InputJsonValue,
    windows: c.windows as unknown as Prisma.InputJsonValue,
    blackoutDates: [...new Set(c.blackoutDates)].sort(),
    horizonDays: c.horizonDays,
    changeCutoffHours: c.changeCutoffHours,
    active: c.active,
  };
  const row = await db.appointmentCalendar.upsert({
    where: { shop_warehouseKey: { shop, warehouseKey: c.warehouseKey } },
    create: { shop, warehouseKey: c.warehouseKey, ...data },
    update: data,
    select: { id: true },
  });
  return { ok: true, id: row.id };
}

/** Booked appointments per calendar from a day on (the admin shows how full the coming days are). */
export async function upcomingBookings(db: PrismaClient, shop: string, fromDay: string) {
  const rows = await db.appointmentSlot.groupBy({
    by: ["calendarId"],
    where: { shop, day: { gte: fromDay } },
    _sum: { booked: true },
  });
  return new Map(rows.map((r) => [r.calendarId, r._sum.booked ?? 0]));
}
