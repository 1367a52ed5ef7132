import { describe, expect, it } from "vitest";
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import {
  DEFAULT_PICKUP_RULES,
  evaluateNetwork,
  PLAN_RULES,
  type PickupCarrierPlan,
  findPickupOptions,
  PickupPointIndex,
  type PickupNetworkRule,
  type PickupPointRecord,
} from "../../app/engine/pickup";
import type { CartLine, ShopConfig } from "../../app/engine/types";

const NOW = new Date("2026-11-20T15:20:00Z");
const LA = {
  country: "US",
  zip: "90012",
  state: "CA",
  city: "Los Angeles",
  addressLines: ["200 N Spring St"],
};
const tee = (quantity = 1): CartLine => ({
  variantId: DEMO_VARIANTS.tee,
  quantity,
  grams: 0,
  priceCents: 2000,
});
const hoodie = (quantity = 1): CartLine => ({
  variantId: DEMO_VARIANTS.hoodie,
  quantity,
  grams: 0,
  priceCents: 4500,
});
const line = (variant: keyof typeof DEMO_VARIANTS): CartLine => ({
  variantId: DEMO_VARIANTS[variant],
  quantity: 1,
  grams: 0,
  priceCents: 3000,
});
const enabled = (network: keyof typeof DEFAULT_PICKUP_RULES, patch: Partial<PickupNetworkRule> = {}) => ({
  ...DEFAULT_PICKUP_RULES[network],
  enabled: true,
  ...patch,
});
const ups = (patch: Partial<PickupNetworkRule> = {}) => enabled("UPS_ACCESS_POINT", patch);
const evaluate = (rule: PickupNetworkRule, cart: CartLine[], config: ShopConfig = demoShopConfig) =>
  evaluateNetwork(config, rule, { cart, destination: LA, now: NOW });
const codes = (result: ReturnType<typeof evaluate>) =>
  result.eligible ? [] : result.exclusions.map((e) => e.code);

/** The demo shop plus an Amazon-delivered service (a copy of UPS Ground carried by Amazon). */
const withAmazon: ShopConfig = {
  ...demoShopConfig,
  carrierServices: [
    ...demoShopConfig.carrierServices,
    {
      ...demoShopConfig.carrierServices.find((s) => s.id === "ups-ground")!,
      id: "amazon-ground",
      carrier: "Amazon",
      name: "Amazon Shipping Ground",
    },
  ],
};

