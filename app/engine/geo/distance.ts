import { distance } from "geokdbush";
import type { GeoPoint } from "./types";

const KM_PER_MILE = 1.609344;

/**
 * Great-circle distance in statute miles (geokdbush's haversine, converted from km).
 *
 * @example
 * greatCircleMiles({ lat: 40.52, lng: -74.40 }, { lat: 32.90, lng: -97.04 }); // ≈ 1,370
 */
export function greatCircleMiles(a: GeoPoint, b: GeoPoint): number {
  return distance(a.lng, a.lat, b.lng, b.lat) / KM_PER_MILE;
}
