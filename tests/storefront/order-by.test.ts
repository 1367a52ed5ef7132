import { describe, expect, it } from "vitest";
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import { compileShopConfig, lookupZip, type CompiledShopConfig } from "../../app/engine";
import { promiseRateRequest, promiseSpeeds } from "../../app/services/storefront/promise.server";
import type { ShopRuntime } from "../../app/services/shop/runtime-cache.server";

// The order-by instant of each speed, in process with a fixed clock: right before it the window is the one
// promised, right after it the window moves.
const runtime: ShopRuntime<CompiledShopConfig> = {
  shop: demoShopConfig.shop,
  callbackToken: "t",
  configVersion: 1,
  stockVersion: 1,
  backorderDays: 5,
  installed: true,
  config: demoShopConfig,
  compiled: compileShopConfig(demoShopConfig),
  onCallbackFailure: "FALLBACK_RATES",
  laneStats: [],
};
const query = { variant_id: DEMO_VARIANTS.tee, quantity: 1, zip: "10001", price: 2000, grams: 170 };
const request = promiseRateRequest(runtime, query, lookupZip("10001")!);
const windows = (now: Date) =>
  Object.fromEntries(promiseSpeeds(runtime, request, now).map((s) => [s.code, s.arrives]));

describe("promiseSpeeds: the order-by instant", () => {
  it.each([
    ["a Tuesday morning", "2026-12-08T15:00:00Z"],
    ["a Tuesday evening, after every cutoff", "2026-12-08T23:30:00Z"],
    ["a Friday evening (the next ship day is Monday)", "2026-12-11T23:30:00Z"],
    ["a Sunday", "2026-12-13T16:00:00Z"],
  ])("on %s keeps the window until it and moves it after it", (_when, iso) => {
    // GIVEN a T-shirt to Manhattan quoted at this instant
    const now = new Date(iso);
    const speeds = promiseSpeeds(runtime, request, now);
    expect(speeds.length).toBeGreaterThan(0);
    for (const speed of speeds) {
      const orderBy = Date.parse(speed.orderBy);
      // WHEN the same cart is quoted a minute before and a minute after the order-by instant
      const before = windows(new Date(orderBy - 60_000))[speed.code];
      const after = windows(new Date(orderBy + 60_000))[speed.code];
      // THEN the window holds until then and is later afterwards
      expect(orderBy).toBeGreaterThan(now.getTime());
      expect(before).toEqual(speed.arrives);
      expect(after?.from ?? "9999").not.toBe(speed.arrives.from);
    }
  });

  it("names the warehouse cutoff of the next open day on a Friday evening", () => {
    // GIVEN Friday 2026-12-11, 18:30 in New York (after Edison's 14:00 cutoff)
    const speeds = promiseSpeeds(runtime, request, new Date("2026-12-11T23:30:00Z"));
    // WHEN the product page reads the standard speed's order-by
    const standard = speeds.find((s) => s.code === "TR_STANDARD")!;
    // THEN it is Monday at 14:00 New York time (19:00 UTC)
    expect(standard.orderBy).toBe("2026-12-14T19:00:00.000Z");
  });
});
