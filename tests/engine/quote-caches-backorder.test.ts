// Part of quote-caches.test.ts: backorders quoted on the warm config after the mix's traffic at both moments, each
// equal to a cold engine's (tests/engine/warm-mix.ts).
import { describe, expect, it } from "vitest";
import { DEMO_VARIANTS } from "../../app/demo/demo-shop-config";
import { CarrierServiceRequest } from "../../app/contracts/carrier-service";
import { quote } from "../../app/engine";
import { toQuoteInput } from "../../app/services/carrier-service/rate-mapping";
import { cold, MOMENTS, warmMix } from "./warm-mix";

describe("quote caches, for backorders", () => {
  it(
    "answer backorders on a config warm from the varied mix exactly as a cold engine does",
    { timeout: 120_000 },
    () => {
      // GIVEN 1,800 checkouts at two moments quoted twice on one warm config
      const { compiled, mix } = warmMix();
      // WHEN 300 of them, plus 16 watches (the warehouses hold 15 together), are quoted as backorders on it and on a
      // cold copy THEN the answers are identical
      const backordered = mix.slice(0, 300).map((entry) => {
        const input = toQuoteInput(CarrierServiceRequest.parse(entry.body), MOMENTS[0]!);
        const watches = { variantId: DEMO_VARIANTS.watch, quantity: 16, grams: 150, priceCents: 9900 };
        return { ...input, cart: [...input.cart, watches], backorder: { days: 3 } };
      });
      const warm = backordered.map((input) => quote(compiled, input));
      backordered.forEach((input, i) => expect(warm[i]).toEqual(quote(cold(compiled), input)));
      expect(warm.some((r) => r.quotes.some((q) => q.backorderDays === 3))).toBe(true);
    },
  );
});
