import { DEFAULT_ON_TIME_RATE } from "../config/defaults";
import type { LaneStat } from "../types";
import type { BusinessCalendar, DayNumber } from "./types";

/** Business days in transit → number of deliveries. */
export type TransitHistogram = Record<string, number>;

/** A lane's running totals, updated one delivery at a time. */
export interface LaneTally {
  /** Every delivery counted (the transit distribution's size). */
  samples: number;
  /** Deliveries that had a promised window: the on-time rate's denominator. */
  promised: number;
  /** Deliveries on or before their promised latest day (a subset of `promised`). */
  onTime: number;
  histogram: TransitHistogram;
}

/**
 * Adds one delivery to a lane's tally (a new object; the input is not changed). `onTime` null = the shipment had no
 * promised window: it counts in the transit distribution but neither as on time nor as late.
 *
 * @example
 * addLaneSample({ samples: 0, promised: 0, onTime: 0, histogram: {} }, 3, true);
 * // { samples: 1, promised: 1, onTime: 1, histogram: { "3": 1 } }
 */
export function addLaneSample(tally: LaneTally, transitDays: number, onTime: boolean | null): LaneTally {
  const days = Math.max(0, Math.round(transitDays));
  return {
    samples: tally.samples + 1,
    promised: tally.promised + (onTime === null ? 0 : 1),
    onTime: tally.onTime + (onTime ? 1 : 0),
    histogram: { ...tally.histogram, [days]: (tally.histogram[days] ?? 0) + 1 },
  };
}

/**
 * The q-quantile (0…1) of a transit histogram: the smallest day count d such that at least q of the deliveries
 * took d days or fewer (nearest-rank). 0 for an empty histogram.
 *
 * @example
 * histogramQuantile({ "2": 6, "3": 3, "5": 1 }, 0.9); // 3
 */
export function histogramQuantile(histogram: TransitHistogram, q: number): number {
  const entries = Object.entries(histogram)
    .map(([days, count]) => [Number(days), count] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [days, count] of entries) {
    seen += count;
    if (seen >= rank) return days;
  }
  return entries[entries.length - 1][0];
}

/**
 * The engine's view of a tallied lane (p50 / p90 business days and the on-time share among deliveries that had a
 * promise; DEFAULT_ON_TIME_RATE while none had one).
 *
 * @example
 * laneStatFromTally("dallas-tx", "ups-ground", "100", tally); // { samples, p50Days, p90Days, onTimeRate, … }
 */
export function laneStatFromTally(
  warehouseId: string,
  serviceId: string,
  destZip3: string,
  tally: LaneTally,
): LaneStat {
  return {
    warehouseId,
    serviceId,
    destZip3,
    samples: tally.samples,
    p50Days: histogramQuantile(tally.histogram, 0.5),
    p90Days: histogramQuantile(tally.histogram, 0.9),
    onTimeRate: tally.promised === 0 ? DEFAULT_ON_TIME_RATE : tally.onTime / tally.promised,
  };
}

/**
 * Business days in transit between two civil days: the open days after `from` up to and including `to` (a parcel
 * shipped Friday and delivered Monday took 1 business day). 0 when `to` is not after `from`.
 *
 * @example
 * businessDaysBetween(weekdays, parseDay("2026-11-20"), parseDay("2026-11-23")); // 1
 */
export function businessDaysBetween(calendar: BusinessCalendar, from: DayNumber, to: DayNumber): number {
  let count = 0;
  for (let d = from + 1; d <= to; d++) if (!calendar.isClosed(d)) count += 1;
  return count;
}