describe("pickup eligibility rules, one at a time", () => {
  it("a small ordinary parcel is eligible for UPS Access Point, served by UPS from a warehouse", () => {
    // GIVEN a T-shirt and UPS Access Point enabled with the carrier defaults
    // WHEN the network is evaluated
    const result = evaluate(ups(), [tee()]);
    // THEN it is eligible and UPS carries it, with the packed parcel known
    expect(result.eligible).toBe(true);
    if (!result.eligible) return;
    expect(result.plan.carrier).toBe("UPS");
    expect(result.plan.packages.length).toBeGreaterThan(0);
    expect(result.plan.warehouseIds).toHaveLength(1);
  });

  it("NETWORK_DISABLED: a network the merchant has not enabled is never offered", () => {
    // GIVEN the defaults (every network disabled)
    const result = evaluate(DEFAULT_PICKUP_RULES.UPS_ACCESS_POINT, [tee()]);
    // THEN the only reason is that the shop does not offer it
    expect(codes(result)).toEqual(["NETWORK_DISABLED"]);
  });

  it("CARRIER_CANNOT_SERVE: Amazon Hub Locker needs an Amazon-delivered service, the demo shop has none", () => {
    // GIVEN Amazon lockers enabled but no Amazon service configured
    const result = evaluate(enabled("AMAZON_LOCKER"), [tee()]);
    // THEN the network is out because its carrier cannot serve the cart
    expect(codes(result)).toEqual(["CARRIER_CANNOT_SERVE"]);
    // AND with an Amazon service it becomes eligible (the rule is the carrier, nothing else)
    expect(evaluate(enabled("AMAZON_LOCKER"), [tee()], withAmazon).eligible).toBe(true);
  });

  it("PRODUCT_NOT_ALLOWED: fragile, valuable and cold-chain products each exclude the network", () => {
    // GIVEN one flagged product per cart
    for (const variant of ["mug", "watch", "coldBrewKit"] as const) {
      // WHEN UPS Access Point is evaluated
      const result = evaluate(ups(), [tee(), line(variant)]);
      // THEN it is excluded, naming the product
      expect(codes(result)).toEqual(["PRODUCT_NOT_ALLOWED"]);
    }
    // AND a merchant who allows fragile goods gets the mug through
    expect(evaluate(ups({ excludeFragile: false }), [line("mug")]).eligible).toBe(true);
  });

  it("VALUE_OVER_CAP: the order value must stay under the network's cap", () => {
    // GIVEN Amazon's $5,000 cap and a $50 cap set by the merchant on UPS
    // WHEN a $60 cart is evaluated
    const result = evaluate(ups({ maxValueCents: 5000 }), [tee(3)]);
    // THEN it is over the cap; a $40 cart is not
    expect(codes(result)).toEqual(["VALUE_OVER_CAP"]);
    expect(evaluate(ups({ maxValueCents: 5000 }), [tee(2)]).eligible).toBe(true);
    // AND exactly at the cap is not "under" it
    expect(codes(evaluate(ups({ maxValueCents: 4000 }), [tee(2)]))).toEqual(["VALUE_OVER_CAP"]);
  });

  it("PARCEL_TOO_HEAVY: the packed parcel's actual weight must fit the network limit", () => {
    // GIVEN three hoodies (4.5 lb of goods plus the carton) and a 4 lb limit
    const result = evaluate(ups({ maxWeightLb: 4 }), [hoodie(3)]);
    // THEN the packed parcel is too heavy; a 10 lb limit takes it
    expect(codes(result)).toEqual(["PARCEL_TOO_HEAVY"]);
    expect(evaluate(ups({ maxWeightLb: 10 }), [hoodie(3)]).eligible).toBe(true);
  });

  it("PARCEL_TOO_LARGE: longest side and the locker compartment (sorted sides) are both checked", () => {
    // GIVEN a T-shirt, and the parcel UPS would carry it in (sides sorted longest first)
    const packed = evaluate(ups(), [tee()]);
    if (!packed.eligible) throw new Error("precondition: the T-shirt ships UPS");
    const box = packed.plan.packages[0];
    const [a, b, c] = [box.lengthIn, box.widthIn, box.heightIn].sort((x, y) => y - x);
    // WHEN the longest side allowed is an inch shorter than the parcel's
    expect(codes(evaluate(ups({ maxLongestIn: a - 1 }), [tee()]))).toEqual(["PARCEL_TOO_LARGE"]);
    // AND when the compartment is an inch too shallow
    expect(codes(evaluate(ups({ maxDimensionsIn: [a, b, c - 1] }), [tee()]))).toEqual(["PARCEL_TOO_LARGE"]);
    // THEN a compartment of exactly the parcel's size takes it
    expect(evaluate(ups({ maxDimensionsIn: [a, b, c] }), [tee()]).eligible).toBe(true);
  });

  it("Amazon's default compartment (16×14×12 in) refuses the brass lamp's 28 in carton even when fragile goods are allowed", () => {
    // GIVEN Amazon lockers with fragile goods allowed
    const result = evaluate(enabled("AMAZON_LOCKER", { excludeFragile: false }), [line("lamp")], withAmazon);
    // THEN the lamp's parcel is too large (and at 7+ lb it is not the weight that refuses it)
    expect(codes(result)).toEqual(["PARCEL_TOO_LARGE"]);
  });

  it("every failing cart rule is reported, not only the first", () => {
    // GIVEN a disabled network, a valuable watch and a $1 cap
    const result = evaluate({ ...DEFAULT_PICKUP_RULES.UPS_ACCESS_POINT, maxValueCents: 100 }, [
      line("watch"),
    ]);
    // THEN all three reasons come back
    expect(codes(result)).toEqual(["NETWORK_DISABLED", "PRODUCT_NOT_ALLOWED", "VALUE_OVER_CAP"]);
  });
});

