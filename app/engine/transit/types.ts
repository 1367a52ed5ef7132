import type { LaneStat } from "../types";

/** A civil day as an integer: days since 1970-01-01 (time-zone free). */
export type DayNumber = number;

/** "Now" read in one time zone: the local civil day and minutes since local midnight. */
export interface LocalNow {
  day: DayNumber;
  minutes: number;
}

/** A compiled carrier calendar: weekends plus closed days, memoised per year. */
export interface BusinessCalendar {
  /** Stable identity for memo keys ("ALL", "NONE", or the sorted names) plus extra dates. */
  key: string;
  isClosed(day: DayNumber): boolean;
}

/** Transit in business days and where it came from. */
export interface TransitEstimate {
  min: number;
  max: number;
  source: "TABLE" | "LANE_STATS";
  /** On-time share from lane statistics, when known. */
  onTimeRate?: number;
  samples?: number;
}

/** Lane statistics indexed by "warehouseId|serviceId|zip3". */
export type LaneStatsIndex = Map<string, LaneStat>;
