import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { PickupOrderStateSchema, PickupPointsResponseSchema } from "../../app/contracts/pickup-api";
import { createPrismaClient } from "../../app/db.server";
import { DEMO_VARIANTS } from "../../app/demo/demo-shop-config";
import { FakeOrderShop } from "../../scripts/lib/fake-order-shop";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { extensionSessionToken } from "../../scripts/lib/session-token";
import { TEST_API_KEY, TEST_API_SECRET } from "../support/global-setup";
import { routeAdminCalls } from "../support/test-app";
import { pickupQuery, seedPickupShop } from "./pickup-shop";

// The order-status (customer account) endpoint over real HTTP, against the shared app server, whose Admin API calls
// with this shop's offline token reach a local fake Shopify holding the buyer's order (routeAdminCalls): the choice
// is written with that token.

const SHOP = "pickup-after.myshopify.com";
const OFFLINE_TOKEN = "shpat_pickup_after_endpoint";
const ORDER_ID = "gid://shopify/Order/8800001";
const BUYER = "gid://shopify/Customer/7001";
const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
// The shared app server and its database (global-setup.ts); this suite's shop is its own.
const appUrl = inject("appUrl");
const db = createPrismaClient(inject("appDatabaseUrl"));
let shopify: FakeShopifyAdmin;
let store: FakeOrderShop;

const token = (shop = SHOP, extra: { sub?: string; secret?: string; expiresIn?: number } = {}) =>
  extensionSessionToken({
    shop,
    apiKey: TEST_API_KEY,
    secret: extra.secret ?? TEST_API_SECRET,
    sub: BUYER,
    ...extra,
  });
