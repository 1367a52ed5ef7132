import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../support/browser";

// A merchant opening the app outside the Shopify admin, in real Chromium against the real server.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe("landing and login pages", () => {
  it("shows the product and a shop-domain login form", async () => {
    const page = await browser.newPage();
    await page.goto(inject("appUrl"));
    await expect(page.locator("h1").textContent()).resolves.toBe("Tailroute");
    await expect(page.locator('input[name="shop"]').count()).resolves.toBe(1);
    await page.close();
  });

  it("tells the merchant when the shop domain is not a Shopify domain", async () => {
    // GIVEN the login page rendered with Polaris
    const page = await browser.newPage();
    await page.goto(new URL("/auth/login", inject("appUrl")).toString());
    // WHEN the merchant submits a domain that is not a shop
    await page.getByLabel("Shop domain").fill("not a shop!");
    await page.getByRole("button", { name: "Log in" }).click();
    // THEN the field explains what is expected
    await expect(
      page.getByText("Please enter a valid shop domain to log in").waitFor(),
    ).resolves.toBeUndefined();
    await page.screenshot({ path: "/tmp/tailroute-login.png" });
    await page.close();
  });
});
