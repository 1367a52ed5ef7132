import { describe, expect, it } from "vitest";
import { CarrierServiceRequest } from "../../app/contracts/carrier-service";
import {
  formatShopifyDate,
  formatShortDate,
  toQuoteInput,
} from "../../app/services/carrier-service/rate-mapping";
import { loadFixture } from "../fixtures/engine";

describe("carrier-rates mapping", () => {
  it("maps a Shopify request to engine input: shipping items only, ids as strings, address lines", () => {
    // GIVEN the fixture request (two shippable lines and a gift card)
    const request = CarrierServiceRequest.parse(loadFixture("request-small-cart-dallas.json"));
    // WHEN mapping it
    const input = toQuoteInput(request, new Date("2026-11-24T15:00:00Z"));
    // THEN the gift card is gone, ids are strings, prices stay integer cents per unit
    expect(input.cart).toEqual([
      {
        variantId: "44012345670001",
        sku: "MUG-11OZ",
        name: "Ceramic mug 11 oz",
        quantity: 2,
        grams: 397,
        priceCents: 1800,
      },
      {
        variantId: "44012345670003",
        sku: "TEE-M-BLK",
        name: "T-shirt, black, M",
        quantity: 1,
        grams: 170,
        priceCents: 2500,
      },
    ]);
    expect(input.destination).toEqual({
      country: "US",
      zip: "75201",
      state: "TX",
      city: "Dallas",
      addressLines: ["1919 McKinney Ave", "Apt 4"],
    });
  });

  it("formats delivery dates in the destination's offset, DST included", () => {
    expect(formatShopifyDate("2026-11-25", "America/New_York")).toBe("2026-11-25 14:00:00 -0500");
    expect(formatShopifyDate("2026-07-01", "America/New_York")).toBe("2026-07-01 14:00:00 -0400");
    expect(formatShopifyDate("2026-07-01", "America/Phoenix")).toBe("2026-07-01 14:00:00 -0700");
    expect(formatShopifyDate("2026-11-25", "Pacific/Honolulu")).toBe("2026-11-25 14:00:00 -1000");
  });

  it("writes short dates for descriptions", () => {
    expect(formatShortDate("2026-11-25")).toBe("Wed Nov 25");
  });

  it("rejects a body without the rate envelope", () => {
    expect(CarrierServiceRequest.safeParse({ rates: [] }).success).toBe(false);
  });
});
