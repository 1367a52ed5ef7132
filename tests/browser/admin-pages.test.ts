import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DEFAULTS } from "../../app/env.server";
import {
  freePort,
  freshSqliteDatabase,
  PROJECT_ROOT,
  startAppServer,
  type RunningApp,
} from "../../scripts/lib/app-server";
import { installDemoAdminApi } from "../../scripts/lib/demo-admin";
import { replayDemoOrders } from "../../scripts/lib/demo-orders";
import { FakeOrderShop } from "../../scripts/lib/fake-order-shop";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { launchChromium } from "../support/browser";

// The merchant admin in real Chromium against a demo-mode app server (TAILROUTE_DEMO=1, as `npm run demo` runs
// it): the demo shop seeded, real orders routed through the signed webhook, the Admin API a local fake.

const ARTIFACTS = join(PROJECT_ROOT, "tests", "artifacts");
const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, "tests", "fixtures", "admin", name));
const SHOP = DEMO_DEFAULTS.DEMO_SHOP;

let dir: string;
let db: PrismaClient;
let fake: FakeShopifyAdmin;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tailroute-admin-browser-"));
  mkdirSync(ARTIFACTS, { recursive: true });
  const url = freshSqliteDatabase(join(dir, "demo.sqlite"));
  process.env.DATABASE_URL = url;
  const { createPrismaClient } = await import("../../app/db.server");
  const { seedDemoShop } = await import("../../app/demo/seed.server");
  db = createPrismaClient(url);
  await seedDemoShop(db);
  fake = installDemoAdminApi(await new FakeShopifyAdmin().start());
  const orders = new FakeOrderShop(fake).install();
  app = await startAppServer({
    port: await freePort(),
    env: {
      DATABASE_URL: url,
      TAILROUTE_DEMO: "1",
      NODE_ENV: "demo",
      SHOPIFY_API_KEY: DEMO_DEFAULTS.SHOPIFY_API_KEY,
      SHOPIFY_API_SECRET: DEMO_DEFAULTS.SHOPIFY_API_SECRET,
      SHOPIFY_APP_URL: undefined,
      SHOPIFY_ADMIN_API_BASE_URL: fake.url,
    },
  });
  // Routed orders for the home charts and the order log, through the real signed webhook.
  await replayDemoOrders(app.url, DEMO_DEFAULTS.SHOPIFY_API_SECRET, db, orders);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await fake?.stop();
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a page and records everything that would show in the console as a problem. */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
  const response = await page.goto(app.url + path, { waitUntil: "networkidle" });
  expect(response?.status(), path).toBe(200);
  return { page, problems };
}

const shot = async (page: Page, name: string) => {
  await page.evaluate(() => window.scrollTo(0, 0)); // the fixed navigation would be drawn mid-page
  await page.screenshot({ path: join(ARTIFACTS, `admin-${name}.png`), fullPage: true });
};

