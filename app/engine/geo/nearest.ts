import KDBush from "kdbush";
import { around } from "geokdbush";
import type { GeoPoint } from "./types";
import { zipTables, type ZipRow } from "./zip-table";

let index: KDBush | undefined;

/**
 * The `limit` ZIPs nearest to a point (exact great-circle kNN through kdbush + geokdbush), nearest first.
 * The index is built lazily once per process. Used to snap coordinates to ZIPs (pickup points, warehouses
 * entered by coordinates).
 *
 * @example
 * nearestZips({ lat: 40.52, lng: -74.40 }, 1)[0].zip; // "08817"
 */
export function nearestZips(point: GeoPoint, limit: number, maxMiles?: number): ZipRow[] {
  const { rows } = zipTables();
  if (!index) {
    const built = new KDBush(rows.length);
    for (const row of rows) built.add(row.lng, row.lat);
    index = built.finish();
  }
  const maxKm = maxMiles === undefined ? undefined : maxMiles * 1.609344;
  return around(index, point.lng, point.lat, limit, maxKm).map((id) => rows[id]);
}
