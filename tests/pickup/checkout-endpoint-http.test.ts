import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PickupPointsResponseSchema } from "../../app/contracts/pickup-api";
import { DEMO_VARIANTS } from "../../app/demo/demo-shop-config";
import { extensionSessionToken } from "../../scripts/lib/session-token";
import { recordUninstall } from "../../app/services/shop/lifecycle.server";
import { savePickupReliabilityRule } from "../../app/services/pickup/pickup-reliability.server";
import { appDatabase } from "../support/app-database";
import { TEST_API_KEY } from "../support/global-setup";
import { pickupQuery, seedPickupShop } from "./pickup-shop";

// Over real HTTP against the app the global setup started: the session token is a real HS256 JWT signed
// with the app secret, exactly what `shopify.sessionToken.get()` gives a checkout extension.

const db = appDatabase();
const SHOP = "pickup-http.myshopify.com";
const OTHER = "pickup-http-other.myshopify.com";
const ORIGIN = "https://extensions.shopifycdn.com";
const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

const token = (shop = SHOP, extra: { expiresIn?: number; secret?: string } = {}) =>
  extensionSessionToken({
    shop,
    apiKey: TEST_API_KEY,
    secret: extra.secret ?? inject("appApiSecret"),
    ...extra,
  });
const get = (query: string, bearer: string | null = token(), path = "/api/checkout/pickup-points") =>
  fetch(`${inject("appUrl")}${path}?${query}`, {
    headers: {
      Origin: ORIGIN,
      "User-Agent": BROWSER,
      ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
    },
  });

beforeAll(async () => {
  await seedPickupShop(db, SHOP);
});
afterAll(() => db.$disconnect());

