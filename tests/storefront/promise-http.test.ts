import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PromiseAnswer } from "../../app/contracts/storefront-promise";
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { shopifyHmac } from "../../scripts/lib/signed-webhook";
import { appDatabase } from "../support/app-database";
import { seedPickupShop } from "../pickup/pickup-shop";
import { getPromise, proxyQuery } from "./proxy-request";

// The product page's promise over real HTTP, through the app server the global setup started, signed as
// Shopify's app proxy signs it; compared with the CarrierService callback for the same one-line carts.
const db = appDatabase();
const shop = "storefront-promise.myshopify.com";
const otherShop = "storefront-other.myshopify.com";
const goneShop = "storefront-gone.myshopify.com";
const freshShop = "storefront-fresh.myshopify.com";

beforeAll(async () => {
  await seedPickupShop(db, shop);
  await saveShopConfig(db, { ...demoShopConfig, shop: otherShop });
  await saveShopConfig(db, { ...demoShopConfig, shop: goneShop });
  await db.shop.update({ where: { shop: goneShop }, data: { uninstalledAt: new Date() } });
  await recordInstall(db, freshShop); // installed, nothing configured yet
});
afterAll(() => db.$disconnect());

const tee = { variant_id: DEMO_VARIANTS.tee, quantity: "1", zip: "90012", price: "2000", grams: "170" };

async function promise(buyer: Record<string, string>, forShop = shop): Promise<PromiseAnswer> {
  const response = await getPromise(proxyQuery(buyer, { shop: forShop }));
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as PromiseAnswer;
}

type Line = { variant: string; sku?: string; quantity: number; grams: number; price: number };

/** What checkout quotes for the same cart (the callback, HMAC-signed as Shopify signs it). */
async function checkoutRates(lines: Line | Line[], zip: string, state: string) {
  const body = JSON.stringify({
    rate: {
      origin: { country: "US", postal_code: "08817", province: "NJ", city: "Edison" },
      destination: {
        country: "US",
        postal_code: zip,
        province: state,
        city: "Anytown",
        address1: "12 Main St",
      },
      items: [lines].flat().map((line) => ({
        name: "Item",
        ...(line.sku ? { sku: line.sku } : {}),
        quantity: line.quantity,
        grams: line.grams,
        price: line.price,
        requires_shipping: true,
        variant_id: Number(line.variant),
      })),
      currency: "USD",
    },
  });
  const response = await fetch(new URL("/api/carrier-service", inject("appUrl")), {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": shopifyHmac(body, inject("appApiSecret")),
      "X-Shopify-Shop-Domain": shop,
    },
    body,
  });
  expect(response.status).toBe(200);
  const { rates } = (await response.json()) as {
    rates: { service_code: string; min_delivery_date: string; max_delivery_date: string }[];
  };
  return rates.map((r) => ({
    code: r.service_code,
    from: r.min_delivery_date.slice(0, 10),
    to: r.max_delivery_date.slice(0, 10),
  }));
}

