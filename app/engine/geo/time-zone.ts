import zipToTimezone from "zip-to-timezone";
import { SPLIT_STATES, STATE_TIME_ZONES } from "./state-time-zones";

const memo = new Map<string, string>();
let resolver: InstanceType<typeof zipToTimezone.ZipToTz> | undefined;

/**
 * IANA time zone of a ZIP. Single-zone states answer from a table; split states ask `zip-to-timezone`
 * (which re-reads its data file on every call, ~20 ms, hence the per-ZIP memo). Anything the library cannot
 * answer falls back to the state's majority zone, then to America/New_York.
 *
 * @example
 * timeZoneForZip("75261", "TX"); // "America/Chicago"
 * timeZoneForZip("91761", "CA"); // "America/Los_Angeles"
 */
export function timeZoneForZip(zip: string, state: string): string {
  const known = memo.get(zip);
  if (known) return known;
  let zone = STATE_TIME_ZONES[state];
  if (!zone || SPLIT_STATES.has(state)) {
    try {
      resolver ??= new zipToTimezone.ZipToTz();
      zone = resolver.full(zip);
    } catch {
      // The library throws for ZIPs it does not list; the state table is the documented fallback.
    }
  }
  const result = zone ?? "America/New_York";
  memo.set(zip, result);
  return result;
}