describe("GET /api/checkout/pickup-points", () => {
  it("answers a valid session token with eligible points nearest first, CORS headers and the exclusion summary", async () => {
    // GIVEN a shop with UPS, FedEx and USPS pickup and three downtown LA points
    // WHEN a checkout extension asks for a T-shirt going to 90012
    const response = await get(pickupQuery());
    // THEN the answer validates against the contract, with CORS for the extension's origin
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = PickupPointsResponseSchema.parse(await response.json());
    expect(body.points.map((p) => p.externalId)).toEqual(["USPS-LA-1", "UPS-LA-1", "FDX-LA-1"]);
    expect(body.points.map((p) => p.distanceMiles)).toEqual(
      [...body.points.map((p) => p.distanceMiles)].sort((a, b) => a - b),
    );
    expect(body.points[1]).toMatchObject({
      network: "UPS_ACCESS_POINT",
      carrier: "UPS",
      holdDays: 7,
      isSample: false,
    });
    expect(body.excluded).toEqual([
      expect.objectContaining({ network: "AMAZON_LOCKER", code: "NETWORK_DISABLED" }),
    ]);
  });

  it("explains why a fragile item gets no point at all", async () => {
    // GIVEN a cart with a ceramic mug (fragile)
    const lines = [{ variantId: DEMO_VARIANTS.mug, quantity: 1, priceCents: 1800 }];
    // WHEN queried THEN no points, and every enabled network says the product is not allowed
    const body = PickupPointsResponseSchema.parse(await (await get(pickupQuery({}, lines))).json());
    expect(body.points).toEqual([]);
    expect(body.excluded.filter((e) => e.code === "PRODUCT_NOT_ALLOWED").map((e) => e.network)).toEqual([
      "AMAZON_LOCKER",
      "UPS_ACCESS_POINT",
      "FEDEX_HOLD_AT_LOCATION",
      "USPS_HOLD_FOR_PICKUP",
    ]);
  });

  it("answers the CORS preflight without a token", async () => {
    // WHEN the browser sends OPTIONS before the GET
    const response = await fetch(`${inject("appUrl")}/api/checkout/pickup-points`, {
      method: "OPTIONS",
      headers: { Origin: ORIGIN, "Access-Control-Request-Method": "GET", "User-Agent": BROWSER },
    });
    // THEN it is a 204 that allows the Authorization header from any origin
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
  });

  it("refuses a missing, expired or forged token with 401 (and CORS headers so the extension can tell)", async () => {
    // GIVEN no token, a token that expired a minute ago, and one signed with another secret
    const missing = await get(pickupQuery(), null);
    const expired = await get(pickupQuery(), token(SHOP, { expiresIn: -60 }));
    const forged = await get(pickupQuery(), token(SHOP, { secret: "not-the-app-secret" }));
    // THEN each is 401
    for (const response of [missing, expired, forged]) {
      expect(response.status).toBe(401);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
    }
  });

  it("another shop's valid token never sees this shop's directory", async () => {
    // GIVEN a valid token of a shop that is not installed, and of one installed without pickup points
    const unknown = await get(pickupQuery(), token("pickup-nobody.myshopify.com"));
    await seedPickupShop(db, OTHER);
    await db.pickupPoint.deleteMany({ where: { shop: OTHER } });
    const other = await get(pickupQuery(), token(OTHER));
    // THEN the unknown shop gets 404 and the other shop an empty list, never this shop's points
    expect(unknown.status).toBe(404);
    expect(other.status).toBe(200);
    const body = PickupPointsResponseSchema.parse(await other.json());
    expect(body.points).toEqual([]);
    expect(body.excluded.map((e) => e.code)).toContain("NONE_NEARBY");
    // AND once that shop uninstalls the app, its token gets 404
    await recordUninstall(db, OTHER, new Date());
    expect((await get(pickupQuery(), token(OTHER))).status).toBe(404);
  });

  it("bad input is a 400 with the reason, never a 500", async () => {
    // GIVEN malformed lines JSON, a missing ZIP, a negative quantity and a too-large limit
    const cases = [
      [pickupQuery({ lines: "[{" }), /lines must be JSON/],
      [pickupQuery({ zip: "" }), /zip/],
      [pickupQuery({}, [{ variantId: DEMO_VARIANTS.tee, quantity: -1, priceCents: 100 }]), /quantity/],
      [pickupQuery({ limit: "500" }), /limit/],
    ] as const;
    for (const [query, reason] of cases) {
      // WHEN sent
      const response = await get(query);
      // THEN 400 with the reason in JSON
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(reason);
    }
    // AND a ZIP that does not exist is a 200 with the problem stated and no points
    const body = PickupPointsResponseSchema.parse(await (await get(pickupQuery({ zip: "00000" }))).json());
    expect(body).toMatchObject({ points: [], problem: { code: "UNKNOWN_DESTINATION" } });
  });

  it("ranks a point whose parcels are often not collected after the points as near, and flags it", async () => {
    // GIVEN a shop whose nearest point (USPS-LA-1) had 12 parcels held: 3 collected, 9 sent back
    const shop = "pickup-http-ranking.myshopify.com";
    await seedPickupShop(db, shop);
    const nearestFirst = PickupPointsResponseSchema.parse(
      await (await get(pickupQuery(), token(shop))).json(),
    );
    expect(nearestFirst.points[0]).toMatchObject({ externalId: "USPS-LA-1", oftenUncollected: false });
    const low = await db.pickupPoint.findFirstOrThrow({ where: { shop, externalId: "USPS-LA-1" } });
    const heldAt = new Date(Date.now() - 20 * 86_400_000);
    await db.shipment.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({
        shop,
        carrier: "USPS",
        trackingNumber: `9400RANK${i}`,
        pickupPointId: low.id,
        holdStartedAt: heldAt,
        ...(i < 3 ? { status: "PICKED_UP" } : { status: "AVAILABLE_FOR_PICKUP", returningToOrigin: true }),
      })),
    });
    // AND the shop's rule: 10 finished holds, under 80 % collected, ranked 5 mi farther (saved as the admin does)
    expect(
      await savePickupReliabilityRule(db, shop, {
        minParcels: 10,
        minPickupRatePercent: 80,
        penaltyMiles: 5,
      }),
    ).toMatchObject({ ok: true });
    // WHEN the checkout asks again
    const ranked = PickupPointsResponseSchema.parse(await (await get(pickupQuery(), token(shop))).json());
    // THEN the point comes last, flagged, and the others are not
    expect(ranked.points.map((p) => p.externalId)).toEqual(["UPS-LA-1", "FDX-LA-1", "USPS-LA-1"]);
    expect(ranked.points.map((p) => p.oftenUncollected)).toEqual([false, false, true]);
  });

  it("picks up a new directory import on the next request (config version)", async () => {
    // GIVEN the UPS point is deleted through the service (as the admin does)
    const before = PickupPointsResponseSchema.parse(await (await get(pickupQuery())).json());
    await db.pickupPoint.deleteMany({ where: { shop: SHOP, externalId: "UPS-LA-1" } });
    await db.shop.update({ where: { shop: SHOP }, data: { configVersion: { increment: 1 } } });
    // WHEN asked again THEN it is gone
    const after = PickupPointsResponseSchema.parse(await (await get(pickupQuery())).json());
    expect(before.points.map((p) => p.externalId)).toContain("UPS-LA-1");
    expect(after.points.map((p) => p.externalId)).not.toContain("UPS-LA-1");
    await seedPickupShop(db, SHOP);
  });
});
