import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_VARIANTS } from "../../app/demo/demo-shop-config";
import { appDatabase } from "../support/app-database";
import { launchChromium } from "../support/browser";
import { seedPickupShop } from "../pickup/pickup-shop";
import { proxyQuery } from "./proxy-request";

// The block's real script in Chromium on a product page, served by a stand-in storefront that forwards
// /apps/tailroute/* to the app as Shopify's app proxy does (signed query) — the app answers from a shop seeded with
// the demo configuration and three pickup points in downtown Los Angeles.
const db = appDatabase();
const shop = "storefront-browser.myshopify.com";
const extension = join(__dirname, "../../extensions/delivery-promise");
const en = JSON.parse(readFileSync(join(extension, "locales/en.default.json"), "utf8")) as {
  delivery_promise: Record<string, string>;
};

/** The `t` filter with its placeholders left for the script, as the block renders them (`{{ x }}` → `%x%`). */
const t = (key: string, rename: Record<string, string> = {}) =>
  en.delivery_promise[key].replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => `%${rename[name] ?? name}%`);

/** What the block's Liquid renders for a product with a T-shirt and a sofa variant (see blocks/delivery-promise.liquid). */
function productPage() {
  const strings = {
    toZip: t("to_zip"),
    change: t("zip_change"),
    invalid: t("zip_invalid"),
    arrives: t("arrives"),
    orderWithin: t("order_within"),
    hoursMinutes: t("hours_minutes", { hours: "h", minutes: "m" }),
    minutes: t("minutes", { minutes: "m" }),
    pickupNear: t("pickup_near"),
    pickupAvailable: t("pickup_available"),
    backorder: t("backorder"),
    TR_EXPRESS: t("speed_express"),
    TR_STANDARD: t("speed_standard"),
    TR_ECONOMY: t("speed_economy"),
    TR_FREIGHT_: t("speed_freight"),
  };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Product</title>
<link rel="stylesheet" href="/assets/delivery-promise.css"></head><body>
<div class="shopify-section">
  <form action="/cart/add" method="post">
    <select name="id">
      <option value="${DEMO_VARIANTS.tee}" selected>T-shirt</option>
      <option value="${DEMO_VARIANTS.sofa}">Sofa</option>
    </select>
    <input name="quantity" type="number" value="1">
  </form>
  <div class="tr-promise" data-tailroute-promise data-endpoint="/apps/tailroute/promise"
    data-variant="${DEMO_VARIANTS.tee}" data-customer-zip="" data-countdown="true" data-pickup="true"
    data-speeds="TR_EXPRESS,TR_STANDARD,TR_FREIGHT_,">
    <p class="tr-promise__heading">${t("heading")}</p>
    <form class="tr-promise__zip" hidden novalidate>
      <label for="zip">${t("zip_label")}</label><input id="zip" name="zip" inputmode="numeric" maxlength="5">
      <button type="submit">${t("zip_submit")}</button>
    </form>
    <div class="tr-promise__result" aria-live="polite" aria-atomic="true"></div>
    <script type="application/json" data-variants>{"${DEMO_VARIANTS.tee}":[2000,170],"${DEMO_VARIANTS.sofa}":[149900,0]}</script>
    <script type="application/json" data-strings>${JSON.stringify(strings)}</script>
  </div>
</div>
<p id="below">Product description</p>
<script src="/assets/delivery-promise.js" defer></script>
</body></html>`;
}

/** The storefront: the product page, the extension's assets, and /apps/tailroute/* forwarded as the proxy does. */
function storefront(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://storefront.test");
    if (url.pathname === "/products/demo") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(productPage());
    } else if (url.pathname.startsWith("/assets/")) {
      const file = url.pathname.slice("/assets/".length);
      const type = file.endsWith(".js") ? "text/javascript" : "text/css";
      res.writeHead(200, { "Content-Type": type }).end(readFileSync(join(extension, "assets", file)));
    } else if (url.pathname === "/apps/tailroute/promise") {
      const target = new URL("/proxy/promise", inject("appUrl"));
      const signed = proxyQuery(Object.fromEntries(url.searchParams), { shop });
      for (const [key, value] of Object.entries(signed)) target.searchParams.set(key, value);
      void fetch(target).then(async (answer) => {
        res
          .writeHead(answer.status, {
            "Content-Type": answer.headers.get("content-type") ?? "application/json",
          })
          .end(await answer.text());
      });
    } else res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let server: Server;
let browser: Browser;
let page: Page;
beforeAll(async () => {
  await seedPickupShop(db, shop);
  server = await storefront();
  browser = await launchChromium();
  page = await browser.newPage();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await db.$disconnect();
});

describe("the delivery promise block on a product page (Chromium)", () => {
  it("shows the dates and the pickup note for a typed ZIP, then the freight window for a bulky variant", async () => {
    // GIVEN a product page with the block and no ZIP known yet
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/products/demo`);
    const result = page.locator(".tr-promise__result");
    const below = await page.locator("#below").boundingBox();
    await expect.poll(() => page.locator(".tr-promise__zip").isVisible()).toBe(true);

    // WHEN the buyer types a Los Angeles ZIP
    await page.fill("#zip", "90012");
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
});
