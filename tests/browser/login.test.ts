import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../support/browser";

// A merchant opening the app outside the Shopify admin, in real Chromium against the real server, in one tab (a
// tab of its own per test cost Chromium a renderer process each: docs/testing.md, "Speed").
let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(() => browser?.close());

describe("landing and login pages", () => {
  it("shows the product and a shop-domain login form", async () => {
    await page.goto(inject("appUrl"));
    await expect(page.locator("h1").textContent()).resolves.toBe("Tailroute");
    await expect(page.locator('input[name="shop"]').count()).resolves.toBe(1);
  });

  it("tells the merchant when the shop domain is not a Shopify domain", async () => {
    // GIVEN the login page rendered with Polaris
    await page.goto(new URL("/auth/login", inject("appUrl")).toString());
    // WHEN the merchant submits a domain that is not a shop
    await page.getByLabel("Shop domain").fill("not a shop!");
    await page.getByRole("button", { name: "Log in" }).click();
    // THEN the field explains what is expected
    await expect(
      page.getByText("Please enter a valid shop domain to log in").waitFor(),
    ).resolves.toBeUndefined();
    await page.screenshot({ path: "/tmp/tailroute-login.png" });
  });
});
