import { addBusinessDays, nextOpenDay } from "./holidays";
import type { BusinessCalendar, DayNumber, LocalNow } from "./types";

/**
 * The day the carrier picks the order up: today if it is an open day and `now` is before the warehouse cutoff
 * (both read in the warehouse's time zone), otherwise the next open day; then `handlingDays` more open days.
 *
 * @example
 * shipDay({ day: parseDay("2026-11-24"), minutes: 15 * 60 }, 14 * 60, 0, ups); // 2026-11-25 (after cutoff)
 */
export function shipDay(
  now: LocalNow,
  cutoffMinutes: number,
  handlingDays: number,
  calendar: BusinessCalendar,
): DayNumber {
  const ready = now.minutes < cutoffMinutes ? now.day : now.day + 1;
  return addBusinessDays(calendar, nextOpenDay(calendar, ready), handlingDays);
}
