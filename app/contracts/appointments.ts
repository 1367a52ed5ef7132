import { z } from "zod";
import { PickupOrderStateQuerySchema } from "./pickup-api";

// Freight delivery appointments (docs/appointments.md): the merchant's capacity calendar per freight warehouse, the
// buyer's booking, and what is stored on the order.

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:MM (24-hour)");
const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD");
const ID = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, "lower-case letters, digits and dashes (at most 32)");

/** A region a calendar delivers to on some weekdays: ZIP3 prefixes and/or whole states. */
export const CalendarRegionSchema = z
  .object({
    id: ID,
    label: z.string().trim().min(1, "name the region").max(60),
    zip3s: z.array(z.string().regex(/^\d{3}$/, "a ZIP3 prefix is three digits")).max(300),
    states: z.array(z.string().regex(/^[A-Z]{2}$/, "a state is a two-letter code")).max(60),
    /** 1 = Monday … 7 = Sunday. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1, "pick at least one delivery day").max(7),
  })
  .refine((r) => r.zip3s.length + r.states.length > 0, {
    message: "list ZIP3 prefixes or states",
    path: ["zip3s"],
  });
export type CalendarRegion = z.infer<typeof CalendarRegionSchema>;

/** A delivery window of every delivery day and how many deliveries it takes. */
export const CalendarWindowSchema = z
  .object({
    id: ID,
    start: HHMM,
    end: HHMM,
    seats: z.number().int().min(1, "at least one delivery").max(500),
  })
  .refine((w) => w.start < w.end, { message: "the window must end after it starts", path: ["end"] });
export type CalendarWindow = z.infer<typeof CalendarWindowSchema>;

const unique = (ids: string[]) => new Set(ids).size === ids.length;

/** The admin form of one warehouse's calendar (also the stored columns, read back through the same parts). */
export const AppointmentCalendarInputSchema = z
  .object({
    warehouseKey: z.string().trim().min(1),
    partnerName: z.string().trim().max(80).default(""),
    timeZone: z.string().trim().min(1, "pick a time zone"),
    regions: z.array(CalendarRegionSchema).min(1, "add at least one region").max(50),
    windows: z.array(CalendarWindowSchema).min(1, "add at least one window").max(12),
    blackoutDates: z.array(DAY).max(366).default([]),
    horizonDays: z.number().int().min(1).max(90).default(21),
    changeCutoffHours: z.number().int().min(0).max(336).default(48),
    active: z.boolean().default(true),
  })
  .refine((c) => unique(c.regions.map((r) => r.id)), { message: "region ids repeat", path: ["regions"] })
  .refine((c) => unique(c.windows.map((w) => w.id)), { message: "window ids repeat", path: ["windows"] })
  .refine(
    (c) => {
      const sorted = [...c.windows].sort((a, b) => (a.start < b.start ? -1 : 1));
      return sorted.every((w, i) => i === 0 || sorted[i - 1]!.end <= w.start);
    },
    { message: "windows overlap", path: ["windows"] },
  );
export type AppointmentCalendarInput = z.infer<typeof AppointmentCalendarInputSchema>;

/** AppointmentCalendar.regions / .windows / .blackoutDates as stored. */
export const StoredCalendarRegionsSchema = z.array(CalendarRegionSchema);
export const StoredCalendarWindowsSchema = z.array(CalendarWindowSchema);
export const StoredBlackoutDatesSchema = z.array(DAY);

/** GET …/delivery-status?orderId=: the order the buyer is looking at (Order or OrderIdentity gid). */
export const DeliveryStatusQuerySchema = PickupOrderStateQuerySchema;

/** POST …/delivery-status: book or change the order's appointment. */
export const AppointmentBookingRequestSchema = z.object({
  orderId: PickupOrderStateQuerySchema.shape.orderId,
  calendarId: z.string().min(1).max(64),
  day: DAY,
  windowId: z.string().min(1).max(32),
});
export type AppointmentBookingRequest = z.infer<typeof AppointmentBookingRequestSchema>;

/** The order metafield `$app:delivery_appointment` (json). */
export const APPOINTMENT_METAFIELD = {
  namespace: "$app",
  key: "delivery_appointment",
  type: "json",
} as const;

export const AppointmentMetafieldSchema = z.object({
  v: z.literal(1),
  day: DAY,
  windowStart: HHMM,
  windowEnd: HHMM,
  timeZone: z.string(),
  warehouseKey: z.string(),
  partnerName: z.string().nullable(),
  bookedAt: z.string(),
});
export type AppointmentMetafield = z.infer<typeof AppointmentMetafieldSchema>;
