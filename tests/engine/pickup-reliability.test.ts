import { describe, expect, it } from "vitest";
import {
  DEFAULT_PICKUP_RELIABILITY,
  locatorSearchAreas,
  pointReliability,
  rankByReliability,
  type PointPickupStats,
} from "../../app/engine/pickup";

const option = (id: string, distanceMiles: number) => ({ point: { id }, distanceMiles });
const rule = { minParcels: 10, minPickupRatePercent: 80, penaltyMiles: 2 };

describe("pickup reliability rule", () => {
  it("flags a point only once enough finished holds were observed and too few were collected", () => {
    // GIVEN the default rule (10 finished holds, under 80 % collected)
    expect(pointReliability({ pickedUp: 4, expired: 5 }, rule)).toEqual({
      observed: 9,
      pickupRatePercent: 44,
      oftenUncollected: false,
    });
    expect(pointReliability({ pickedUp: 4, expired: 6 }, rule).oftenUncollected).toBe(true);
    expect(pointReliability({ pickedUp: 8, expired: 2 }, rule).oftenUncollected).toBe(false);
    // THEN the unrounded share decides at the edge: 39 of 49 is 79.6 %, shown as 80 but below 80
    expect(pointReliability({ pickedUp: 39, expired: 10 }, rule)).toEqual({
      observed: 49,
      pickupRatePercent: 80,
      oftenUncollected: true,
    });
    expect(pointReliability(undefined, rule)).toEqual({
      observed: 0,
      pickupRatePercent: null,
      oftenUncollected: false,
    });
    expect(DEFAULT_PICKUP_RELIABILITY).toEqual(rule);
  });

  it("ranks a low-pickup-rate point after the points that are as near, not after farther ones", () => {
    // GIVEN the nearest point (0.5 mi) whose parcels are collected 3 times out of 12
    const stats = new Map<string, PointPickupStats>([
      ["low", { pickedUp: 3, expired: 9 }],
      ["good", { pickedUp: 19, expired: 1 }],
    ]);
    const nearestFirst = [option("low", 0.5), option("good", 1.2), option("new", 2.0), option("far", 3.1)];
    // WHEN ranked with a 2-mile penalty
    const ranked = rankByReliability(nearestFirst, stats, rule);
    // THEN it comes after the points within 2 miles more, and before the one beyond
    expect(ranked.map((o) => o.point.id)).toEqual(["good", "new", "low", "far"]);
    expect(ranked.find((o) => o.point.id === "low")!.reliability).toEqual({
      observed: 12,
      pickupRatePercent: 25,
      oftenUncollected: true,
    });
    // AND with no penalty it only gives way to a point exactly as near
    const tie = rankByReliability([option("low", 1), option("good", 1), option("far", 1.1)], stats, {
      ...rule,
      penaltyMiles: 0,
    });
    expect(tie.map((o) => o.point.id)).toEqual(["good", "low", "far"]);
  });

  it("leaves the order alone when no point is flagged", () => {
    const list = [option("a", 1), option("b", 1), option("c", 0.5)];
    expect(rankByReliability(list, new Map(), rule).map((o) => o.point.id)).toEqual(["c", "a", "b"]);
  });
});

describe("UPS Locator search areas", () => {
  it("searches the merchant's metros first, then the busiest delivery ZIP3s at their central ZIP", () => {
    // GIVEN one metro in Manhattan and parcels that went to LA (900), Manhattan (100) and Dallas (752)
    const areas = locatorSearchAreas({
      metroZips: ["10001", "00000"],
      deliveredZip3s: [
        { zip3: "752", parcels: 5 },
        { zip3: "900", parcels: 40 },
        { zip3: "100", parcels: 60 },
      ],
      maxAreas: 10,
    });
    // THEN the metro comes first, its ZIP3 is not searched twice, an unknown ZIP is left out
    expect(areas.map((a) => [a.source, a.zip.slice(0, 3), a.state])).toEqual([
      ["METRO", "100", "NY"],
      ["DELIVERIES", "900", "CA"],
      ["DELIVERIES", "752", "TX"],
    ]);
    // AND each delivery area is a real ZIP of that ZIP3 with its city
    expect(areas[1]).toMatchObject({ zip: expect.stringMatching(/^900\d\d$/), city: expect.any(String) });
    expect(areas[1].city.length).toBeGreaterThan(0);
    // AND the list stops at the maximum
    expect(
      locatorSearchAreas({ metroZips: [], deliveredZip3s: [{ zip3: "900", parcels: 1 }], maxAreas: 0 }),
    ).toEqual([]);
  });
});
