import { describe, expect, it } from "vitest";
import { CarrierServiceRequest } from "../../app/contracts/carrier-service";
import { quote } from "../../app/engine";
import { toQuoteInput, toShopifyRates } from "../../app/services/carrier-service/rate-mapping";
import { fixture } from "../support/fixtures";
import { demo, NOW } from "./helpers";

// Fallback rates stand in when the destination cannot be located (or the engine fails). They still promise a
// window: the tier's slowest case (its services' slowest zone, from the warehouses that may send them).
const SHOPIFY_DATE = /^\d{4}-\d{2}-\d{2} 14:00:00 [+-]\d{4}$/;

describe("fallback rates carry delivery dates", () => {
  it("dates every fallback rate of an unknown ZIP with a window that starts no earlier than tomorrow", () => {
    // GIVEN a checkout to ZIP 00000 in New York state, on Tuesday 24 November 2026 at 10:00 in New York
    const request = CarrierServiceRequest.parse(fixture("engine/request-unknown-zip.json"));
    const result = quote(demo, toQuoteInput(request, NOW));
    // WHEN it is mapped to Shopify's rates
    const rates = toShopifyRates(result, demo, request, NOW);
    // THEN each flat rate has both dates, in Eastern time (the state's zone), min ≤ max, after today
    expect(rates.map((r) => r.service_code)).toEqual(["TR_EXPRESS", "TR_STANDARD", "TR_ECONOMY"]);
    for (const rate of rates) {
      expect(rate.min_delivery_date).toMatch(SHOPIFY_DATE);
      expect(rate.max_delivery_date).toMatch(SHOPIFY_DATE);
      expect(rate.min_delivery_date!.endsWith("-0500")).toBe(true);
      expect(rate.min_delivery_date! <= rate.max_delivery_date!).toBe(true);
      expect(rate.min_delivery_date! > "2026-11-24").toBe(true);
      expect(rate.description).toMatch(/^Flat rate · arrives /);
    }
  });

  it("promises no earlier latest day than the engine does for a real ZIP of the same tier", () => {
    // GIVEN the same cart to the farthest demo destinations the engine can rate
    const request = CarrierServiceRequest.parse(fixture("engine/request-unknown-zip.json"));
    const fallback = toShopifyRates(quote(demo, toQuoteInput(request, NOW)), demo, request, NOW);
    for (const zip of ["99501", "96813", "04401", "98101"]) {
      const real = quote(demo, {
        ...toQuoteInput(request, NOW),
        destination: { country: "US", zip, addressLines: ["1 Main St"] },
      });
      // THEN each fallback tier's latest day is at or after the engine's latest day for that tier
      for (const q of real.quotes) {
        const flat = fallback.find((r) => r.service_code === q.serviceCode);
        if (flat) expect(flat.max_delivery_date!.slice(0, 10) >= q.delivery.maxDate).toBe(true);
      }
    }
  });
});
