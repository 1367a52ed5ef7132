import federalHolidays from "@18f/us-federal-holidays";
import type { HolidayCalendar } from "../types";
import { parseDay, weekday } from "./day-number";
import type { BusinessCalendar, DayNumber } from "./types";

/**
 * Compiles a carrier calendar: weekends are always closed; federal holidays come from
 * @18f/us-federal-holidays (observed dates, i.e. shifted off weekends), filtered to the names the carrier
 * observes; extra closed dates are added. Closed days are memoised per year.
 *
 * @example
 * const ups = compileCalendar({ federal: ["Thanksgiving Day", "Christmas Day"] });
 * ups.isClosed(parseDay("2026-11-26")); // true (Thanksgiving)
 * ups.isClosed(parseDay("2026-11-11")); // false (UPS works Veterans Day)
 */
export function compileCalendar(calendar: HolidayCalendar): BusinessCalendar {
  const names =
    calendar.federal === "ALL" || calendar.federal === "NONE" ? undefined : new Set(calendar.federal);
  const extra = new Set((calendar.extraClosedDates ?? []).map(parseDay));
  // Every closed day of every loaded year in one set: the hot path is one weekday test and one Set lookup.
  const closed = new Set<DayNumber>(extra);
  const loadedYears = new Set<number>();
  const loadYear = (year: number) => {
    if (loadedYears.has(year)) return;
    loadedYears.add(year);
    if (calendar.federal === "NONE") return;
    for (const h of federalHolidays.allForYear(year, {
      shiftSaturdayHolidays: true,
      shiftSundayHolidays: true,
    })) {
      if (!names || names.has(h.name)) closed.add(parseDay(padIsoDate(h.dateString)));
    }
  };
  const key = `${names ? [...names].sort().join("+") : calendar.federal}|${[...extra].sort().join("+")}`;
  return {
    key,
    isClosed(day: DayNumber): boolean {
      const wd = weekday(day);
      if (wd === 0 || wd === 6) return true;
      // Approximate year; loading its neighbours too covers both the approximation and holidays observed in
      // the previous year (New Year's Day on a Saturday is observed on Dec 31).
      const year = 1970 + Math.floor(day / 365.2425);
      if (!loadedYears.has(year)) for (const y of [year - 1, year, year + 1]) loadYear(y);
      return closed.has(day);
    },
  };
}

function padIsoDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

/**
 * The first open day on or after `day`.
 *
 * @example
 * nextOpenDay(calendar, parseDay("2026-11-28")); // Monday 2026-11-30
 */
export function nextOpenDay(calendar: BusinessCalendar, day: DayNumber): DayNumber {
  let d = day;
  while (calendar.isClosed(d)) d += 1;
  return d;
}

/**
 * Adds `n` business days (n = 0 returns `day` unchanged).
 *
 * @example
 * addBusinessDays(calendar, parseDay("2026-11-25"), 1); // 2026-11-27 (skips Thanksgiving for USPS)
 */
export function addBusinessDays(calendar: BusinessCalendar, day: DayNumber, n: number): DayNumber {
  let d = day;
  let left = n;
  while (left > 0) {
    d += 1;
    if (!calendar.isClosed(d)) left -= 1;
  }
  return d;
}
