import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_VARIANTS } from "../../app/demo/demo-shop-config";
import { startDemoStorefront, type DemoStorefront } from "../../scripts/lib/demo-storefront";
import { appDatabase } from "../support/app-database";
import { launchChromium } from "../support/browser";
import { seedPickupShop } from "../pickup/pickup-shop";

// The blocks' real Liquid, script and stylesheet in Chromium on the stand-in storefront that `npm run demo` serves
// (scripts/lib/demo-storefront.ts): it forwards /apps/tailroute/* to the app as Shopify's app proxy does (signed
// query), and the app answers from a shop seeded with the demo configuration and three pickup points in downtown
// Los Angeles.
const db = appDatabase();
const shop = "storefront-browser.myshopify.com";

let storefront: DemoStorefront;
let browser: Browser;
let page: Page;
beforeAll(async () => {
  await seedPickupShop(db, shop);
  storefront = await startDemoStorefront({ appUrl: inject("appUrl"), shop, secret: inject("appApiSecret") });
  browser = await launchChromium();
  page = await browser.newPage();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await storefront?.stop();
  await db.$disconnect();
});

describe("the delivery promise blocks on the demo storefront (Chromium)", () => {
  it("shows the dates and the pickup note for a typed ZIP, then the freight window for a bulky variant", async () => {
    // GIVEN the demo product page with the block and no ZIP known yet
    await page.goto(storefront.productUrl);
    const result = page.locator(".tr-promise__result");
    const below = await page.locator("#below").boundingBox();
    await expect.poll(() => page.locator(".tr-promise__zip").isVisible()).toBe(true);

    // WHEN the buyer types a Los Angeles ZIP
    await page.fill(".tr-promise__zip input", "90012");
    await page.click(".tr-promise__zip button");

    // THEN the speeds with their dates and the pickup note appear, without moving the page below the block
    await expect
      .poll(() => result.textContent(), { timeout: 15_000 })
      .toMatch(/Standard: get it \w{3}, \w{3} \d+/);
    expect(await result.textContent()).toMatch(
      /one of 3 points within 10 miles; the nearest is [\d.]+ mi away/,
    );
    expect(await page.evaluate(() => localStorage.getItem("tailroute:zip"))).toBe("90012");
    expect((await page.locator("#below").boundingBox())?.y).toBe(below?.y);

    // WHEN the buyer picks the sofa in the theme's variant picker
    await page.selectOption('form[action="/cart/add"] select[name="id"]', DEMO_VARIANTS.sofa);

    // THEN the freight window appears and the pickup note disappears
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/Freight delivery: get it/);
    expect(await result.textContent()).not.toMatch(/Pick it up/);
    expect(await result.textContent()).not.toMatch(/Standard: get it/);
  }, 60_000);

  it("keeps the windows shown in a cart attribute on add to cart and promises the whole cart on the cart page", async () => {
    // GIVEN the T-shirt's promise on the product page (the ZIP kept from before)
    await page.goto(storefront.productUrl);
    const result = page.locator(".tr-promise__result");
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/Standard: get it/);

    // WHEN the buyer adds two T-shirts to the cart
    await page.fill('form[action="/cart/add"] input[name="quantity"]', "2");
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/Standard: get it/);
    await page.click('form[action="/cart/add"] button[type="submit"]');
    await page.waitForURL(/\/cart$/);

    // THEN the cart holds them with the windows the buyer saw, as the order's note attribute will
    expect(storefront.cart.lines.get(DEMO_VARIANTS.tee)).toBe(2);
    await expect.poll(() => storefront.cart.attributes._tailroute_promise ?? "").toMatch(/"TR_STANDARD"/);
    const kept = JSON.parse(storefront.cart.attributes._tailroute_promise) as {
      zip: string;
      speeds: unknown[];
    };
    expect(kept.zip).toBe("90012");

    // AND the cart block shows the cart's dates and the pickup note
    const cartResult = page.locator(".tr-promise__result");
    await expect.poll(() => cartResult.textContent(), { timeout: 15_000 }).toMatch(/Standard: get it/);
    expect(await cartResult.textContent()).toMatch(/points within 10 miles/);
  }, 60_000);
});
