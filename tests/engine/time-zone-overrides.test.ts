import { describe, expect, it } from "vitest";
import { timeZoneForZip } from "../../app/engine/geo";
import { TIME_ZONE_OVERRIDES } from "../../app/engine/geo/time-zone-overrides";
import { zipTables } from "../../app/engine/geo/zip-table";

// The legal Eastern/Central boundary (49 CFR 71.5) through Florida and Indiana, where the zip-to-timezone
// library's data puts everything on Eastern time (docs/engine.md, "Time zones").

/** Indiana's Eastern counties: the library names them America/New_York or America/Indiana/Indianapolis (same clock). */
const EASTERN = "Eastern";
const sameClock = (zone: string) =>
  zone === "America/New_York" || zone === "America/Indiana/Indianapolis" ? EASTERN : zone;

describe("time zones on either side of the Eastern/Central boundary", () => {
  it.each([
    ["32501", "FL", "Pensacola", "America/Chicago"],
    ["32401", "FL", "Panama City", "America/Chicago"],
    ["32446", "FL", "Marianna (Jackson County)", "America/Chicago"],
    ["32465", "FL", "Wewahitchka (northern Gulf County)", "America/Chicago"],
    ["32456", "FL", "Port St. Joe (southern Gulf County)", "America/New_York"],
    ["32301", "FL", "Tallahassee", "America/New_York"],
    ["32320", "FL", "Apalachicola (Franklin County)", "America/New_York"],
    ["47708", "IN", "Evansville", "America/Chicago"],
    ["47630", "IN", "Newburgh (Warrick County)", "America/Chicago"],
    ["46402", "IN", "Gary", "America/Chicago"],
    ["46383", "IN", "Valparaiso (Porter County)", "America/Chicago"],
    ["46360", "IN", "Michigan City (LaPorte County)", "America/Chicago"],
    ["46534", "IN", "Knox (Starke County)", "America/Chicago"],
    ["47978", "IN", "Rensselaer (Jasper County)", "America/Chicago"],
    ["47586", "IN", "Tell City (Perry County)", "America/Chicago"],
    ["47579", "IN", "Santa Claus (Spencer County)", "America/Chicago"],
    ["46204", "IN", "Indianapolis", EASTERN],
    ["46601", "IN", "South Bend (St. Joseph County)", EASTERN],
    ["47546", "IN", "Jasper (Dubois County)", EASTERN],
    ["47901", "IN", "Lafayette (Tippecanoe County)", EASTERN],
  ])("puts %s (%s, %s) on %s", (zip, state, _place, zone) => {
    expect(sameClock(timeZoneForZip(zip, state))).toBe(sameClock(zone));
  });

  it("lists only ZIPs of the ZIP table, each in its own state and each once", () => {
    const seen = new Set<string>();
    for (const override of TIME_ZONE_OVERRIDES)
      for (const zip of override.zip5) {
        expect(zipTables().byZip.get(zip)?.state, zip).toBe(override.state);
        expect(seen.has(zip), `${zip} listed twice`).toBe(false);
        seen.add(zip);
      }
  });

  it("answers a ZIP3's made-up ZIP (lane statistics use ZIP3 + 00) with the ZIP3's zone", () => {
    expect(timeZoneForZip("32500", "FL")).toBe("America/Chicago");
    expect(timeZoneForZip("47700", "IN")).toBe("America/Chicago");
  });
});
