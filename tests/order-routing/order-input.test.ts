import { describe, expect, it } from "vitest";
import { OrdersCreatePayload } from "../../app/contracts/order-webhook";
import { retryDelayMs, DEFAULT_RETRY } from "../../app/services/order-routing/admin-retry.server";
import { orderRoutingInput } from "../../app/services/order-routing/order-input.server";
import { fixture } from "../support/fixtures";

describe("orders/create → routing input", () => {
  it("turns Shopify's order into engine units and reads the buyer's Tailroute tier", () => {
    // GIVEN the documented orders/create payload
    const payload = OrdersCreatePayload.parse(fixture("shopify/orders/orders-create-mugs-lamp.json"));
    // WHEN converted
    const input = orderRoutingInput(payload);
    // THEN cents, grams, variant ids as strings, the destination and TR_STANDARD
    expect(input.orderId).toBe("gid://shopify/Order/5551234567890");
    expect(input.cart[0]).toEqual({
      variantId: "44012345670001",
      sku: "MUG-11OZ",
      name: "Ceramic mug 11 oz",
      quantity: 2,
      grams: 397,
      priceCents: 1499,
    });
    expect(input.destination).toMatchObject({ country: "US", zip: "80202", state: "CO", city: "Denver" });
    expect(input.requestedServiceCode).toBe("TR_STANDARD");
    expect(input.orderValueCents).toBe(10997);
    expect(input.pickupPoint).toBeNull();
  });

  it("treats a non-Tailroute shipping line as 'use the shop's best tier' and skips lines that need no shipping", () => {
    // GIVEN a merchant flat rate and a gift card line
    const raw = fixture<Record<string, unknown>>("shopify/orders/orders-create-mugs-lamp.json");
    raw.shipping_lines = [{ code: "Standard Shipping", title: "Standard Shipping", source: "shopify" }];
    (raw.line_items as Record<string, unknown>[])[1].requires_shipping = false;
    // WHEN converted
    const input = orderRoutingInput(OrdersCreatePayload.parse(raw));
    // THEN no requested tier, one cart line
    expect(input.requestedServiceCode).toBeNull();
    expect(input.shippingLineTitle).toBe("Standard Shipping");
    expect(input.cart).toHaveLength(1);
  });

  it("keeps the original fixture's shape valid (the one the webhook suite sends)", () => {
    expect(OrdersCreatePayload.safeParse(fixture("shopify/orders-create.json")).success).toBe(true);
  });
});

describe("Admin API retry delays", () => {
  it("waits for the points the query lacks at Shopify's restore rate", () => {
    // GIVEN a THROTTLED answer: 152 points requested, 52 available, 100 points/s restored
    const extensions = fixture<{ extensions: unknown }>("shopify/orders/throttled-response.json").extensions;
    // THEN one second
    expect(retryDelayMs(1, DEFAULT_RETRY, extensions)).toBe(1000);
  });

  it("honours Retry-After, else backs off exponentially, never beyond the cap", () => {
    expect(retryDelayMs(1, DEFAULT_RETRY, undefined, "2")).toBe(2000);
    expect(retryDelayMs(1, DEFAULT_RETRY)).toBe(250);
    expect(retryDelayMs(3, DEFAULT_RETRY)).toBe(1000);
    expect(retryDelayMs(20, DEFAULT_RETRY)).toBe(DEFAULT_RETRY.maxDelayMs);
  });
});
