import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DEFAULTS } from "../../app/config/env.server";
import {
  freshSqliteDatabase,
  PROJECT_ROOT,
  startAppServerOnFreePort,
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
/**
 * The merchant's one admin tab: every test opens its page in it, as a merchant moves through the admin. The tab
 * keeps its renderer process, which has compiled Polaris's bundles once; a new tab per page started a renderer
 * and compiled them again, 2–3 s of Chromium's CPU per page instead of under 1 s (docs/testing.md, "Speed").
 */
let tab: Page;
/** What the page now open in the tab logged as a problem (open() starts a new list for each page). */
let problems: string[] = [];

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
  app = await startAppServerOnFreePort(() => ({
    env: {
      DATABASE_URL: url,
      TAILROUTE_DEMO: "1",
      NODE_ENV: "demo",
      SHOPIFY_API_KEY: DEMO_DEFAULTS.SHOPIFY_API_KEY,
      SHOPIFY_API_SECRET: DEMO_DEFAULTS.SHOPIFY_API_SECRET,
      SHOPIFY_APP_URL: undefined,
      SHOPIFY_ADMIN_API_BASE_URL: fake.url,
    },
  }));
  // Routed orders for the home charts and the order log, through the real signed webhook.
  await replayDemoOrders(app.url, DEMO_DEFAULTS.SHOPIFY_API_SECRET, db, orders);
  await seedDeliveryPerformance(db);
  browser = await launchChromium();
  tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  tab.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  tab.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  tab.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  tab.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
}, 240_000); // a demo app, 4 routed orders and Chromium: 40 s here, over 120 s on a loaded CI machine

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await fake?.stop();
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Learned lanes and pickup-point holds for the home charts (what tracking records as parcels are delivered), and
 * another shop's far busier lane that must never show.
 */
async function seedDeliveryPerformance(db: PrismaClient) {
  const lanes: [string, string, string, string, Record<string, number>, number][] = [
    [SHOP, "dallas-tx", "ups-ground", "750", { "1": 4, "2": 18, "3": 6 }, 25],
    [SHOP, "edison-nj", "usps-ground-advantage", "100", { "2": 5, "3": 9, "4": 4 }, 15],
    [SHOP, "ontario-ca", "fedex-ground", "900", { "3": 7, "4": 5, "5": 2 }, 9],
    ["other-store.myshopify.com", "dallas-tx", "ups-ground", "750", { "9": 400 }, 0],
  ];
  for (const [shop, warehouseId, serviceId, destZip3, histogram, onTime] of lanes) {
    const samples = Object.values(histogram).reduce((a, b) => a + b, 0);
    await db.deliveryLane.create({
      data: {
        shop,
        warehouseId,
        serviceId,
        destZip3,
        samples,
        promisedSamples: samples,
        onTime,
        histogram,
        p50Days: 2,
        p90Days: 4,
      },
    });
  }
  const point = await db.pickupPoint.create({
    data: {
      shop: SHOP,
      network: "UPS_ACCESS_POINT",
      externalId: "browser-home-point",
      name: "Elm St locker",
      address1: "1 Elm St",
      city: "Dallas",
      province: "TX",
      zip: "75201",
      latitude: 32.78,
      longitude: -96.8,
      hours: [],
    },
  });
  for (const [i, status] of ["PICKED_UP", "PICKED_UP", "PICKED_UP", "AVAILABLE_FOR_PICKUP"].entries())
    await db.shipment.create({
      data: {
        shop: SHOP,
        carrier: "UPS",
        trackingNumber: `1ZBROWSERHOME${i}`,
        status,
        pickupPointId: point.id,
        holdNetwork: "UPS_ACCESS_POINT",
        holdStartedAt: new Date("2026-11-20T15:00:00Z"),
      },
    });
}

/**
 * Loads a page in the merchant's tab, a whole document as when the merchant opens a link; everything that would
 * show in the console as a problem is recorded in the list returned. The page before is left for about:blank
 * first, so that what it still had in flight is not counted against this one.
 */
