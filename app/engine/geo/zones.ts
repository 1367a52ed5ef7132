import type { ZoneChart } from "../types";
import { greatCircleMiles } from "./distance";
import type { GeoPoint } from "./types";

/**
 * USPS distance bands (the default zone chart): 1 ≤ 50 mi, 2 ≤ 150, 3 ≤ 300, 4 ≤ 600, 5 ≤ 1000, 6 ≤ 1400,
 * 7 ≤ 1800, 8 beyond. Non-contiguous ends: AK/HI zone 8, military gateways zone 8, territories zone 9.
 */
export const USPS_ZONE_CHART: ZoneChart = {
  bands: [
    { maxMiles: 50, zone: 1 },
    { maxMiles: 150, zone: 2 },
    { maxMiles: 300, zone: 3 },
    { maxMiles: 600, zone: 4 },
    { maxMiles: 1000, zone: 5 },
    { maxMiles: 1400, zone: 6 },
    { maxMiles: 1800, zone: 7 },
  ],
  beyondLastBandZone: 8,
  nonContiguousZones: {
    AK: 8,
    HI: 8,
    AA: 8,
    AE: 8,
    AP: 8,
    PR: 9,
    VI: 9,
    GU: 9,
    AS: 9,
    MP: 9,
    PW: 9,
    FM: 9,
    MH: 9,
  },
};

/** A zone endpoint: its ZIP3 centroid and state. */
export interface ZoneEnd extends GeoPoint {
  zip3: string;
  state: string;
}

/**
 * Zone between two ZIP3s under a chart. Precedence: (1) exactly one end non-contiguous → that end's
 * special zone (destination's first); (2) otherwise great-circle distance between ZIP3 centroids mapped
 * through the bands (same ZIP3 = 0 mi = first band).
 *
 * @example
 * zoneBetween(edison, dallas, USPS_ZONE_CHART); // 6
 */
export function zoneBetween(origin: ZoneEnd, dest: ZoneEnd, chart: ZoneChart): number {
  const originSpecial = chart.nonContiguousZones[origin.state];
  const destSpecial = chart.nonContiguousZones[dest.state];
  if ((originSpecial === undefined) !== (destSpecial === undefined)) return destSpecial ?? originSpecial;
  const miles = origin.zip3 === dest.zip3 ? 0 : greatCircleMiles(origin, dest);
  return zoneForMiles(miles, chart);
}

/**
 * Maps a distance to a zone through the chart's bands (bands sorted by `maxMiles`, inclusive bounds; a
 * fractional distance belongs to the band whose bound it does not exceed once rounded to whole miles).
 *
 * @example
 * zoneForMiles(151, USPS_ZONE_CHART); // 3
 */
export function zoneForMiles(miles: number, chart: ZoneChart): number {
  const whole = Math.round(miles);
  for (const band of chart.bands) if (whole <= band.maxMiles) return band.zone;
  return chart.beyondLastBandZone;
}
