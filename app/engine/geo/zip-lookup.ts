import type { ZipInfo } from "./types";
import { zipTables } from "./zip-table";

/**
 * Normalises "08817", "08817-1234", " 8817 " (leading zero lost by a spreadsheet) to a 5-digit ZIP, or
 * returns undefined when the input cannot be a US ZIP.
 *
 * @example
 * normalizeZip("08817-1234"); // "08817"
 * normalizeZip("8817");       // "08817"
 * normalizeZip("SW1A 1AA");   // undefined
 */
export function normalizeZip(raw: string): string | undefined {
  if (isFiveDigits(raw)) return raw; // the usual input, without the regular expression
  const match = /^\s*(\d{3,5})(?:[\s-]?\d{4})?\s*$/.exec(raw);
  if (!match) return undefined;
  return match[1].padStart(5, "0");
}

function isFiveDigits(text: string): boolean {
  if (text.length !== 5) return false;
  for (let i = 0; i < 5; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Looks a ZIP up. Unknown 5-digit ZIPs inside a known ZIP3 fall back to the ZIP3 centroid (`approximate: true`),
 * because new ZIPs appear faster than libraries update; a wholly unknown ZIP3 returns undefined (the caller
 * reports an issue — never a crash).
 *
 * @example
 * lookupZip("75261")?.state; // "TX"
 * lookupZip("00000");        // undefined
 */
export function lookupZip(raw: string): ZipInfo | undefined {
  const zip = normalizeZip(raw);
  if (!zip) return undefined;
  const { byZip, zip3Centroids } = zipTables();
  const row = byZip.get(zip);
  const zip3 = zip.slice(0, 3);
  if (row)
    return { zip, zip3, lat: row.lat, lng: row.lng, city: row.city, state: row.state, approximate: false };
  const centroid = zip3Centroids.get(zip3);
  if (!centroid) return undefined;
  return {
    zip,
    zip3,
    lat: centroid.lat,
    lng: centroid.lng,
    city: "",
    state: centroid.state,
    approximate: true,
  };
}

/**
 * Centroid of a ZIP3 (average of its 5-digit points).
 *
 * @example
 * zip3Centroid("088"); // { lat: 40.5…, lng: -74.4…, state: "NJ" }
 */
export function zip3Centroid(zip3: string) {
  return zipTables().zip3Centroids.get(zip3);
}
