import zipToTimezone from "zip-to-timezone";
import { SPLIT_STATES, STATE_TIME_ZONES } from "./state-time-zones";
import { SPLIT_ZIP_TIME_ZONES } from "./split-zip-time-zones";
import { timeZoneOverride } from "./time-zone-overrides";
import { zipTables } from "./zip-table";

const memo = new Map<string, string>();
let resolver: InstanceType<typeof zipToTimezone.ZipToTz> | undefined;
let splitZipZones: Map<string, string> | undefined;

/** ZIP → zone for the ZIPs of split states whose zone is not the state's fallback (generated table). */
function splitZipZone(zip: string): string | undefined {
  if (!splitZipZones) {
    splitZipZones = new Map();
    for (const [zone, zips] of Object.entries(SPLIT_ZIP_TIME_ZONES))
      for (const z of zips.split(" ")) splitZipZones.set(z, zone);
  }
  return splitZipZones.get(zip);
}

/**
 * IANA time zone of a ZIP. Single-zone states answer from a table; split states ask `zip-to-timezone`. That
 * library re-reads its data file on every call (~20 ms), so ZIPs of the ZIP table (with their own state) answer
 * from `SPLIT_ZIP_TIME_ZONES`, generated from the library's data by bench/gen-split-zip-time-zones.ts; only other
 * ZIPs still reach the library (memoised per ZIP). Anything the library cannot answer falls back to the state's
 * majority zone, then to America/New_York. Where the library's data contradicts the legal boundaries (the Florida
 * panhandle, Indiana's Central-time counties), `TIME_ZONE_OVERRIDES` answers first (time-zone-overrides.ts).
 *
 * @example
 * timeZoneForZip("75261", "TX"); // "America/Chicago"
 * timeZoneForZip("91761", "CA"); // "America/Los_Angeles"
 * timeZoneForZip("32501", "FL"); // "America/Chicago"
 */
export function timeZoneForZip(zip: string, state: string): string {
  const corrected = timeZoneOverride(zip, state);
  if (corrected) return corrected;
  let zone: string | undefined = STATE_TIME_ZONES[state];
  if (zone && !SPLIT_STATES.has(state)) return zone;
  if (zipTables().byZip.get(zip)?.state === state) return splitZipZone(zip) ?? zone ?? "America/New_York";
  // Only ZIPs the library answers are memoised (its answer costs a file read); the rest are table lookups.
  const known = memo.get(zip);
  if (known) return known;
  try {
    resolver ??= new zipToTimezone.ZipToTz();
    zone = resolver.full(zip);
  } catch {
    // The library throws for ZIPs it does not list; the state table is the documented fallback.
  }
  const result = zone ?? "America/New_York";
  if (memo.size > 50_000) memo.clear();
  memo.set(zip, result);
  return result;
}