describe("carrier limits at their edges (docs/carrier-rules.md)", () => {
  /** A plan whose one parcel has exactly these sides (in) and weight (lb), as the carrier would pack it. */
  const planWith = (sides: [number, number, number], lb: number): PickupCarrierPlan =>
    ({
      carrier: "X",
      serviceId: "x",
      serviceName: "X",
      warehouseIds: ["w"],
      costCents: 0,
      packages: [
        {
          cartonId: null,
          lengthIn: sides[0],
          widthIn: sides[1],
          heightIn: sides[2],
          weightOz: lb * 16,
          actualLb: lb,
          dimLb: 0,
          billableLb: lb,
          contents: [],
        },
      ],
    }) as unknown as PickupCarrierPlan;
  const planCodes = (rule: PickupNetworkRule, plan: PickupCarrierPlan) =>
    PLAN_RULES.filter((r) => r.check(rule, plan) !== null).map((r) => r.code);
  const amazon = DEFAULT_PICKUP_RULES.AMAZON_LOCKER;
  const usps = DEFAULT_PICKUP_RULES.USPS_HOLD_FOR_PICKUP;

  it("Amazon Hub Locker: a parcel of exactly 10 lb is refused (limit is under 10 lb); 9.9 lb fits", () => {
    expect(planCodes(amazon, planWith([10, 8, 4], 10))).toEqual(["PARCEL_TOO_HEAVY"]);
    expect(planCodes(amazon, planWith([10, 8, 4], 9.9))).toEqual([]);
  });

  it("Amazon Hub Locker: a side exactly at 16 / 14 / 12 in is refused (under 16×12×14 in); just under fits", () => {
    // GIVEN parcels at the compartment's exact sides, one side at a time, in any orientation
    for (const sides of [
      [16, 10, 8],
      [15, 14, 8],
      [15, 13, 12],
      [12, 16, 14],
    ] as [number, number, number][]) {
      // THEN each is too large
      expect(planCodes(amazon, planWith(sides, 2))).toEqual(["PARCEL_TOO_LARGE"]);
    }
    // AND 15.9 × 13.9 × 11.9 in (any orientation) fits
    expect(planCodes(amazon, planWith([11.9, 15.9, 13.9], 2))).toEqual([]);
  });

  it("Amazon Hub Locker: an order worth exactly $5,000 is refused; $4,999.99 is not", () => {
    // GIVEN Amazon lockers and an Amazon-delivered service
    const rule = { ...amazon, enabled: true };
    const worth = (cents: number) =>
      evaluateNetwork(withAmazon, rule, { cart: [tee()], destination: LA, now: NOW, orderValueCents: cents });
    const at = worth(500_000);
    // THEN $5,000 is over the cap; a cent less passes
    expect(at.eligible ? [] : at.exclusions.map((e) => e.code)).toEqual(["VALUE_OVER_CAP"]);
    expect(worth(499_999).eligible).toBe(true);
  });

  it("USPS Hold for Pickup: length + girth over 130 in is refused even with every side within 108 in; 130 exactly fits", () => {
    // GIVEN 40 × 23 × 22 in: girth 90, L+G 130 — and 40 × 23 × 23 in: L+G 132
    expect(planCodes(usps, planWith([40, 23, 22], 20))).toEqual([]);
    expect(planCodes(usps, planWith([40, 23, 23], 20))).toEqual(["PARCEL_TOO_LARGE"]);
    const why = PLAN_RULES.find((r) => r.code === "PARCEL_TOO_LARGE")!.check(
      usps,
      planWith([40, 23, 23], 20),
    );
    expect(why).toMatch(/132 in length \+ girth, limit 130 in/);
    // AND 70 lb exactly is allowed (USPS limits are "at most"), 70.1 lb is not
    expect(planCodes(usps, planWith([20, 10, 10], 70))).toEqual([]);
    expect(planCodes(usps, planWith([20, 10, 10], 70.1))).toEqual(["PARCEL_TOO_HEAVY"]);
  });

  it("FedEx Hold at Location and USPS Hold for Pickup only take their own carrier's parcels", () => {
    // GIVEN both networks enabled in the demo shop (UPS, FedEx and USPS services)
    for (const [network, carrier] of [
      ["FEDEX_HOLD_AT_LOCATION", "FedEx"],
      ["USPS_HOLD_FOR_PICKUP", "USPS"],
    ] as const) {
      // WHEN a T-shirt is evaluated THEN the plan is the network's own carrier, whatever is cheapest overall
      const result = evaluate(enabled(network), [tee()]);
      expect(result.eligible && result.plan.carrier).toBe(carrier);
      // AND with that carrier's services removed, UPS cannot stand in: the carrier cannot serve
      const without: ShopConfig = {
        ...demoShopConfig,
        carrierServices: demoShopConfig.carrierServices.filter((s) => s.carrier !== carrier),
      };
      expect(codes(evaluate(enabled(network), [tee()], without))).toEqual(["CARRIER_CANNOT_SERVE"]);
    }
  });
});