describe("GET /proxy/promise (the same answer as checkout)", () => {
  const carts = [
    { what: "one mug", variant: DEMO_VARIANTS.mug, sku: "MUG-11OZ", quantity: 1, grams: 397, price: 1800 },
    { what: "three T-shirts", variant: DEMO_VARIANTS.tee, quantity: 3, grams: 170, price: 2000 },
    { what: "a watch", variant: DEMO_VARIANTS.watch, quantity: 1, grams: 0, price: 45000 },
    { what: "a cold-brew kit", variant: DEMO_VARIANTS.coldBrewKit, quantity: 2, grams: 0, price: 6500 },
    { what: "a lamp", variant: DEMO_VARIANTS.lamp, quantity: 1, grams: 0, price: 12000 },
    { what: "a sofa (freight)", variant: DEMO_VARIANTS.sofa, quantity: 1, grams: 0, price: 149900 },
    {
      what: "two mattresses (freight)",
      variant: DEMO_VARIANTS.mattress,
      quantity: 2,
      grams: 0,
      price: 89900,
    },
  ];
  const zips = [
    { where: "Manhattan (urban)", zip: "10001", state: "NY" },
    { where: "downtown Los Angeles (urban)", zip: "90012", state: "CA" },
    { where: "rural Montana", zip: "59324", state: "MT" },
    { where: "Anchorage, AK", zip: "99501", state: "AK" },
    { where: "Honolulu, HI", zip: "96813", state: "HI" },
  ];
  const cases = carts.flatMap((cart) => zips.map((z) => ({ ...cart, ...z })));

  it.each(cases)("quotes $what to $where with checkout's windows, tier by tier", async (c) => {
    const ask = () =>
      promise({
        variant_id: c.variant,
        quantity: String(c.quantity),
        zip: c.zip,
        price: String(c.price),
        grams: String(c.grams),
      });
    // GIVEN the cart checkout would rate for this variant, quantity and ZIP
    let checkout = await checkoutRates(c, c.zip, c.state);
    // WHEN the product page asks for the promise of the same line and ZIP
    let answer = await ask();
    // (asked again if a warehouse cutoff passed between the calls: checkout's own answer changed meanwhile)
    const again = await checkoutRates(c, c.zip, c.state);
    if (JSON.stringify(again) !== JSON.stringify(checkout)) {
      checkout = again;
      answer = await ask();
    }
    // THEN every speed has checkout's tier and arrival window, in checkout's order
    expect(answer.speeds.map((s) => ({ code: s.code, from: s.arrives.from, to: s.arrives.to }))).toEqual(
      checkout,
    );
    // AND every order-by instant lies ahead, within the coming week or so
    for (const speed of answer.speeds) {
      const orderBy = Date.parse(speed.orderBy);
      expect(orderBy).toBeGreaterThan(Date.now() - 5_000);
      expect(orderBy).toBeLessThan(Date.now() + 10 * 86_400_000);
    }
  });

  it("quotes a whole cart (the cart block's lines) with checkout's windows", async () => {
    // GIVEN a cart of two T-shirts and a lamp, as checkout would rate it to Manhattan
    const lines: Line[] = [
      { variant: DEMO_VARIANTS.tee, quantity: 2, grams: 170, price: 2000 },
      { variant: DEMO_VARIANTS.lamp, quantity: 1, grams: 0, price: 12000 },
    ];
    const ask = () =>
      promise({
        lines: lines.map((l) => `${l.variant}:${l.quantity}:${l.price}:${l.grams}`).join(","),
        zip: "10001",
      });
    let checkout = await checkoutRates(lines, "10001", "NY");
    // WHEN the cart block asks for the promise of the same lines
    let answer = await ask();
    const again = await checkoutRates(lines, "10001", "NY");
    if (JSON.stringify(again) !== JSON.stringify(checkout)) {
      checkout = again;
      answer = await ask();
    }
    // THEN it has checkout's tiers and windows, and names both lines
    expect(checkout.length).toBeGreaterThan(0);
    expect(answer.speeds.map((s) => ({ code: s.code, from: s.arrives.from, to: s.arrives.to }))).toEqual(
      checkout,
    );
    expect(answer.lines).toEqual([
      { variantId: DEMO_VARIANTS.tee, quantity: 2 },
      { variantId: DEMO_VARIANTS.lamp, quantity: 1 },
    ]);
  });

  it("offers at least one speed for most of the sample (the comparison is not vacuous)", async () => {
    // GIVEN the sample's parcel carts to the contiguous US
    // WHEN the product page asks for each
    const answers = await Promise.all(
      carts.map((c) =>
        promise({
          variant_id: c.variant,
          quantity: String(c.quantity),
          zip: "10001",
          price: String(c.price),
        }),
      ),
    );
    // THEN each has a speed with an arrival window
    for (const answer of answers) expect(answer.speeds.length).toBeGreaterThan(0);
  });
});