describe("merchant admin in a browser (demo session)", () => {
  it("loads every page without a console error, and screenshots it", async () => {
    const warehouse = await db.warehouse.findFirstOrThrow({ where: { shop: SHOP, key: "dallas-tx" } });
    const service = await db.carrierService.findFirstOrThrow({ where: { shop: SHOP, code: "ups-ground" } });
    const decision = await db.routingDecision.findFirstOrThrow({
      where: { shop: SHOP },
      orderBy: { createdAt: "asc" },
    });
    const pages: [string, string, string][] = [
      ["home", "/app", "Setup"],
      ["warehouses", "/app/warehouses", "Edison NJ (East)"],
      ["warehouse-edit", `/app/warehouses/${warehouse.id}`, "Shopify location"],
      ["warehouse-new", "/app/warehouses/new", "Add warehouse"],
      ["carriers", "/app/carriers", "UPS Ground"],
      ["carrier-edit", `/app/carriers/${service.id}`, "Rate card"],
      ["products", "/app/products", "Ceramic mug 11 oz"],
      ["routing", "/app/routing", "Remote-area ZIPs"],
      ["pickup-points", "/app/pickup-points", "UPS Access Point"],
      ["simulator", "/app/simulator", "Get rates"],
      ["orders", "/app/orders", decision.orderName ?? "Orders"],
      ["order-detail", `/app/orders/${decision.id}`, "Actions in Shopify"],
      ["settings", "/app/settings", "Export configuration"],
    ];
    for (const [name, path, expected] of pages) {
      // GIVEN the demo session WHEN the page opens THEN it renders its content and logs nothing wrong
      const { page, problems } = await open(path);
      await page.getByText(expected, { exact: false }).first().waitFor();
      await page.waitForTimeout(300); // charts and toasts settle
      await shot(page, name);
      expect(problems, path).toEqual([]);
      await page.close();
    }
  });

  it("draws the home charts from routed orders", async () => {
    const { page, problems } = await open("/app");
    // Polaris Viz renders SVG charts in the browser only (after hydration): the warehouse axis labels appear.
    const ordersCard = page
      .locator(".Polaris-ShadowBevel")
      .filter({ hasText: "Orders routed by warehouse and mode" });
    await ordersCard.getByText("dallas-tx").first().waitFor();
    expect(await ordersCard.locator("svg").count()).toBeGreaterThan(0);
    expect(await page.getByText("No orders routed yet").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("navigates between pages with the Polaris navigation", async () => {
    const { page, problems } = await open("/app");
    await page.getByRole("link", { name: "Carriers & services" }).click();
    await page.waitForURL("**/app/carriers");
    await page.getByRole("heading", { name: "Carriers & services" }).waitFor();
    await page.getByRole("link", { name: "Rate simulator" }).click();
    await page.getByRole("heading", { name: "Rate simulator" }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows a rate card CSV's bad line with its number and saves nothing", async () => {
    // GIVEN the UPS Ground service and its current cards
    const service = await db.carrierService.findFirstOrThrow({ where: { shop: SHOP, code: "ups-ground" } });
    const cards = await db.rateCard.count({ where: { shop: SHOP, carrierServiceId: service.id } });
    const { page, problems } = await open(`/app/carriers/${service.id}`);
    // WHEN the merchant picks a file whose line 3 has "ten" for a price
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "ups.csv", mimeType: "text/csv", buffer: fixture("rate-card-bad-line.csv") });
    // THEN the line is named, Import is disabled, and no card is stored
    await page.getByText('Line 3: zone 4: "ten" is not a price in dollars (e.g. 12.34)').waitFor();
    await shot(page, "rate-card-bad-line");
    const importButton = page.getByRole("button", { name: "Import", exact: true });
    await expect(importButton.getAttribute("aria-disabled")).resolves.toBe("true");
    expect(await db.rateCard.count({ where: { shop: SHOP, carrierServiceId: service.id } })).toBe(cards);
    // WHEN a correct file is picked and imported THEN the preview shows and the new card is stored
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "ups.csv", mimeType: "text/csv", buffer: fixture("rate-card-good.csv") });
    await page.getByText("Preview: 5 weight breaks × 7 zones").waitFor();
    await expect(importButton.getAttribute("aria-disabled")).resolves.not.toBe("true");
    await importButton.click();
    await page.getByText("Rate card imported: 5 weight breaks × 7 zones").first().waitFor();
    await shot(page, "rate-card-imported");
    expect(await db.rateCard.count({ where: { shop: SHOP, carrierServiceId: service.id } })).toBe(cards + 1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows the checkout rates for a ZIP in the simulator", async () => {
    const { page, problems } = await open("/app/simulator");
    await page.getByLabel("ZIP code").fill("90012");
    await page.getByRole("button", { name: "Get rates" }).click();
    await page.getByText("Rates at checkout").waitFor();
    const table = page.locator("table").first();
    await expect(table.textContent()).resolves.toMatch(/TR_STANDARD/);
    await expect(table.textContent()).resolves.toMatch(/\$\d+\.\d\d/);
    await page.getByText("Why TR_STANDARD").waitFor();
    await shot(page, "simulator-rates");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows inline errors on an invalid warehouse and keeps it unchanged", async () => {
    const warehouse = await db.warehouse.findFirstOrThrow({ where: { shop: SHOP, key: "dallas-tx" } });
    const { page } = await open(`/app/warehouses/${warehouse.id}`);
    await page.getByLabel("ZIP code").fill("752");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("expected a 5-digit ZIP").first().waitFor();
    await shot(page, "warehouse-invalid");
    expect(await db.warehouse.findUniqueOrThrow({ where: { id: warehouse.id } })).toEqual(warehouse);
    await page.close();
  });

  it("answers another shop's record with a not-found page inside the admin", async () => {
    // GIVEN a warehouse of another shop in the same database
    await db.warehouse.create({
      data: {
        shop: "other-store.myshopify.com",
        key: "theirs",
        name: "THEIR warehouse",
        city: "Reno",
        province: "NV",
        zip: "89502",
        timeZone: "America/Los_Angeles",
      },
    });
    const theirs = await db.warehouse.findFirstOrThrow({ where: { shop: "other-store.myshopify.com" } });
    const page = await browser.newPage();
    // WHEN the demo shop opens its URL THEN it is a 404 that names nothing of the other shop
    const response = await page.goto(`${app.url}/app/warehouses/${theirs.id}`);
    expect(response?.status()).toBe(404);
    await page.getByText("Warehouse not found").waitFor();
    expect(await page.getByText("THEIR warehouse").count()).toBe(0);
    await page.getByRole("link", { name: "Warehouses" }).first().waitFor();
    await shot(page, "not-found");
    await page.close();
  });

  it("saves settings with a toast and downloads the configuration the CLI reads", async () => {
    const { page, problems } = await open("/app/settings");
    // WHEN the merchant switches to metric and saves THEN a toast confirms and the shop keeps the choice
    await page.getByLabel("Weight").selectOption("KG");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Units saved").waitFor();
    await shot(page, "settings-saved");
    expect(await db.shop.findUniqueOrThrow({ where: { shop: SHOP }, select: { weightUnit: true } })).toEqual({
      weightUnit: "KG",
    });
    // WHEN the configuration is exported THEN the file is the JSON `tailroute quote --config` validates
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export configuration" }).click(),
    ]);
    const path = join(dir, "export.json");
    await download.saveAs(path);
    const { ShopConfigSchema } = await import("../../app/contracts/shop-config");
    const config = ShopConfigSchema.parse(JSON.parse(readFileSync(path, "utf8")));
    expect(config.warehouses.map((w) => w.id)).toEqual(["edison-nj", "dallas-tx", "ontario-ca"]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
