import { describe, expect, it } from "vitest";
import {
  classifyAddress,
  lookupZip,
  nearestZips,
  normalizeZip,
  timeZoneForZip,
  USPS_ZONE_CHART,
  zoneBetween,
  zoneForMiles,
} from "../../app/engine";

describe("ZIP lookup", () => {
  it("finds a known ZIP with its state, city and ZIP3", () => {
    // GIVEN the Edison warehouse ZIP, written with a +4 suffix
    // WHEN it is looked up
    const zip = lookupZip("08817-1234");
    // THEN the 5-digit record is found
    expect(zip).toMatchObject({ zip: "08817", zip3: "088", state: "NJ", city: "Edison", approximate: false });
    expect(zip!.lat).toBeCloseTo(40.5, 0);
  });

  it("returns undefined for unknown or malformed ZIPs instead of throwing", () => {
    // GIVEN ZIPs that cannot be located
    // WHEN / THEN nothing is found and nothing throws
    expect(lookupZip("00000")).toBeUndefined();
    expect(lookupZip("SW1A 1AA")).toBeUndefined();
    expect(lookupZip("")).toBeUndefined();
  });

  it("restores a leading zero lost by a spreadsheet", () => {
    expect(normalizeZip("8817")).toBe("08817");
    expect(normalizeZip("123456")).toBeUndefined();
  });

  it("finds the nearest ZIPs to a point with the kd-tree", () => {
    // GIVEN the coordinates of the Edison ZIP
    const edison = lookupZip("08817")!;
    // WHEN searching the single nearest ZIP
    const [nearest] = nearestZips(edison, 1);
    // THEN it is Edison itself
    expect(nearest.zip).toBe("08817");
  });
});

describe("zones", () => {
  it.each([
    [0, 1],
    [50, 1],
    [51, 2],
    [150, 2],
    [151, 3],
    [300, 3],
    [301, 4],
    [600, 4],
    [601, 5],
    [1000, 5],
    [1001, 6],
    [1400, 6],
    [1401, 7],
    [1800, 7],
    [1801, 8],
    [2900, 8],
  ])("maps %i miles to USPS zone %i", (miles, zone) => {
    expect(zoneForMiles(miles, USPS_ZONE_CHART)).toBe(zone);
  });

  it("grows with distance from Edison NJ", () => {
    // GIVEN Edison and three destinations at increasing distance
    const edison = lookupZip("08817")!;
    const zoneTo = (zip: string) => zoneBetween(edison, lookupZip(zip)!, USPS_ZONE_CHART);
    // WHEN zoning them / THEN NYC is near, Dallas is mid-way, LA is far
    expect(zoneTo("10001")).toBeLessThanOrEqual(2);
    expect(zoneTo("75201")).toBe(6);
    expect(zoneTo("90001")).toBe(8);
  });

  it("uses the special zones for non-contiguous ends and distance between two of them", () => {
    const dallas = lookupZip("75261")!;
    // GIVEN a contiguous origin / WHEN shipping to AK, HI, PR, military / THEN their own zones apply
    expect(zoneBetween(dallas, lookupZip("99501")!, USPS_ZONE_CHART)).toBe(8);
    expect(zoneBetween(dallas, lookupZip("96813")!, USPS_ZONE_CHART)).toBe(8);
    expect(zoneBetween(dallas, lookupZip("00901")!, USPS_ZONE_CHART)).toBe(9);
    expect(zoneBetween(dallas, lookupZip("09001")!, USPS_ZONE_CHART)).toBe(8);
    // GIVEN both ends in Hawaii / THEN plain distance applies (same island = local zone)
    expect(zoneBetween(lookupZip("96813")!, lookupZip("96814")!, USPS_ZONE_CHART)).toBe(1);
  });
});

describe("address class", () => {
  it.each([
    [["PO Box 123"], "PO_BOX"],
    [["P.O. Box 77"], "PO_BOX"],
    [["p o box 9"], "PO_BOX"],
    [["Post Office Box 12"], "PO_BOX"],
    [["POB 5"], "PO_BOX"],
    [["Box 44"], "PO_BOX"],
    [["12 Boxwood Ln"], "STREET"],
    [["1 Polo Box Rd"], "STREET"],
    [["PSC 1234 Box 5678"], "MILITARY"],
    [["Unit 2050 Box 4190"], "MILITARY"],
  ] as const)("classifies %j as %s", (lines, expected) => {
    expect(classifyAddress(lines, "Somewhere", "TX")).toBe(expected);
  });

  it("treats military states and APO/FPO cities as military", () => {
    expect(classifyAddress(["1 Main St"], "APO", "AE")).toBe("MILITARY");
    expect(classifyAddress(["1 Main St"], "FPO", undefined)).toBe("MILITARY");
  });
});

describe("time zones", () => {
  it("resolves single-zone states from the table and split states from the ZIP library", () => {
    expect(timeZoneForZip("08817", "NJ")).toBe("America/New_York");
    expect(timeZoneForZip("91761", "CA")).toBe("America/Los_Angeles");
    expect(timeZoneForZip("75261", "TX")).toBe("America/Chicago");
    expect(timeZoneForZip("79901", "TX")).toBe("America/Denver"); // El Paso
    expect(timeZoneForZip("96813", "HI")).toBe("Pacific/Honolulu");
  });
});
