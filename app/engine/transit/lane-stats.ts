import type { LaneStat } from "../types";
import type { LaneStatsIndex, TransitEstimate } from "./types";

const indexes = new WeakMap<readonly LaneStat[], LaneStatsIndex>();

/**
 * Indexes lane statistics by "warehouseId|serviceId|zip3". Memoised per array identity, so a caller that keeps
 * passing the same array pays the indexing once.
 *
 * @example
 * indexLaneStats(stats).get("dallas|ups-ground|100");
 */
export function indexLaneStats(stats: readonly LaneStat[]): LaneStatsIndex {
  let index = indexes.get(stats);
  if (!index) {
    index = new Map(stats.map((s) => [`${s.warehouseId}|${s.serviceId}|${s.destZip3}`, s]));
    indexes.set(stats, index);
  }
  return index;
}

/**
 * Transit estimate for a lane: with at least `minSamples` observations, p50 → min and p90 → max (business
 * days, rounded up; max never below min); otherwise the service's table row.
 *
 * @example
 * laneTransit({ min: 3, max: 5 }, { samples: 40, p50Days: 2, p90Days: 3.2, onTimeRate: 0.93, … }, 20);
 * // { min: 2, max: 4, source: "LANE_STATS", onTimeRate: 0.93, samples: 40 }
 */
export function laneTransit(
  table: { min: number; max: number },
  stat: LaneStat | undefined,
  minSamples: number,
): TransitEstimate {
  if (!stat || stat.samples < minSamples) {
    return stat
      ? {
          min: table.min,
          max: table.max,
          source: "TABLE",
          onTimeRate: stat.onTimeRate,
          samples: stat.samples,
        }
      : { min: table.min, max: table.max, source: "TABLE" };
  }
  const min = Math.max(0, Math.ceil(stat.p50Days - 1e-9));
  const max = Math.max(min, Math.ceil(stat.p90Days - 1e-9));
  return { min, max, source: "LANE_STATS", onTimeRate: stat.onTimeRate, samples: stat.samples };
}
