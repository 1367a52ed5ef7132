// The quote's caches across requests (cart plans per compiled config, packing per cart signature, zones per ZIP3
// pair, destination legs) must never change an answer: on the bench's varied mix, every quote from a warm,
// shared compiled config equals the quote of the same input from a cold copy (no cached plan or packing).
import { describe, expect, it } from "vitest";
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import { CarrierServiceRequest } from "../../app/contracts/carrier-service";
import { compileShopConfig, quote } from "../../app/engine";
import type { CompiledShopConfig } from "../../app/engine/config/types";
import { PackingCache } from "../../app/engine/packing";
import type { QuoteInput } from "../../app/engine/types";
import { toQuoteInput } from "../../app/services/carrier-service/rate-mapping";
import { variedMix } from "../../bench/lib/varied-mix";

/**
 * A copy of the config with an empty packing cache and a new identity (so no cart plan is shared either). Zones are
 * computed per quote (the last test checks that they do not depend on earlier traffic).
 */
function cold(compiled: CompiledShopConfig): CompiledShopConfig {
  return { ...compiled, packing: new PackingCache(compiled.cartons) };
}

describe("quote caches", () => {
  const compiled = compileShopConfig(demoShopConfig);
  const mix = variedMix(3000).slice(0, 900);
  const moments = [new Date("2026-11-24T15:00:00Z"), new Date("2026-11-27T23:30:00Z")];
  const inputs: QuoteInput[] = moments.flatMap((now) =>
    mix.map((entry) => toQuoteInput(CarrierServiceRequest.parse(entry.body), now)),
  );

  it(
    "answer the varied mix exactly as a cold engine does, stock and backorder alike",
    { timeout: 120_000 },
    () => {
      // GIVEN 1,800 checkouts quoted twice on one warm config (the second pass hits every cache)
      // WHEN each is also quoted on a cold copy THEN the answers are identical, issues and reasons included
      const warmFirst = inputs.map((input) => quote(compiled, input));
      const warmAgain = inputs.map((input) => quote(compiled, input));
      inputs.forEach((input, i) => {
        const reference = quote(cold(compiled), input);
        expect(warmFirst[i]).toEqual(reference);
        expect(warmAgain[i]).toEqual(reference);
      });
      // Plus 16 watches (the warehouses hold 15 together): quoted as backorders.
      const backordered = mix.slice(0, 300).map((entry) => {
        const input = toQuoteInput(CarrierServiceRequest.parse(entry.body), moments[0]);
        const watches = { variantId: DEMO_VARIANTS.watch, quantity: 16, grams: 150, priceCents: 9900 };
        return { ...input, cart: [...input.cart, watches], backorder: { days: 3 } };
      });
      const warm = backordered.map((input) => quote(compiled, input));
      backordered.forEach((input, i) => expect(warm[i]).toEqual(quote(cold(compiled), input)));
      expect(warm.some((r) => r.quotes.some((q) => q.backorderDays === 3))).toBe(true);
    },
  );

  it("give a ZIP the same zone whichever ZIP of its ZIP3 came first", () => {
    // GIVEN a config that has just quoted Agawam, MA (01001: zone 2 from Edison by its own point)
    const cart = [
      { variantId: DEMO_VARIANTS.mug, sku: "MUG-11OZ", quantity: 2, grams: 397, priceCents: 1800 },
    ];
    const at = (zip: string): QuoteInput => ({
      cart,
      destination: { country: "US", zip, addressLines: ["1 Main St"] },
      now: moments[0],
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
