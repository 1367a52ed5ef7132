// `quote(compiled, input, { issues: "errors" })` (the checkout callback's call) skips rating allocations that cannot
// be carried. It must answer the same quotes as a full quote — prices, dates, plans, reasons — and exactly the full
// quote's error issues, on the bench's varied mix (splits, PO boxes, AK/HI/PR, freight, cold chain, backorders).
import { describe, expect, it } from "vitest";
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import { CarrierServiceRequest } from "../../app/contracts/carrier-service";
import { compileShopConfig, quote } from "../../app/engine";
import type { QuoteInput } from "../../app/engine/types";
import { toQuoteInput } from "../../app/services/carrier-service/rate-mapping";
import { variedMix } from "../../bench/lib/varied-mix";

describe("quote with errors-only issues", () => {
  const now = new Date("2026-11-24T15:00:00Z");
  const mix = variedMix(3000).slice(0, 600);
  const inputs: QuoteInput[] = mix.map((entry) => toQuoteInput(CarrierServiceRequest.parse(entry.body), now));

  it("answers the varied mix with the full quote's quotes and error issues", { timeout: 60_000 }, () => {
    // GIVEN 600 checkouts of the mix, plus 100 of them with 16 watches (the warehouses hold 15: backorders)
    const watches = { variantId: DEMO_VARIANTS.watch, quantity: 16, grams: 150, priceCents: 9900 };
    const backorders = inputs
      .slice(0, 100)
      .map((input) => ({ ...input, cart: [...input.cart, watches], backorder: { days: 3 } }));
    const full = compileShopConfig(demoShopConfig);
    const fast = compileShopConfig(demoShopConfig);
    for (const input of [...inputs, ...backorders]) {
      // WHEN each is quoted in full and errors-only, on configs that share no cache
      const reference = quote(full, input);
      const answer = quote(fast, input, { issues: "errors" });
      // THEN the quotes are identical and the issues are the full quote's errors, in order
      expect(answer.quotes).toEqual(reference.quotes);
      expect(answer.issues).toEqual(reference.issues.filter((issue) => issue.level === "error"));
    }
  });

  it("without reasons answers the same quotes, each with no reasons", { timeout: 60_000 }, () => {
    // GIVEN the 600 checkouts, quoted in full and as the callback quotes them (errors only, no reasons)
    const full = compileShopConfig(demoShopConfig);
    const bare = compileShopConfig(demoShopConfig);
    for (const input of inputs) {
      const reference = quote(full, input);
      const answer = quote(bare, input, { issues: "errors", reasons: false });
      // THEN every price, date and plan is the full quote's, and only the reasons are left out
      expect(answer.quotes).toEqual(reference.quotes.map((q) => ({ ...q, reasons: [] })));
    }
  });

  it("still says why a cart has no rate", () => {
    // GIVEN a destination ZIP that does not exist WHEN quoted errors-only THEN the error explains the empty answer
    const compiled = compileShopConfig(demoShopConfig);
    const input = { ...inputs[0], destination: { ...inputs[0].destination, zip: "00000" } };
    const result = quote(compiled, input, { issues: "errors" });
    expect(result.quotes).toEqual([]);
    expect(result.issues.map((issue) => issue.code)).toEqual(["UNKNOWN_ZIP"]);
  });
});
