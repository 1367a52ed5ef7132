import { describe, expect, it } from "vitest";
import { OrdersUpdatedPayload } from "../../../../contracts/order-change-webhooks";
import { describeOrderChange, orderFingerprint, updatedOrderInput } from "../order-fingerprint.server";

const order = (changes: Record<string, unknown> = {}) =>
  OrdersUpdatedPayload.parse({
    admin_graphql_api_id: "gid://shopify/Order/1",
    name: "#1",
    tags: "",
    note: null,
    line_items: [
      { variant_id: 11, sku: "MUG", quantity: 2, grams: 397, price: "14.99" },
      { variant_id: 15, sku: "LAMP", quantity: 1, grams: 3175, price: "79.99" },
    ],
    shipping_address: {
      address1: "1600 Champa St",
      city: "Denver",
      province_code: "CO",
      zip: "80202",
      country_code: "US",
    },
    shipping_lines: [],
    ...changes,
  });
const fp = (changes: Record<string, unknown> = {}) => orderFingerprint(updatedOrderInput(order(changes)));

describe("the order fingerprint routing compares", () => {
  it("ignores tags, note, prices and the order of lines", () => {
    // GIVEN an order WHEN only what routing does not use changes THEN the fingerprint stays
    const base = fp();
    expect(fp({ tags: "vip", note: "[Tailroute abc] Ontario" })).toBe(base);
    expect(fp({ line_items: [...order().line_items].reverse() })).toBe(base);
    expect(fp({ shipping_address: { ...order().shipping_address, city: " denver " } })).toBe(base);
  });

  it("changes with the address or the units to ship, counting an edit's current_quantity", () => {
    // GIVEN an order WHEN its ZIP, or what is left of a line, changes THEN so does the fingerprint
    const base = fp();
    expect(fp({ shipping_address: { ...order().shipping_address, zip: "80203" } })).not.toBe(base);
    const lampRemoved = order().line_items.map((l) => ({
      ...l,
      current_quantity: l.sku === "LAMP" ? 0 : l.quantity,
    }));
    expect(fp({ line_items: lampRemoved })).not.toBe(base);
  });

  it("says what changed, for the decision's record", () => {
    // GIVEN the input a decision was taken on WHEN the address and a line change THEN both are named
    const before = updatedOrderInput(order());
    const after = updatedOrderInput(
      order({
        shipping_address: {
          address1: "1 Gateway Center",
          city: "Newark",
          province_code: "NJ",
          zip: "07102",
          country_code: "US",
        },
        line_items: order().line_items.map((l) => ({
          ...l,
          current_quantity: l.sku === "MUG" ? 3 : l.quantity,
        })),
      }),
    );
    expect(describeOrderChange(before, after)).toEqual({
      addressChanged: true,
      linesChanged: true,
      text: "Shipping address changed: Denver CO 80202 → Newark NJ 07102; Lines changed: 11 2 → 3",
    });
    expect(describeOrderChange(before, before).text).toBe("Nothing routing-relevant changed");
  });
});
