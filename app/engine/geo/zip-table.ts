import zipcodes from "zipcodes";
import type { GeoPoint } from "./types";

/** One usable row of the ZIP library (US only, rows at 0,0 dropped). */
export interface ZipRow extends GeoPoint {
  zip: string;
  city: string;
  state: string;
}

interface ZipTables {
  byZip: Map<string, ZipRow>;
  zip3Centroids: Map<string, GeoPoint & { state: string }>;
  rows: ZipRow[];
}

let tables: ZipTables | undefined;

/**
 * Lazily builds (once per process) the ZIP tables from the `zipcodes` library: 5-digit rows and ZIP3 centroids
 * computed as the plain average of the ZIP3's 5-digit points. Rows at 0,0 are placeholders in the library and
 * would drag centroids into the Atlantic, so they are dropped.
 *
 * @example
 * zipTables().byZip.get("08817")?.city; // "Edison"
 */
export function zipTables(): ZipTables {
  if (tables) return tables;
  const byZip = new Map<string, ZipRow>();
  const sums = new Map<string, { lat: number; lng: number; n: number; states: Map<string, number> }>();
  const rows: ZipRow[] = [];
  for (const record of Object.values(zipcodes.codes)) {
    if (record.country !== "US") continue;
    if (record.latitude === 0 && record.longitude === 0) continue;
    if (!/^\d{5}$/.test(record.zip)) continue;
    const row: ZipRow = {
      zip: record.zip,
      lat: record.latitude,
      lng: record.longitude,
      city: record.city,
      state: record.state,
    };
    byZip.set(row.zip, row);
    rows.push(row);
    const zip3 = row.zip.slice(0, 3);
    const sum = sums.get(zip3) ?? { lat: 0, lng: 0, n: 0, states: new Map<string, number>() };
    sum.lat += row.lat;
    sum.lng += row.lng;
    sum.n += 1;
    sum.states.set(row.state, (sum.states.get(row.state) ?? 0) + 1);
    sums.set(zip3, sum);
  }
  const zip3Centroids = new Map<string, GeoPoint & { state: string }>();
  for (const [zip3, sum] of sums) {
    // The ZIP3's state is its most common one (a few ZIP3s straddle a border); ties break alphabetically.
    const state = [...sum.states.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    zip3Centroids.set(zip3, { lat: sum.lat / sum.n, lng: sum.lng / sum.n, state });
  }
  rows.sort((a, b) => a.zip.localeCompare(b.zip));
  tables = { byZip, zip3Centroids, rows };
  return tables;
}