describe("GET /proxy/promise (answer)", () => {
  it("is cacheable for a minute by Shopify and the browser", async () => {
    // GIVEN a signed request for a T-shirt to downtown Los Angeles
    // WHEN the app answers
    const response = await getPromise(proxyQuery(tee, { shop }));
    // THEN it is JSON that may be cached 60 s
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("says a T-shirt can be picked up, with the points within 10 miles and the nearest one", async () => {
    // GIVEN a shop with three pickup points in downtown Los Angeles (UPS, FedEx, USPS)
    // WHEN the buyer asks for a T-shirt to 90012
    const answer = await promise(tee);
    // THEN the item is eligible, three points are near and the nearest is the USPS office in 90012
    expect(answer.pickup.eligible).toBe(true);
    expect(answer.pickup.pointsWithin10Miles).toBe(3);
    expect(answer.pickup.nearest?.network).toBe("USPS_HOLD_FOR_PICKUP");
    expect(answer.pickup.nearest?.distanceMiles).toBeLessThan(2);
  });

  it("says a sofa cannot be picked up, and gives the freight window instead", async () => {
    // GIVEN the same shop
    // WHEN the buyer asks for a sofa to 90012
    const answer = await promise({ ...tee, variant_id: DEMO_VARIANTS.sofa, price: "149900", grams: "0" });
    // THEN pickup is refused with the networks' reasons and only freight speeds are listed
    expect(answer.pickup).toMatchObject({ eligible: false, pointsWithin10Miles: 0, nearest: null });
    expect(answer.pickup.reasons.length).toBeGreaterThan(0);
    expect(answer.speeds.length).toBeGreaterThan(0);
    for (const speed of answer.speeds) expect(speed.code).toMatch(/^TR_FREIGHT_/);
  });

  it("counts no points for a ZIP far from the directory", async () => {
    // GIVEN a directory only in Los Angeles
    // WHEN the buyer asks for a T-shirt to Manhattan
    const answer = await promise({ ...tee, zip: "10001" });
    // THEN the T-shirt is still eligible but no point lies within 10 miles
    expect(answer.pickup).toMatchObject({ eligible: true, pointsWithin10Miles: 0, nearest: null });
  });
});

describe("GET /proxy/promise (bad input: a 4xx JSON with a reason, never a 5xx)", () => {
  it.each([
    ["an unknown variant", { ...tee, variant_id: "999999999" }, 404, /Unknown variant/],
    ["a malformed ZIP", { ...tee, zip: "9001" }, 400, /zip/],
    ["a ZIP with letters", { ...tee, zip: "SW1A 1AA" }, 400, /zip/],
    ["an unknown ZIP", { ...tee, zip: "00000" }, 400, /zip/],
    ["quantity 0", { ...tee, quantity: "0" }, 400, /quantity/],
    ["quantity 10^9", { ...tee, quantity: "1000000000" }, 400, /quantity/],
    ["quantity 1e9", { ...tee, quantity: "1e9" }, 400, /quantity/],
    ["no variant", { quantity: "1", zip: "90012" }, 400, /variant_id/],
    ["a negative price", { ...tee, price: "-5" }, 400, /price/],
    ["cart lines with quantity 0", { lines: `${DEMO_VARIANTS.tee}:0`, zip: "90012" }, 400, /quantity/],
    ["cart lines that are not id:qty", { lines: "abc", zip: "90012" }, 400, /lines/],
    [
      "cart lines with an unknown variant",
      { lines: `${DEMO_VARIANTS.tee}:1,999999999:1`, zip: "90012" },
      404,
      /Unknown variant/,
    ],
  ])("refuses %s", async (_what, buyer, status, reason) => {
    // GIVEN a correctly signed request with bad input
    // WHEN it reaches the app
    const response = await getPromise(proxyQuery(buyer as Record<string, string>, { shop }));
    // THEN the answer is the 4xx with the reason, never cached
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(reason);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a correctly signed request whose shop is no shop domain (found by fuzzing: it was a 503)", async () => {
    // GIVEN a query signed with the app secret for a shop parameter that is no myshopify.com domain
    // WHEN it reaches the app
    const response = await getPromise(proxyQuery(tee, { shop: "evil.example.com" }));
    // THEN it is a 400 with the reason
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/shop/);
  });

  it("answers 404 for a correctly signed request from an uninstalled shop", async () => {
    // GIVEN a shop that uninstalled the app
    // WHEN Shopify's proxy forwards a signed request for it
    const response = await getPromise(proxyQuery(tee, { shop: goneShop }));
    // THEN no promise is given
    expect(response.status).toBe(404);
  });

  it("answers 404 with the reason, not a 5xx, for a shop installed but not set up yet", async () => {
    const response = await getPromise(proxyQuery(tee, { shop: freshShop }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "The shop has no active warehouse yet" });
  });
});

describe("GET /proxy/promise (the proxy signature)", () => {
  const refused = async (params: Record<string, string>) => {
    const response = await getPromise(params);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toMatch(/signature/);
  };

  it("answers a valid signature", async () => {
    // GIVEN a request signed with the app secret just now
    // WHEN it reaches the app
    const response = await getPromise(proxyQuery(tee, { shop }));
    // THEN it is answered
    expect(response.status).toBe(200);
  });

  it("refuses a tampered query", async () => {
    // GIVEN a signed request whose ZIP was changed afterwards
    const params = { ...proxyQuery(tee, { shop }), zip: "10001" };
    // WHEN / THEN it is refused
    await refused(params);
  });

  it("refuses a stale signature", async () => {
    // GIVEN a request signed ten minutes ago (Shopify's tolerance is 90 s)
    const params = proxyQuery(tee, { shop, timestamp: Math.floor(Date.now() / 1000) - 600 });
    // WHEN / THEN it is refused
    await refused(params);
  });

  it("refuses a missing signature", async () => {
    // GIVEN a request without its signature
    const { signature: _dropped, ...params } = proxyQuery(tee, { shop });
    // WHEN / THEN it is refused
    await refused(params);
  });

  it("refuses a signature made with another app's secret", async () => {
    // GIVEN a request signed with a secret that is not this app's
    // WHEN / THEN it is refused
    await refused(proxyQuery(tee, { shop, secret: "another-apps-secret" }));
  });

  it("refuses another shop's signature presented for this shop", async () => {
    // GIVEN a request Shopify signed for another shop, with the shop parameter swapped
    const params = { ...proxyQuery(tee, { shop: otherShop }), shop };
    // WHEN / THEN it is refused
    await refused(params);
  });

  it("answers another shop's signed request with that shop's own configuration", async () => {
    // GIVEN another shop with no pickup directory
    // WHEN its proxy forwards a signed request
    const answer = await promise(tee, otherShop);
    // THEN the answer is that shop's: no pickup point of the first shop is counted
    expect(answer.pickup.pointsWithin10Miles).toBe(0);
  });
});
