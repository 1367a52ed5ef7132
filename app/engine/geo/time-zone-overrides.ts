// Corrections to the `zip-to-timezone` library's data where it contradicts the legal time zone boundaries
// (49 CFR 71.5, "Boundary line between eastern and central zones": https://www.ecfr.gov/current/title-49/subtitle-A/part-71/section-71.5).
// The library puts the whole Florida panhandle and all of Indiana but two Gary ZIPs on Eastern time. The boundary
// follows county lines, and ZIPs do not, so a ZIP3 is listed at the zone of its dominant counties and the ZIPs of
// the other side are listed one by one. Sources and the county → ZIP reasoning: docs/engine.md, "Time zones".
// Data, not logic: `timeZoneForZip` reads it before the library's table.

/** A zone for ZIPs of one state: whole ZIP3 prefixes and single ZIPs (a ZIP beats its ZIP3). */
export interface TimeZoneOverride {
  state: string;
  zone: string;
  zip3: readonly string[];
  zip5: readonly string[];
}

export const TIME_ZONE_OVERRIDES: readonly TimeZoneOverride[] = [
  {
    // Florida west of the Apalachicola River: Escambia, Santa Rosa, Okaloosa, Walton, Holmes, Washington, Bay,
    // Jackson, Calhoun and northern Gulf counties (325 Pensacola, 324 Panama City).
    state: "FL",
    zone: "America/Chicago",
    zip3: ["324", "325"],
    zip5: [],
  },
  {
    // Gulf County south of the Intracoastal Waterway stays on Eastern time: Port St. Joe (ZIP3 324).
    state: "FL",
    zone: "America/New_York",
    zip3: [],
    zip5: ["32456", "32457"],
  },
  {
    // Indiana's Central-time counties. Northwest: Lake, Porter, LaPorte, Jasper, Newton, Starke (463, 464 Gary,
    // Hammond, Valparaiso, Michigan City; Starke's Knox, Hamlet, Grovertown in 465; Jasper's and Newton's
    // Rensselaer, Remington, Fair Oaks, Kentland, Goodland, Brook, Morocco, Mount Ayr in 479). Southwest: Posey,
    // Vanderburgh, Warrick, Gibson, Spencer, Perry (476, 477 Evansville; Perry's and Spencer's towns in 475).
    state: "IN",
    zone: "America/Chicago",
    zip3: ["463", "464", "476", "477"],
    zip5: [
      // Starke County (465)
      "46531",
      "46532",
      "46534",
      // Jasper and Newton counties (479)
      "47922",
      "47943",
      "47948",
      "47951",
      "47963",
      "47964",
      "47977",
      "47978",
      // Perry County (475)
      "47514",
      "47515",
      "47520",
      "47525",
      "47551",
      "47574",
      "47576",
      "47586",
      "47588",
      // Spencer County (475)
      "47523",
      "47531",
      "47536",
      "47537",
      "47550",
      "47552",
      "47556",
      "47577",
      "47579",
    ],
  },
];

let byZip5: Map<string, string> | undefined;
let byZip3: Map<string, string> | undefined;
/** The states with an override: any other state answers at once, without a key string. */
const STATES_WITH_OVERRIDES = new Set(TIME_ZONE_OVERRIDES.map((o) => o.state));

/**
 * The corrected zone of a ZIP of `state`, or undefined where the library's data stands.
 *
 * @example
 * timeZoneOverride("32501", "FL"); // "America/Chicago" (Pensacola)
 * timeZoneOverride("32456", "FL"); // "America/New_York" (Port St. Joe)
 * timeZoneOverride("46204", "IN"); // undefined (Indianapolis: the library's Eastern answer stands)
 */
export function timeZoneOverride(zip: string, state: string): string | undefined {
  if (!STATES_WITH_OVERRIDES.has(state)) return undefined;
  if (!byZip5 || !byZip3) {
    byZip5 = new Map();
    byZip3 = new Map();
    for (const o of TIME_ZONE_OVERRIDES) {
      for (const z of o.zip5) byZip5.set(`${o.state} ${z}`, o.zone);
      for (const z of o.zip3) byZip3.set(`${o.state} ${z}`, o.zone);
    }
  }
  return byZip5.get(`${state} ${zip}`) ?? byZip3.get(`${state} ${zip.slice(0, 3)}`);
}
