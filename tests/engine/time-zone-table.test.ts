// timeZoneForZip answers ZIPs of split states from a table generated from zip-to-timezone's data
// (bench/gen-split-zip-time-zones.ts) instead of the library, which re-parses an 800 kB YAML file per call. The
// table must say what the library says, for every ZIP of the ZIP table, except where TIME_ZONE_OVERRIDES corrects
// the library's data (the Florida panhandle and Indiana's Central-time counties: time-zone-overrides.test.ts).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import zipToTimezone from "zip-to-timezone";
import { timeZoneForZip } from "../../app/engine/geo";
import { SPLIT_STATES, STATE_TIME_ZONES } from "../../app/engine/geo/state-time-zones";
import { SPLIT_ZIP_TIME_ZONES } from "../../app/engine/geo/split-zip-time-zones";
import { timeZoneOverride } from "../../app/engine/geo/time-zone-overrides";
import { zipTables } from "../../app/engine/geo/zip-table";

const require = createRequire(import.meta.url);
const libDir = dirname(require.resolve("zip-to-timezone/dist/ZipToTz.js"));

/** The library's answer the slow way (what `timeZoneForZip` did before the table), with the same fallbacks. */
function viaLibrary(zip: string, state: string): string {
  try {
    return new zipToTimezone.ZipToTz().full(zip);
  } catch {
    return STATE_TIME_ZONES[state] ?? "America/New_York";
  }
}

describe("time zones of split-state ZIPs", () => {
  const asked = zipTables().rows.filter((r) => !STATE_TIME_ZONES[r.state] || SPLIT_STATES.has(r.state));
  /** ZIPs whose zone the documented overrides set instead of the library. */
  const corrected = asked.filter((r) => timeZoneOverride(r.zip, r.state) !== undefined);
  const notCorrected = (zip: string) => !corrected.some((r) => r.zip === zip);

  it("match zip-to-timezone's data file for every ZIP of the ZIP table", () => {
    // GIVEN the library's own data, read as the library reads it (first zone listing the ZIP as a string)
    const yaml = createRequire(`${libDir}/ZipToTz.js`)("js-yaml") as { load(text: string): unknown };
    const data = yaml.load(readFileSync(`${libDir}/.timezones_to_zipcodes(full name).yml`, "utf8")) as Record<
      string,
      unknown[]
    >;
    const first = new Map<string, string>();
    for (const [zone, list] of Object.entries(data))
      for (const z of list) if (typeof z === "string" && !first.has(z)) first.set(z, zone);
    // WHEN every such ZIP is resolved THEN the table's answer is the library's, except the documented overrides
    const wrong = asked.filter(
      (r) =>
        timeZoneOverride(r.zip, r.state) === undefined &&
        timeZoneForZip(r.zip, r.state) !==
          (first.get(r.zip) ?? STATE_TIME_ZONES[r.state] ?? "America/New_York"),
    );
    expect(asked.length).toBeGreaterThan(10_000);
    expect(wrong.map((r) => r.zip)).toEqual([]);
    // AND the overrides are few, each answered as listed
    expect(corrected.length).toBeGreaterThan(250);
    expect(corrected.length).toBeLessThan(400);
    for (const r of corrected) expect(timeZoneForZip(r.zip, r.state)).toBe(timeZoneOverride(r.zip, r.state));
  });

  it("agree with the library itself on a sample, exceptions and fallbacks alike", () => {
    const exceptions = Object.values(SPLIT_ZIP_TIME_ZONES).flatMap((zips) => zips.split(" ").slice(0, 4));
    const others = asked.filter((_, i) => i % 1500 === 0).map((r) => r.zip);
    const sample = [...exceptions, ...others].filter(notCorrected);
    expect(sample.length).toBeGreaterThan(15);
    for (const zip of sample) {
      const { state } = zipTables().byZip.get(zip)!;
      expect(`${zip} ${timeZoneForZip(zip, state)}`).toBe(`${zip} ${viaLibrary(zip, state)}`);
    }
  });
});
