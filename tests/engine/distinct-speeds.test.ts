import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quote } from "../../app/engine";
import { demo, dest, input, line, NOW, V } from "./helpers";

const PARCEL_ORDER = ["TR_EXPRESS", "TR_STANDARD", "TR_ECONOMY"];
const DESTINATIONS = [
  "75201",
  "10001",
  "90012",
  "60601",
  "33101",
  "98101",
  "80202",
  "02108",
  "99501",
  "96813",
  "30301",
];

describe("faster tiers never arrive later than slower ones", () => {
  it("never offers Express arriving after Standard's latest day (Dallas to Dallas)", () => {
    // GIVEN a small cart going next door to the Dallas warehouse, where ground arrives in 1–2 days
    const result = quote(demo, input([line(V.mug)], dest("75201")));
    // WHEN parcel tiers are offered
    const byCode = new Map(result.quotes.map((q) => [q.serviceCode, q]));
    const express = byCode.get("TR_EXPRESS");
    const standard = byCode.get("TR_STANDARD");
    // THEN Express, if offered at all, arrives no later than Standard's latest day
    expect(standard).toBeDefined();
    if (express) expect(express.delivery.maxDate <= standard!.delivery.maxDate).toBe(true);
    else
      expect(result.issues.some((i) => i.code === "TIER_UNAVAILABLE" && /Express/.test(i.message))).toBe(
        true,
      );
  });

  it("orders parcel tiers by latest delivery day, for any destination and day", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DESTINATIONS),
        fc.integer({ min: 0, max: 24 * 14 }),
        (zip, hoursLater) => {
          const now = new Date(NOW.getTime() + hoursLater * 3_600_000);
          const parcel = quote(demo, input([line(V.mug), line(V.tee)], dest(zip), now))
            .quotes.filter((q) => PARCEL_ORDER.includes(q.serviceCode))
            .sort((a, b) => PARCEL_ORDER.indexOf(a.serviceCode) - PARCEL_ORDER.indexOf(b.serviceCode));
          for (let i = 1; i < parcel.length; i++) {
            expect(parcel[i - 1].delivery.maxDate <= parcel[i].delivery.maxDate).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