async function open(path: string, status = 200): Promise<{ page: Page; problems: string[] }> {
  await tab.goto("about:blank");
  problems = [];
  const response = await tab.goto(app.url + path, { waitUntil: "networkidle" });
  expect(response?.status(), path).toBe(status);
  return { page: tab, problems };
}

/** The page from the top, at most 2,600 px of it (the notifications page's six email previews run to 4,900 px). */
const shot = async (page: Page, name: string) => {
  const height = await page.evaluate(() => {
    window.scrollTo(0, 0); // the fixed navigation would be drawn mid-page
    return document.documentElement.scrollHeight;
  });
  await page.screenshot({
    path: join(ARTIFACTS, `admin-${name}.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width: 1280, height: Math.min(height, 2_600) },
  });
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
      ["carrier-accounts", "/app/carrier-accounts", "Connected accounts"],
      ["cartons", "/app/cartons", "The boxes your warehouses pack into"],
      ["surcharge-areas", `/app/carriers/${service.id}/surcharge-areas`, "ZIPs where the carrier adds"],
      ["zone-charts", `/app/carriers/${service.id}/zone-charts`, "own zones per origin"],
      ["appointments", "/app/appointments", "the buyer picks a delivery window"],
      ["notifications", "/app/notifications", "Shopify Flow"],
      ["jobs", "/app/jobs", "Shopify writes, retries"],
    ];
    for (const [name, path, expected] of pages) {
      // GIVEN the demo session WHEN the page opens THEN it renders its content and logs nothing wrong
      const { page, problems } = await open(path);
      await page.getByText(expected, { exact: false }).first().waitFor();
      await page.waitForTimeout(300); // charts and toasts settle
      await shot(page, name);
      expect(problems, path).toEqual([]);
    }
  }, 180_000);

  it("draws the home charts from routed orders, learned lanes and pickup holds, with warehouse names", async () => {
    // (all time: the learned lanes seeded above have no deliveries of their own in the last 30 days)
    const { page, problems } = await open("/app?range=all");
    // Polaris Viz renders SVG charts in the browser only (after hydration): the warehouse axis labels appear.
    const card = (title: string) => page.locator(".Polaris-ShadowBevel").filter({ hasText: title });
    const ordersCard = card("Orders routed by warehouse and mode");
    // (an axis label too long for its bar is shortened on screen and kept whole in its SVG <title>)
    await ordersCard.locator("svg").first().waitFor();
    await expect(ordersCard.textContent()).resolves.toMatch(/Dallas TX \(Central\)/);
    expect(await page.getByText("No orders routed yet").count()).toBe(0);
    // …the busiest lanes' on-time rate and transit days, labelled by warehouse and service names
    const onTime = card("On-time rate of the busiest lanes (%)");
    await onTime.locator("svg").first().waitFor();
    await expect(onTime.textContent()).resolves.toMatch(/Dallas TX \(Central\)/);
    const transit = card("Transit days of the busiest lanes (% of deliveries)");
    await transit.locator("svg").first().waitFor();
    await expect(transit.textContent()).resolves.toMatch(/2 days/);
    // …the lane table, and the pickup rate of the point next to its network's
    await page.getByRole("cell", { name: "USPS Ground Advantage" }).waitFor();
    const points = card("Pickup rate per pickup point (%)");
    await points.locator("svg").first().waitFor();
    await expect(points.textContent()).resolves.toMatch(/Elm St locker/);
    // THEN no chart shows a warehouse key or the other shop's lane
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toMatch(/dallas-tx|edison-nj|ontario-ca|9 days/);
    await shot(page, "home-charts");
    expect(problems).toEqual([]);
  }, 60_000);

  it("names warehouses and services in the order log the way the merchant named them", async () => {
    const { page, problems } = await open("/app/orders");
    const table = page.locator("table").first();
    await expect(table.textContent()).resolves.toMatch(/Dallas TX \(Central\)/);
    await expect(table.textContent()).resolves.not.toMatch(/dallas-tx|edison-nj|ontario-ca/);
    const postal = await db.routingDecision.findFirstOrThrow({ where: { shop: SHOP, carrier: "USPS" } });
    await page.goto(`${app.url}/app/orders/${postal.id}`, { waitUntil: "networkidle" });
    await page.getByText("Actions in Shopify").waitFor();
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toMatch(/USPS (Priority Mail|Ground Advantage)/);
    expect(text).not.toMatch(/USPS USPS/);
    expect(problems).toEqual([]);
  });

  it("navigates between pages with the Polaris navigation", async () => {
    const { page, problems } = await open("/app");
    await page.getByRole("link", { name: "Carriers & services" }).click();
    await page.waitForURL("**/app/carriers");
    await page.getByRole("heading", { name: "Carriers & services" }).waitFor();
    await page.getByRole("link", { name: "Rate simulator" }).click();
    await page.getByRole("heading", { name: "Rate simulator" }).waitFor();
    expect(problems).toEqual([]);
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
    // THEN the line is named on the page, Import is disabled, and no card is stored
    const lineError = page.getByText('Line 3: zone 4: "ten" is not a price in dollars (e.g. 12.34)');
    await lineError.waitFor();
    expect(await lineError.isVisible()).toBe(true);
    await page.getByText("1 line to fix — nothing will be saved").waitFor();
    await shot(page, "rate-card-bad-line");
    const importButton = page.getByRole("button", { name: "Import", exact: true });
    await expect(importButton.getAttribute("aria-disabled")).resolves.toBe("true");
    await expect(importButton.isDisabled()).resolves.toBe(true);
    expect(await db.rateCard.count({ where: { shop: SHOP, carrierServiceId: service.id } })).toBe(cards);
    // WHEN the same file is posted to the page's action anyway (a script, a stale page: the client check bypassed)
    const answer = await page.evaluate(
      async ({ path, csv }) => {
        const body = new FormData();
        body.set("intent", "importRateCard");
        body.set("csv", csv);
        const response = await fetch(`${path}?_data=${encodeURIComponent("routes/app.carriers.$id")}`, {
          method: "POST",
          body,
        });
        return { status: response.status, body: await response.json() };
      },
      { path: `/app/carriers/${service.id}`, csv: fixture("rate-card-bad-line.csv").toString("utf8") },
    );
    // THEN the server answers with the same line error, and still nothing is saved
    expect(answer.status).toBe(422);
    expect(answer.body.lineErrors).toEqual([
      { line: 3, message: 'zone 4: "ten" is not a price in dollars (e.g. 12.34)' },
    ]);
    expect(await db.rateCard.count({ where: { shop: SHOP, carrierServiceId: service.id } })).toBe(cards);
    // (the browser logs that refused request, as it should: it is the one expected problem)
    const expected = (p: string) => /_data=|status of 422/.test(p);
    expect(problems.filter(expected).length).toBeGreaterThan(0);
    problems.splice(0, problems.length, ...problems.filter((p) => !expected(p)));
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
  });

  it("keeps the progress bar up while a large CSV is read and checked, then shows the preview", async () => {
    // GIVEN a product dimensions file of 8,000 lines, made here
    const lines = [
      "variant_id,sku,name,length_in,width_in,height_in,weight_oz,fragile,valuable,cold_chain,bulky,ship_alone",
    ];
    for (let i = 0; i < 8000; i++)
      lines.push(
        `${77000000 + i},BULK-${i},"Bulk item ${i}, boxed",${5 + (i % 20)},4,3,${8 + (i % 30)},no,no,no,no,no`,
      );
    const { page, problems } = await open("/app/products");
    // Every DOM change is recorded: is the bar there, is the preview there, did "Checking" show.
    await page.evaluate(() => {
      const seen = { bar: false, checking: false, preview: false, gap: false };
      (window as unknown as { csvImport: typeof seen }).csvImport = seen;
      new MutationObserver(() => {
        const bar = document.querySelector(".Polaris-ProgressBar") !== null;
        const text = document.body.textContent ?? "";
        const preview = text.includes("products ready to import");
        seen.bar ||= bar;
        seen.checking ||= bar && /Checking [\d,]+ lines/.test(text);
        seen.preview ||= preview;
        // Once the bar has appeared, something must always show until the preview: never an empty moment.
        if (seen.bar && !bar && !preview) seen.gap = true;
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    // WHEN the merchant picks it
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "bulk.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
    // THEN the preview comes, after a progress bar that stayed up through the reading and the checking
    await page.getByText("8000 products ready to import").waitFor({ timeout: 30_000 });
    const seen = await page.evaluate(
      () => (window as unknown as { csvImport: Record<string, boolean> }).csvImport,
    );
    expect(seen).toEqual({ bar: true, checking: true, preview: true, gap: false });
    expect(await page.locator(".Polaris-ProgressBar").count()).toBe(0);
    await expect(
      page.getByRole("button", { name: "Import", exact: true }).getAttribute("aria-disabled"),
    ).resolves.not.toBe("true");
    await shot(page, "products-large-csv");
    expect(problems).toEqual([]);
  });

  it("shows the checkout rates for a ZIP and a cart picked by search in the simulator", async () => {
    const { page, problems } = await open("/app/simulator");
    await page.getByLabel("ZIP code").fill("90012");
    // WHEN the merchant searches the catalogue for the mug and picks it
    await page.getByLabel("Add a product").fill("ceramic");
    await page.getByRole("option", { name: "Ceramic mug 11 oz" }).click();
    // THEN it joins the cart with a quantity of one, beside the suggested product the cart started with
    await expect(page.getByLabel("Ceramic mug 11 oz", { exact: true }).inputValue()).resolves.toBe("1");
    await expect(page.getByLabel("Brass table lamp", { exact: true }).inputValue()).resolves.toBe("1");
    await page.getByRole("button", { name: "Get rates" }).click();
    await page.getByText("Rates at checkout").waitFor();
    const table = page.locator("table").first();
    await expect(table.textContent()).resolves.toMatch(/TR_STANDARD/);
    await expect(table.textContent()).resolves.toMatch(/\$\d+\.\d\d/);
    await page.getByText("Why TR_STANDARD").waitFor();
    await shot(page, "simulator-rates");
    expect(problems).toEqual([]);
  });

  it("shows inline errors on an invalid warehouse and keeps it unchanged", async () => {
    const warehouse = await db.warehouse.findFirstOrThrow({ where: { shop: SHOP, key: "dallas-tx" } });
    const { page } = await open(`/app/warehouses/${warehouse.id}`);
    await page.getByLabel("ZIP code").fill("752");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("expected a 5-digit ZIP").first().waitFor();
    await shot(page, "warehouse-invalid");
    expect(await db.warehouse.findUniqueOrThrow({ where: { id: warehouse.id } })).toEqual(warehouse);
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
    // WHEN the demo shop opens its URL THEN it is a 404 that names nothing of the other shop
    const { page } = await open(`/app/warehouses/${theirs.id}`, 404);
    await page.getByText("Warehouse not found").waitFor();
    expect(await page.getByText("THEIR warehouse").count()).toBe(0);
    await page.getByRole("link", { name: "Warehouses" }).first().waitFor();
    await shot(page, "not-found");
  });

  it("saves settings with a toast and downloads the configuration the CLI reads", async () => {
    const { page, problems } = await open("/app/settings");
    // WHEN the merchant switches to metric and saves THEN a toast confirms and the shop keeps the choice
    await page.getByLabel("Weight").selectOption("KG");
    const unitsForm = page.locator("form").filter({ has: page.getByLabel("Weight") });
    await unitsForm.getByRole("button", { name: "Save" }).click();
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
  });
});
