import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quote } from "../../app/engine";
import type { TierQuote } from "../../app/engine/types";
import { demo, dest, input, line, NOW, V } from "./helpers";

// A tier is worth offering only if no other offered tier is at most its price with a window that is the same or
// earlier on both ends. Exact ties (same price, same window) keep the slower tier's name.
const PARCEL_ORDER = ["TR_EXPRESS", "TR_STANDARD", "TR_ECONOMY"];
const DESTINATIONS = [
  "75201",
  "10001",
  "90012",
  "60601",
  "33101",
  "98101",
  "99501",
  "96813",
  "00901",
  "30301",
];

/** True when `b` is as cheap as `a` and its window is the same or earlier on both ends (ties: the later tier wins). */
function dominates(b: TierQuote, a: TierQuote): boolean {
  if (b === a) return false;
  const asGood =
    b.totalCents <= a.totalCents &&
    b.delivery.minDate <= a.delivery.minDate &&
    b.delivery.maxDate <= a.delivery.maxDate;
  const better =
    b.totalCents < a.totalCents ||
    b.delivery.minDate < a.delivery.minDate ||
    b.delivery.maxDate < a.delivery.maxDate;
  return asGood && (better || PARCEL_ORDER.indexOf(b.serviceCode) > PARCEL_ORDER.indexOf(a.serviceCode));
}

describe("a pricier tier is offered only when it is faster", () => {
  it("does not offer Express to Honolulu at several times Standard's price for the same window", () => {
    // GIVEN a mug and a tee going to Honolulu, where 2nd Day Air lands on the same days as Standard
    const result = quote(demo, input([line(V.mug), line(V.tee)], dest("96813", { state: "HI" })));
    const standard = result.quotes.find((q) => q.serviceCode === "TR_STANDARD");
    const express = result.quotes.find((q) => q.serviceCode === "TR_EXPRESS");
    // THEN Standard is offered, and Express only if it arrives earlier
    expect(standard).toBeDefined();
    if (express) {
      const earlier =
        express.delivery.maxDate < standard!.delivery.maxDate ||
        (express.delivery.maxDate === standard!.delivery.maxDate &&
          express.delivery.minDate < standard!.delivery.minDate);
      expect(earlier).toBe(true);
    } else {
      expect(result.issues.some((i) => i.code === "TIER_UNAVAILABLE" && /Express/.test(i.message))).toBe(
        true,
      );
    }
  });

  it("keeps a tier the buyer already paid for (order routing), even where Standard is as fast", () => {
    // GIVEN the Honolulu cart, routed after the buyer paid for Express
    const paid = quote(demo, {
      ...input([line(V.mug), line(V.tee)], dest("96813", { state: "HI" })),
      keepTier: "TR_EXPRESS",
    });
    // THEN Express is still there to route the order at the speed it was sold
    expect(paid.quotes.map((q) => q.serviceCode)).toContain("TR_EXPRESS");
  });

  it("never offers a dominated parcel tier, for any destination, cart and time", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DESTINATIONS),
        fc.integer({ min: 0, max: 24 * 14 }),
        fc.subarray([V.mug, V.tee, V.hoodie, V.watch], { minLength: 1 }),
        fc.integer({ min: 1, max: 3 }),
        (zip, hoursLater, variants, quantity) => {
          const now = new Date(NOW.getTime() + hoursLater * 3_600_000);
          const quotes = quote(
            demo,
            input(
              variants.map((v) => line(v, quantity)),
              dest(zip),
              now,
            ),
          ).quotes;
          for (const a of quotes)
            for (const b of quotes)
              expect(dominates(b, a), `${b.serviceCode} over ${a.serviceCode}`).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });
});