describe("findPickupOptions", () => {
  const point = (
    id: string,
    network: PickupPointRecord["network"],
    lat: number,
    lng: number,
  ): PickupPointRecord => ({
    id,
    network,
    externalId: id,
    name: `Point ${id}`,
    address1: "1 Main St",
    city: "Los Angeles",
    province: "CA",
    zip: "90012",
    lat,
    lng,
    hours: "Mon-Fri 9-5",
  });
  // 90012's centroid is about (34.06, -118.24); 0.01° latitude ≈ 0.69 mi.
  const index = new PickupPointIndex([
    point("ups-near", "UPS_ACCESS_POINT", 34.07, -118.24),
    point("ups-mid", "UPS_ACCESS_POINT", 34.12, -118.24),
    point("ups-far", "UPS_ACCESS_POINT", 34.5, -118.24),
    point("fedex-near", "FEDEX_HOLD_AT_LOCATION", 34.08, -118.24),
    point("usps-near", "USPS_HOLD_FOR_PICKUP", 34.065, -118.24),
  ]);
  const rules = [
    ups(),
    enabled("FEDEX_HOLD_AT_LOCATION"),
    DEFAULT_PICKUP_RULES.USPS_HOLD_FOR_PICKUP,
    enabled("AMAZON_LOCKER"),
  ];

  it("returns eligible networks' points nearest first within each network's max distance, and why others are out", () => {
    // GIVEN UPS and FedEx enabled, USPS disabled, Amazon enabled without an Amazon service
    // WHEN a T-shirt buyer in 90012 asks
    const result = findPickupOptions(demoShopConfig, rules, index, {
      cart: [tee()],
      destination: LA,
      now: NOW,
    });
    // THEN UPS/FedEx points within 15 mi come back sorted by distance, with carrier and hold days
    expect(result.options.map((o) => o.point.id)).toEqual(["ups-near", "fedex-near", "ups-mid"]);
    const distances = result.options.map((o) => o.distanceMiles);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(result.options[0]).toMatchObject({ carrier: "UPS", holdDays: 7, holdDaysKind: "CALENDAR" });
    expect(result.options[1]).toMatchObject({ carrier: "FedEx", holdDays: 5, holdDaysKind: "BUSINESS" });
    // AND the summary explains USPS (disabled) and Amazon (no Amazon service)
    expect(result.excluded.map((e) => [e.network, e.code])).toEqual([
      ["USPS_HOLD_FOR_PICKUP", "NETWORK_DISABLED"],
      ["AMAZON_LOCKER", "CARRIER_CANNOT_SERVE"],
    ]);
  });

  it("reports NONE_NEARBY for an eligible network without a point in range, and an unknown ZIP as a problem", () => {
    // GIVEN FedEx limited to 0.5 mi
    const tight = [ups(), enabled("FEDEX_HOLD_AT_LOCATION", { maxDistanceMiles: 0.5 })];
    const result = findPickupOptions(demoShopConfig, tight, index, {
      cart: [tee()],
      destination: LA,
      now: NOW,
    });
    // THEN FedEx is out for distance
    expect(result.excluded).toEqual([
      expect.objectContaining({ network: "FEDEX_HOLD_AT_LOCATION", code: "NONE_NEARBY" }),
    ]);
    // AND a ZIP that does not exist gives a problem instead of an exception
    const unknown = findPickupOptions(demoShopConfig, tight, index, {
      cart: [tee()],
      destination: { ...LA, zip: "00000" },
      now: NOW,
    });
    expect(unknown.problem?.code).toBe("UNKNOWN_DESTINATION");
    expect(unknown.options).toEqual([]);
  });
});