const post = (body: unknown, bearer = token()) =>
  fetch(`${appUrl}/api/customer-account/pickup-points`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${bearer}`,
      "Content-Type": "application/json",
      Origin: "https://extensions.shopifycdn.com",
      "User-Agent": BROWSER,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const pointId = async (externalId: string) =>
  (await db.pickupPoint.findFirstOrThrow({ where: { shop: SHOP, externalId } })).id;

beforeAll(async () => {
  await seedPickupShop(db, SHOP);
  await db.session.create({
    data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: OFFLINE_TOKEN },
  });
  shopify = await new FakeShopifyAdmin().start();
  await routeAdminCalls(OFFLINE_TOKEN, shopify.url);
});
afterAll(async () => {
  await shopify?.stop();
  await db.$disconnect();
});
beforeEach(() => {
  shopify.reset();
  store = new FakeOrderShop(shopify).install();
  // GIVEN (every test) the buyer's unfulfilled order: two T-shirts to downtown LA
  store.orderId = ORDER_ID;
  store.note = "Leave at the front desk";
  store.metafields.clear();
  store.displayFulfillmentStatus = "UNFULFILLED";
  store.customerId = BUYER;
  store.shippingAddress = {
    zip: "90012",
    countryCodeV2: "US",
    provinceCode: "CA",
    city: "Los Angeles",
    address1: "200 N Spring St",
  };
  store.lineItems = [{ variantId: DEMO_VARIANTS.tee, sku: "TEE-M-BLK", quantity: 2, unitPrice: "20.00" }];
});

describe("POST /api/customer-account/pickup-points (order status page)", () => {
  it("records the chosen point on the unfulfilled order: metafield and note, through the Admin API", async () => {
    // GIVEN the order was already routed (home delivery)
    await db.routingDecision.create({
      data: { shop: SHOP, orderId: ORDER_ID, status: "APPLIED", plan: {}, reasons: [], actions: [] },
    });
    // WHEN the signed-in buyer picks the UPS Access Point for their order
    const id = await pointId("UPS-LA-1");
    const response = await post({ orderId: ORDER_ID, pointId: id });
    // THEN 200, and Shopify's order has the $app:pickup_point metafield and a note line after the buyer's note
    expect(response.status).toBe(200);
    expect(JSON.parse(store.metafields.get("$app.pickup_point")!.value)).toEqual({
      v: 1,
      pointId: id,
      network: "UPS_ACCESS_POINT",
      externalId: "UPS-LA-1",
      name: "The UPS Store #1234, Downtown",
    });
    expect(store.note).toMatch(/^Leave at the front desk\n\[Tailroute pickup\] Buyer chose UPS Access Point/);
    // AND the routing decision remembers the choice for the warehouse
    const decision = await db.routingDecision.findFirstOrThrow({ where: { shop: SHOP, orderId: ORDER_ID } });
    expect(decision.pickupPoint).toMatchObject({ pointId: id, chosenAfterPurchase: true });
    // AND a second choice replaces the line instead of adding one
    await post({ orderId: ORDER_ID, pointId: await pointId("FDX-LA-1") });
    expect(store.note!.match(/\[Tailroute pickup\]/g)).toHaveLength(1);
    expect(store.note).toMatch(/FedEx Hold at Location/);
  });

  it("refuses once the order is fulfilled (409) and writes nothing", async () => {
    // GIVEN the warehouse already shipped it
    store.displayFulfillmentStatus = "FULFILLED";
    const response = await post({ orderId: ORDER_ID, pointId: await pointId("UPS-LA-1") });
    // THEN 409 with the reason, no metafield, note untouched
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatch(/fulfilled/);
    expect(store.metafields.size).toBe(0);
    expect(store.note).toBe("Leave at the front desk");
  });

  it("refuses a point the order's items cannot go to (409), another customer's order (404), and bad input (400)", async () => {
    // GIVEN a fragile mug in the order
    store.lineItems = [{ variantId: DEMO_VARIANTS.mug, sku: "MUG-11OZ", quantity: 1, unitPrice: "14.99" }];
    const fragile = await post({ orderId: ORDER_ID, pointId: await pointId("UPS-LA-1") });
    expect(fragile.status).toBe(409);
    expect((await fragile.json()).error).toMatch(/not for valuable, fragile or cold-chain items/);
    // AND a token of another customer of the same shop sees no such order
    const stranger = await post(
      { orderId: ORDER_ID, pointId: await pointId("UPS-LA-1") },
      token(SHOP, { sub: "gid://shopify/Customer/9999" }),
    );
    expect(stranger.status).toBe(404);
    // AND malformed bodies are 400 with a reason
    expect((await post("{nope")).status).toBe(400);
    const badOrder = await post({ orderId: "12", pointId: "x" });
    expect(badOrder.status).toBe(400);
    expect((await badOrder.json()).error).toMatch(/orderId/);
    expect((await post({ orderId: ORDER_ID, pointId: "no-such-point" })).status).toBe(400);
    expect(store.metafields.size).toBe(0);
  });

  it("refuses forged and expired tokens (401) and another shop's token (404) without calling Shopify", async () => {
    const id = await pointId("UPS-LA-1");
    const forged = await post({ orderId: ORDER_ID, pointId: id }, token(SHOP, { secret: "wrong-secret" }));
    const expired = await post({ orderId: ORDER_ID, pointId: id }, token(SHOP, { expiresIn: -120 }));
    const otherShop = await post(
      { orderId: ORDER_ID, pointId: id },
      token("pickup-after-other.myshopify.com"),
    );
    expect(forged.status).toBe(401);
    expect(expired.status).toBe(401);
    expect(otherShop.status).toBe(404);
    expect(shopify.callsTo("metafieldsSet")).toHaveLength(0);
  });

  it("GET lists the eligible points with a customer-account token", async () => {
    const response = await fetch(`${appUrl}/api/customer-account/pickup-points?${pickupQuery()}`, {
      headers: { Authorization: `Bearer ${token()}`, "User-Agent": BROWSER },
    });
    expect(response.status).toBe(200);
    const body = PickupPointsResponseSchema.parse(await response.json());
    expect(body.points).toHaveLength(3);
  });

  it("GET ?orderId= answers the order's pickup state: changeable while unfulfilled, the current choice", async () => {
    const state = (bearer = token()) =>
      fetch(`${appUrl}/api/customer-account/pickup-points?orderId=${encodeURIComponent(ORDER_ID)}`, {
        headers: { Authorization: `Bearer ${bearer}`, "User-Agent": BROWSER },
      });
    // GIVEN an unfulfilled order delivered home
    const home = PickupOrderStateSchema.parse(await (await state()).json());
    expect(home.order).toEqual({ id: ORDER_ID, status: "UNFULFILLED", changeable: true, choice: null });
    // WHEN the buyer chose a point and the order is then fulfilled
    const id = await pointId("UPS-LA-1");
    expect((await post({ orderId: ORDER_ID, pointId: id })).status).toBe(200);
    store.displayFulfillmentStatus = "FULFILLED";
    // THEN the state says so, with the choice read back from the order metafield
    const shipped = PickupOrderStateSchema.parse(await (await state()).json());
    expect(shipped.order).toMatchObject({ status: "FULFILLED", changeable: false, choice: { pointId: id } });
    // AND another customer's token sees no such order; a malformed id is a 400
    expect((await state(token(SHOP, { sub: "gid://shopify/Customer/9999" }))).status).toBe(404);
    const bad = await fetch(`${appUrl}/api/customer-account/pickup-points?orderId=42`, {
      headers: { Authorization: `Bearer ${token()}`, "User-Agent": BROWSER },
    });
    expect(bad.status).toBe(400);
  });
});

describe("/api/checkout/pickup-points after purchase (thank-you page, checkout session token)", () => {
  const checkoutPost = (body: unknown, sub: string | null = BUYER) =>
    fetch(`${appUrl}/api/checkout/pickup-points`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${extensionSessionToken({ shop: SHOP, apiKey: TEST_API_KEY, secret: TEST_API_SECRET, ...(sub ? { sub } : {}) })}`,
        "Content-Type": "application/json",
        Origin: "https://extensions.shopifycdn.com",
        "User-Agent": BROWSER,
      },
      body: JSON.stringify(body),
    });

  it("records the signed-in buyer's choice; a guest token (no sub) cannot touch the order", async () => {
    const id = await pointId("UPS-LA-1");
    // WHEN a guest's checkout token tries
    const guest = await checkoutPost({ orderId: ORDER_ID, pointId: id }, null);
    // THEN 404 and nothing written
    expect(guest.status).toBe(404);
    expect(store.metafields.size).toBe(0);
    // WHEN the signed-in buyer chooses on the thank-you page (whose order id may be an OrderIdentity gid),
    // then switches back to home delivery
    const orderIdentity = ORDER_ID.replace("/Order/", "/OrderIdentity/");
    expect((await checkoutPost({ orderId: orderIdentity, pointId: id })).status).toBe(200);
    expect(JSON.parse(store.metafields.get("$app.pickup_point")!.value)).toMatchObject({ pointId: id });
    const home = await checkoutPost({ orderId: ORDER_ID, pointId: null });
    // THEN the metafield holds null and the note says home delivery
    expect(home.status).toBe(200);
    expect(store.metafields.get("$app.pickup_point")!.value).toBe("null");
    expect(store.note).toMatch(/Buyer cleared the pickup point: home delivery/);
  });
});
