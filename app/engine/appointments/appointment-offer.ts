import { addBusinessDays, formatDay, localNow, parseDay, parseLocalTime, weekday } from "../transit";
import type { BusinessCalendar } from "../transit";

/** A capacity calendar as the engine reads it (app/contracts/appointments.ts holds the validated form). */
export interface CalendarRules {
  timeZone: string;
  regions: readonly {
    id: string;
    label: string;
    zip3s: readonly string[];
    states: readonly string[];
    weekdays: readonly number[];
  }[];
  windows: readonly { id: string; start: string; end: string; seats: number }[];
  blackoutDates: readonly string[];
  horizonDays: number;
  changeCutoffHours: number;
}

export interface AppointmentOfferInput {
  calendar: CalendarRules;
  /** The delivery address: its ZIP (ZIP3 regions) and two-letter state (state regions). */
  zip: string;
  state: string | null;
  /** The first day the plan allows ("YYYY-MM-DD"): ship day + transit + the service's appointment lead days. */
  earliestDay: string;
  /** The service's appointment lead time in business days, counted from today when booking late. */
  leadDays: number;
  serviceCalendar: BusinessCalendar;
  now: Date;
  /** Deliveries already booked, by `${day}|${windowId}`. */
  booked: ReadonlyMap<string, number>;
  /** The buyer's own booking, whose seat counts as free for them (a change may keep it). */
  current?: { day: string; windowId: string } | null;
}

export interface AppointmentDay {
  day: string;
  windows: { id: string; start: string; end: string; seatsLeft: number }[];
}

export type AppointmentOffer =
  | { ok: true; regionId: string; regionLabel: string; firstDay: string; days: AppointmentDay[] }
  | { ok: false; reason: "NO_REGION" };

/** ISO weekday, 1 = Monday … 7 = Sunday. */
const isoWeekday = (day: number) => weekday(day) || 7;

/** The calendar's region that serves the address: a ZIP3 prefix match first, then the state. */
export function regionFor(calendar: CalendarRules, zip: string, state: string | null) {
  const zip3 = zip.slice(0, 3);
  return (
    calendar.regions.find((r) => r.zip3s.includes(zip3)) ??
    (state ? calendar.regions.find((r) => r.states.includes(state.toUpperCase())) : undefined) ??
    null
  );
}

/**
 * May a window still be booked or changed? Its start must be more than the calendar's cut-off hours away (wall
 * clock in the calendar's time zone).
 *
 * @example
 * isBeforeCutoff({ timeZone: "America/Chicago", changeCutoffHours: 48 }, "2026-12-10", "08:00", new Date("2026-12-07T12:00:00Z")); // true
 */
export function isBeforeCutoff(
  calendar: Pick<CalendarRules, "timeZone" | "changeCutoffHours">,
  day: string,
  windowStart: string,
  now: Date,
): boolean {
  const limit = localNow(new Date(now.getTime() + calendar.changeCutoffHours * 3_600_000), calendar.timeZone);
  const d = parseDay(day);
  return d > limit.day || (d === limit.day && parseLocalTime(windowStart) > limit.minutes);
}

/**
 * The days and windows a buyer may book: from the later of the plan's earliest day and today + the lead days, for
 * the calendar's horizon, on the weekdays of the address's region, minus blackout dates, windows already full and
 * windows inside the change cut-off. Days with no window left are left out.
 *
 * @example
 * appointmentOffer({ calendar, zip: "75201", state: "TX", earliestDay: "2026-12-09", leadDays: 2, serviceCalendar, now, booked: new Map() });
 * // { ok: true, regionId: "dfw", firstDay: "2026-12-09", days: [{ day: "2026-12-09", windows: [...] }, …] }
 */
export function appointmentOffer(input: AppointmentOfferInput): AppointmentOffer {
  const { calendar } = input;
  const region = regionFor(calendar, input.zip, input.state);
  if (!region) return { ok: false, reason: "NO_REGION" };
  const today = localNow(input.now, calendar.timeZone).day;
  const first = Math.max(
    parseDay(input.earliestDay),
    addBusinessDays(input.serviceCalendar, today, input.leadDays),
  );
  const blackout = new Set(calendar.blackoutDates);
  const weekdays = new Set(region.weekdays);
  const windows = [...calendar.windows].sort((a, b) => (a.start < b.start ? -1 : 1));
  const days: AppointmentDay[] = [];
  for (let d = first; d <= first + calendar.horizonDays; d++) {
    const day = formatDay(d);
    if (!weekdays.has(isoWeekday(d)) || blackout.has(day)) continue;
    const open = windows
      .filter((w) => isBeforeCutoff(calendar, day, w.start, input.now))
      .map((w) => {
        const mine = input.current?.day === day && input.current.windowId === w.id ? 1 : 0;
        const seatsLeft = w.seats - (input.booked.get(`${day}|${w.id}`) ?? 0) + mine;
        return { id: w.id, start: w.start, end: w.end, seatsLeft };
      })
      .filter((w) => w.seatsLeft > 0);
    if (open.length > 0) days.push({ day, windows: open });
  }
  return { ok: true, regionId: region.id, regionLabel: region.label, firstDay: formatDay(first), days };
}
