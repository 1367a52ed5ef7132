import { timeZoneForZip, zip3Centroid } from "../geo";
import { localNow } from "../transit";
import type { DayNumber } from "../transit/types";

const MS_PER_DAY = 86_400_000;

/**
 * The buyer's time zone for judging a promise: the one stored with the shipment (the plan's destination zone), else
 * the zone of the destination ZIP3's main state, else America/New_York (the geography's own last resort).
 *
 * @example
 * destinationTimeZone(null, "900"); // "America/Los_Angeles"
 */
export function destinationTimeZone(timeZone: string | null | undefined, destZip3?: string | null): string {
  if (timeZone) return timeZone;
  const centroid = destZip3 ? zip3Centroid(destZip3) : undefined;
  return centroid ? timeZoneForZip(`${destZip3}00`, centroid.state) : "America/New_York";
}

/** A promised day as stored (the UTC midnight standing for the buyer's calendar day) → its day number. */
export const promisedDay = (promised: Date): DayNumber => Math.floor(promised.getTime() / MS_PER_DAY);

/** The calendar day of an instant in a time zone, as a day number comparable with `promisedDay`. */
export const dayInZone = (instant: Date, timeZone: string): DayNumber => localNow(instant, timeZone).day;

/**
 * On time = delivered on or before the promised latest day, both read on the buyer's calendar: the delivery
 * instant's date in the destination's time zone against the promised civil date. A parcel delivered at 7 p.m. in
 * Los Angeles on the promised Friday (03:00 UTC Saturday) is on time.
 *
 * @example
 * deliveredOnTime(new Date("2026-11-28T03:00:00Z"), new Date("2026-11-27T00:00:00Z"), "America/Los_Angeles"); // true
 */
export function deliveredOnTime(deliveredAt: Date, promisedMaxDate: Date, timeZone: string): boolean {
  return dayInZone(deliveredAt, timeZone) <= promisedDay(promisedMaxDate);
}
