import { describe, expect, it } from "vitest";
import { rateCardSize } from "../../app/format/rate-card-size";

describe("the size of a rate card, as the carrier page says it", () => {
  it("counts a weight card's breaks and zones", () => {
    const breaks = [1, 2, 5].map((maxLb) => ({ maxLb, cents: [900, 950] }));
    expect(rateCardSize({ zones: [2, 3], breaks })).toBe("3 weight breaks × 2 zones");
    expect(rateCardSize({ zones: [2], breaks: breaks.slice(0, 1) })).toBe("1 weight break × 1 zone");
  });

  it("describes an LTL class tariff by classes, lanes, weight breaks and minimum, not as an empty weight card", () => {
    // GIVEN an LTL card: two classes to zones 1 and 2, one class to a destination ZIP3, two weight breaks
    const ltl = {
      breaksFromLb: [0, 500],
      minimumChargeCents: 15000,
      rows: [
        { freightClass: 100, zone: 1, centsPerCwt: [9000, 7500] },
        { freightClass: 100, zone: 2, centsPerCwt: [9500, 8000] },
        { freightClass: 250, zone: 1, centsPerCwt: [19000, 16000] },
        { freightClass: 250, destZip3: "100", centsPerCwt: [21000, 18000] },
      ],
    };
    // THEN its size names what it holds (it has no weight × zone table: zones and breaks are empty)
    expect(rateCardSize({ zones: [], breaks: [], ltl })).toBe(
      "LTL class rates: 2 classes × 2 zones and 1 destination ZIP3, 2 weight breaks, minimum $150.00",
    );
  });
});
