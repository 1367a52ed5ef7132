// The quote's caches across requests (cart plans per compiled config, packing per cart signature, destination legs,
// shared ratings) must never change an answer: on the bench's varied mix, every quote from a warm, shared compiled
// config equals the quote of the same input from a cold copy (no cached plan or packing). The warm config quotes
// 1,800 checkouts at two moments (tests/engine/warm-mix.ts); this file compares the first moment's answers,
// quote-caches-later.test.ts the second moment's and quote-caches-backorder.test.ts backorders, side by side.
import { describe, expect, it } from "vitest";
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import { compileShopConfig, quote } from "../../app/engine";
import type { QuoteInput } from "../../app/engine/types";
import { cold, MOMENTS, warmMix } from "./warm-mix";

describe("quote caches", () => {
  it("answer the varied mix's first moment exactly as a cold engine does", { timeout: 120_000 }, () => {
    // GIVEN 1,800 checkouts at two moments quoted twice on one warm config (the second pass hits every cache)
    const { compiled, inputs, first, again } = warmMix();
    // WHEN each checkout of the first moment is also quoted on a cold copy THEN the answers are identical, issues
    // and reasons included
    inputs[0]!.forEach((input, i) => {
      const reference = quote(cold(compiled), input);
      expect(first[0]![i]).toEqual(reference);
      expect(again[0]![i]).toEqual(reference);
    });
  });

  it("give a ZIP the same zone whichever ZIP of its ZIP3 came first", () => {
    // GIVEN a config that has just quoted Agawam, MA (01001: zone 2 from Edison by its own point)
    const cart = [
      { variantId: DEMO_VARIANTS.mug, sku: "MUG-11OZ", quantity: 2, grams: 397, priceCents: 1800 },
    ];
    const at = (zip: string): QuoteInput => ({
      cart,
      destination: { country: "US", zip, addressLines: ["1 Main St"] },
      now: MOMENTS[0]!,
    });
    const warm = compileShopConfig(demoShopConfig);
    quote(warm, at("01001"));
    // WHEN it quotes Amherst, MA (01002, the same ZIP3 010, zone 3 by its own point)
    const answer = quote(warm, at("01002"));
    // THEN the answer is a fresh config's: zones come from the ZIP's own point, not from traffic
    const fresh = quote(compileShopConfig(demoShopConfig), at("01002"));
    expect(answer).toEqual(fresh);
    expect(answer.quotes[0].shipments[0].zone).toBe(3);
  });
});
