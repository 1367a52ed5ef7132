import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DEFAULTS } from "../../app/config/env.server";
import {
  freshSqliteDatabase,
  PROJECT_ROOT,
  startAppServerOnFreePort,
  type RunningApp,
} from "../../scripts/lib/app-server";
import { installDemoAdminApi } from "../../scripts/lib/demo-admin";
import { demoAppEnv } from "../../scripts/lib/demo-app-env";
import { carrierServiceRequestBody, type DemoCheckout } from "../../scripts/lib/demo-checkouts";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { shopifyHmac } from "../../scripts/lib/signed-webhook";
import { launchChromium } from "../support/browser";

// A new merchant's first hour, in real Chromium, against the `npm run demo -- --fresh-shop` set-up: the demo shop
// freshly installed (nothing configured) and the demo's fake Shopify holding its locations and products. Every
// step goes through the admin's own forms and file pickers, in the order the home page's checklist gives; then a
// checkout rate request signed as Shopify signs it gets rates with delivery dates. The steps run in order on one
// page and build on each other. Screenshots: tests/browser/screenshots/onboarding-<step>.png (git-ignored).

const SCREENSHOTS = join(PROJECT_ROOT, "tests", "browser", "screenshots");
const SHOP = DEMO_DEFAULTS.DEMO_SHOP;
const SECRET = DEMO_DEFAULTS.SHOPIFY_API_SECRET;
const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, "tests", "fixtures", "admin", name));

/** An LTL class tariff as a freight carrier sends it: every density class to zones 1–8, three weight breaks. */
function ltlTariffCsv() {
  const classes = [50, 55, 60, 65, 70, 85, 92.5, 100, 125, 175, 250, 300, 400, 500];
  const lines = ["class,zone,0,500,1000"];
  for (const freightClass of classes)
    for (let zone = 1; zone <= 8; zone++) {
      const cwt = 40 + 6 * zone + freightClass / 5;
      lines.push([freightClass, zone, ...[cwt, cwt * 0.85, cwt * 0.7].map((n) => n.toFixed(2))].join(","));
    }
  lines.push("minimum,150.00");
  return Buffer.from(lines.join("\n"));
}

/** A checkout to downtown Chicago: zone 5 or so from each demo location (every rate card covers it). */
const chicago = (items: DemoCheckout["items"]): DemoCheckout => ({
  label: "onboarding",
  destination: { postal_code: "60601", province: "IL", city: "Chicago", address1: "100 E Randolph St" },
  items,
});

let dir: string;
let db: PrismaClient;
let fake: FakeShopifyAdmin;
let app: RunningApp;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tailroute-onboarding-"));
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The same set-up as `npm run demo -- --fresh-shop` (scripts/demo.ts): the shop installed, nothing else.
  const url = freshSqliteDatabase(join(dir, "fresh.sqlite"));
  process.env.DATABASE_URL = url;
  const { createPrismaClient } = await import("../../app/db.server");
  const { seedFreshDemoShop } = await import("../../app/demo/seed.server");
  db = createPrismaClient(url);
  await seedFreshDemoShop(db);
  fake = installDemoAdminApi(await new FakeShopifyAdmin().start());
  app = await startAppServerOnFreePort(() => ({
    env: demoAppEnv({ databaseUrl: url, adminApiUrl: fake.url }),
    timeoutMs: 120_000, // a loaded machine takes over 30 s to answer /healthz
  }));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await fake?.stop();
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

// A failed step leaves a picture of the page it failed on (onboarding-failed-<n>.png).
afterEach(async ({ task }) => {
  if (task.result?.state === "fail" && page)
    await shot(`failed-${task.name.slice(0, 40).replace(/\W+/g, "-")}`);
});

const shot = async (step: string) => {
  await page.evaluate(() => window.scrollTo(0, 0)); // the fixed navigation would be drawn mid-page
  await page.screenshot({ path: join(SCREENSHOTS, `onboarding-${step}.png`), fullPage: true });
};

/** Opens an admin page from the Polaris navigation, as the merchant does. */
async function navigate(link: string, heading: string) {
  await page.getByRole("navigation").getByRole("link", { name: link, exact: true }).click();
  await page.getByRole("heading", { name: heading, exact: true }).first().waitFor();
  await page.waitForLoadState("networkidle");
}

/** Picks a file in the page's file input (the DropZone's real <input type=file>). */
const pickFile = (name: string, mimeType: string, buffer: Buffer) =>
  page.locator("input[type=file]").setInputFiles({ name, mimeType, buffer });

/** POSTs a CarrierService rate request to the running app, signed with the app secret as Shopify signs it. */
async function checkoutRates(checkout: DemoCheckout, gramsEach?: number) {
  const body = carrierServiceRequestBody(checkout);
  if (gramsEach !== undefined) for (const item of body.rate.items) item.grams = gramsEach;
  const raw = JSON.stringify(body);
  const response = await fetch(`${app.url}/api/carrier-service`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": shopifyHmac(raw, SECRET),
      "X-Shopify-Shop-Domain": SHOP,
    },
    body: raw,
  });
  expect(response.status).toBe(200);
  return (
    (await response.json()) as {
      rates: {
        service_code: string;
        total_price: string;
        min_delivery_date?: string;
        max_delivery_date?: string;
      }[];
    }
  ).rates;
}

/** Adds a service from the built-in catalogue on the Carriers page; resolves on the new service's page. */
async function addFromCatalogue(label: string) {
  await navigate("Carriers & services", "Carriers & services");
  await page.getByRole("button", { name: "Add from catalogue" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Service", { exact: true }).selectOption({ label });
  await dialog.getByRole("button", { name: "Add service" }).click();
  await page.waitForURL(/\/app\/carriers\/[^/]+$/);
  await page.getByText("Cannot quote yet").waitFor();
}

/** Imports a rate card file on the open service page: the preview first, then Import and its toast. */
async function importRateCard(file: string, csv: Buffer, preview: string) {
  await pickFile(file, "text/csv", csv);
  await page.getByText(`Preview: ${preview}`).waitFor();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page
    .getByText(/imported: /)
    .first()
    .waitFor();
  await page.waitForLoadState("networkidle");
}

// Each step waits on a real server and Chromium: a loaded CI machine needs more than the default 30 s.
describe(
  "onboarding a fresh shop in the admin alone (npm run demo -- --fresh-shop)",
  { timeout: 90_000 },
  () => {
    it("starts with nothing set up: the home page says where to start and checkout gets no rates", async () => {
      // GIVEN a freshly installed shop WHEN the merchant opens the app
      const response = await page.goto(`${app.url}/app`, { waitUntil: "networkidle" });
      expect(response?.status()).toBe(200);
      // THEN the home page says where to start and every step is to do
      await page.getByText("Start here: add the warehouses you ship from").waitFor();
      await page.getByText("0 of 6 done").waitFor();
      await shot("1-home-fresh");
      // AND a checkout rate request is answered 200 with no rates (checkout shows the shop's other rates)
      expect(await checkoutRates(chicago([{ variant: "tee", quantity: 1, priceCents: 2500 }]))).toEqual([]);
    });

    it("adds the warehouses from the shop's Shopify locations, with the time zone of each ZIP", async () => {
      // WHEN the merchant follows the banner, ticks the three locations and freight too, and creates them
      await page.getByRole("link", { name: "Add warehouses from Shopify locations" }).click();
      await page.getByRole("heading", { name: "Add from Shopify locations" }).waitFor();
      for (const name of ["Edison NJ (East)", "Dallas TX (Central)", "Ontario CA (West)"])
        await page.getByLabel(name).check();
      await page.getByLabel("Freight (LTL + final-mile crew)").check();
      await page.getByRole("button", { name: "Create warehouses" }).click();
      // THEN each location is a warehouse linked to it, with the location's address and its ZIP's time zone
      await page.getByText("Every active Shopify location is already linked to a warehouse.").waitFor();
      await shot("2-warehouses");
      const warehouses = await db.warehouse.findMany({
        where: { shop: SHOP },
        select: { name: true, zip: true, timeZone: true, offersFreight: true, shopifyLocationId: true },
        orderBy: { zip: "asc" },
      });
      expect(warehouses.map((w) => [w.name, w.zip, w.timeZone])).toEqual([
        ["Edison NJ (East)", "08817", "America/New_York"],
        ["Dallas TX (Central)", "75261", "America/Chicago"],
        ["Ontario CA (West)", "91761", "America/Los_Angeles"],
      ]);
      for (const w of warehouses) {
        expect(w.shopifyLocationId).toMatch(/^gid:\/\/shopify\/Location\//);
        expect(w.offersFreight).toBe(true);
      }
    });

    it("adds UPS Ground and LTL + final mile from the catalogue, each quoting with an uploaded rate card", async () => {
      // WHEN the merchant adds UPS Ground from the catalogue and uploads the rate card CSV their carrier gave them
      await addFromCatalogue("UPS · UPS Ground");
      await shot("3-carrier-added");
      await importRateCard("ups-ground.csv", fixture("rate-card-good.csv"), "5 weight breaks × 7 zones");
      // THEN the service quotes: the "cannot quote yet" note is gone and the card is summed up
      await page.getByText("UPS Ground (imported").waitFor();
      expect(await page.getByText("Cannot quote yet").count()).toBe(0);
      await shot("4-rate-card");
      // WHEN they add LTL + final mile (a template) and upload their LTL class tariff
      await addFromCatalogue("LTL · LTL + final mile (template)");
      await importRateCard(
        "ltl-tariff.csv",
        ltlTariffCsv(),
        "LTL class rates: 14 classes × 8 zones, 3 weight breaks, minimum $150.00",
      );
      await shot("5-ltl-rate-card");
      // THEN the carriers page lists both, each quoting at checkout
      await navigate("Carriers & services", "Carriers & services");
      expect(await page.getByText("cannot quote yet").count()).toBe(0);
      const services = await db.carrierService.findMany({
        where: { shop: SHOP },
        select: { code: true, catalogueId: true, _count: { select: { rateCards: true } } },
        orderBy: { code: "asc" },
      });
      expect(services).toEqual([
        { code: "ltl-final-mile", catalogueId: "LTL_FINAL_MILE", _count: { rateCards: 1 } },
        { code: "ups-ground", catalogueId: "UPS_GROUND", _count: { rateCards: 1 } },
      ]);
    });

    it("adds two cartons with their inner sizes and weights", async () => {
      await navigate("Cartons", "Cartons");
      await page.getByText("No cartons yet").waitFor();
      const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add carton" }) });
      const add = async (name: string, key: string, size: string[], weights: string[]) => {
        await form.getByLabel("Name").fill(name);
        await form.getByLabel("Key").fill(key);
        for (const [i, label] of ["Length (in)", "Width (in)", "Height (in)"].entries())
          await form.getByLabel(label).fill(size[i]);
        await form.getByLabel("Empty weight (lb)").fill(weights[0]);
        await form.getByLabel("Maximum packed weight (lb)").fill(weights[1]);
        await form.getByRole("button", { name: "Add carton" }).click();
        await page.getByRole("cell", { name: size.join(" × ") }).waitFor();
      };
      // (a flat mailer of 132 in³, under UPS's 139 in³ a pound, so a light parcel bills 1 lb; a box sized in half inches)
      await add("Flat mailer", "mailer-flat", ["12", "11", "1"], ["0.1", "2"]);
      await add("Medium box", "box-m", ["14", "12", "8.5"], ["0.5", "40"]);
      await shot("6-cartons");
      expect(
        await db.carton.findMany({
          where: { shop: SHOP },
          select: {
            key: true,
            lengthIn: true,
            widthIn: true,
            heightIn: true,
            maxWeightOz: true,
            active: true,
          },
          orderBy: { maxWeightOz: "asc" },
        }),
      ).toEqual([
        { key: "mailer-flat", lengthIn: 12, widthIn: 11, heightIn: 1, maxWeightOz: 32, active: true },
        { key: "box-m", lengthIn: 14, widthIn: 12, heightIn: 8.5, maxWeightOz: 640, active: true },
      ]);
    });

    it("gives every product read from Shopify its dimensions: two by hand, the rest in bulk, the sofa freight only", async () => {
      await navigate("Products", "Products");
      await page.getByText("11 of 11 variants have no dimensions").waitFor();
      // WHEN the merchant types the T-shirt's and the sofa's sizes, marks the sofa freight only and saves
      const size = async (title: string, [l, w, h]: string[]) => {
        await page.getByLabel(`length of ${title}`).fill(l);
        await page.getByLabel(`width of ${title}`).fill(w);
        await page.getByLabel(`height of ${title}`).fill(h);
      };
      await size("T-shirt, black, M", ["10", "8", "1"]);
      await size("Three-seat sofa, grey", ["84", "38", "34"]);
      await page.getByLabel("Freight only: Three-seat sofa, grey").check();
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByText("9 of 11 variants have no dimensions").waitFor();
      // AND gives the nine left one size in bulk (filter, select all, Set dimensions)
      await page.getByLabel("Show").selectOption({ label: "Missing dimensions" });
      await page.getByText("9 products · page 1 of 1").waitFor();
      await page.getByLabel("Select all products").filter({ visible: true }).check();
      await page.getByRole("button", { name: "Set dimensions" }).click();
      await page.getByLabel("Length (in)").fill("12");
      await page.getByLabel("Width (in)").fill("10");
      await page.getByLabel("Height (in)").fill("8");
      await page.getByRole("button", { name: "Apply" }).click();
      // THEN every variant has dimensions, kept in the app and in Shopify's variant metafields
      await page.getByText("Every one of the 11 variants has dimensions.").waitFor();
      await shot("7-products");
      const sofa = await db.productProfile.findFirstOrThrow({
        where: { shop: SHOP, sku: "SOFA-3S-GREY" },
        select: { lengthIn: true, widthIn: true, heightIn: true, bulky: true },
      });
      expect(sofa).toEqual({ lengthIn: 84, widthIn: 38, heightIn: 34, bulky: true });
    });

    it("imports a DAS ZIP list file on the surcharge-areas page: a garbage line is named and nothing saved, then the fixed list", async () => {
      // GIVEN UPS Ground's page WHEN the merchant opens its surcharge areas
      await navigate("Carriers & services", "Carriers & services");
      await page.getByRole("link", { name: "UPS Ground" }).click();
      await page
        .getByRole("button", { name: "Surcharge areas" })
        .or(page.getByRole("link", { name: "Surcharge areas" }))
        .click();
      await page.getByRole("heading", { name: "Surcharge areas — UPS Ground" }).waitFor();
      await page.getByLabel("Amount ($)").fill("4.45");
      // WHEN the list has a garbage line THEN the line is named and Import is disabled
      await pickFile("ups-das.txt", "text/plain", Buffer.from("60601\n60602\n606\nnot a zip\n"));
      await page.getByText('Line 4: "not a zip" is not a ZIP').waitFor();
      await expect(page.getByRole("button", { name: "Import", exact: true }).isDisabled()).resolves.toBe(
        true,
      );
      await shot("8-das-bad-line");
      // WHEN the fixed list is picked and imported THEN the table counts it with its amount
      await pickFile("ups-das.txt", "text/plain", Buffer.from("60601\n60602\n606\n"));
      await page.getByText("2 ZIPs and 1 ZIP3 prefixes").waitFor();
      await page.getByRole("button", { name: "Import", exact: true }).click();
      await page.getByRole("cell", { name: "$4.45 per package" }).waitFor();
      await shot("9-surcharge-areas");
    });

    it("runs a test quote for an address the merchant types: rates with delivery dates, and why", async () => {
      await navigate("Rate simulator", "Rate simulator");
      await page.getByLabel("ZIP code").fill("60601");
      await page.getByLabel("State (optional)").fill("IL");
      await page.getByLabel("Street address (optional)").fill("100 E Randolph St");
      // WHEN the cart holds the T-shirt only
      for (const remove of await page.getByRole("button", { name: /^Remove / }).all()) await remove.click();
      await page.getByLabel("Add a product").fill("t-shirt");
      await page.getByRole("option", { name: "T-shirt, black, M" }).click();
      await page.getByRole("button", { name: "Get rates" }).click();
      // THEN the parcel rate shows with its arrival window, and why it is priced and routed so
      await page.getByText("Rates at checkout").waitFor();
      const table = page.locator("table").first();
      await expect(table.textContent()).resolves.toMatch(/TR_STANDARD.*\$\d+\.\d\d.*arrives/);
      // (packed in the mailer: 1 lb billable; the DAS list imported above adds its $4.45 in 60601)
      await page
        .getByText(
          /by UPS Ground, zone \d: 1 package\(s\) \(12×11×1 in, billable 1 lb\).*DELIVERY_AREA \$4\.45/,
        )
        .waitFor();
      await shot("10-test-quote");
    });

    it("shows on the home page what is left: the Shopify registration a demo cannot make, and the zones UPS Ground's card leaves out", async () => {
      await navigate("Home", "Tailroute");
      await page.getByText("4 of 6 done").waitFor();
      // UPS's card numbers its zones 2–8; the distance bands put the warehouse's own area in zone 1
      await page
        .getByText(/UPS Ground from Edison NJ \(East\): no price for zone 1 \(\d+ ZIP3 areas: 070/)
        .waitFor();
      expect(await page.getByText("Start here").count()).toBe(0);
      await shot("11-home-done");
      expect(problems).toEqual([]);
    });

    it("answers a signed checkout rate request with dated rates: a 1 lb parcel, and a sofa only freight can carry", async () => {
      // WHEN Shopify asks for rates for a 1 lb T-shirt parcel to Chicago
      const parcel = await checkoutRates(chicago([{ variant: "tee", quantity: 1, priceCents: 2500 }]), 454);
      // THEN the parcel tiers come back priced and dated (the freight levels need a freight-only item)
      expect(parcel.map((r) => r.service_code)).toContain("TR_STANDARD");
      expect(parcel.some((r) => r.service_code.startsWith("TR_FREIGHT"))).toBe(false);
      // WHEN the cart is the 84 × 38 × 34 in sofa (over every parcel limit)
      const sofa = await checkoutRates(chicago([{ variant: "sofa", quantity: 1, priceCents: 129900 }]));
      // THEN only the freight levels are offered
      expect(sofa.map((r) => r.service_code).sort()).toEqual([
        "TR_FREIGHT_ROOM_OF_CHOICE",
        "TR_FREIGHT_THRESHOLD",
        "TR_FREIGHT_WHITE_GLOVE",
      ]);
      // AND every rate has a price and a delivery window
      for (const rate of [...parcel, ...sofa]) {
        expect(rate.total_price, rate.service_code).toMatch(/^[1-9]\d*$/);
        expect(rate.min_delivery_date, rate.service_code).toMatch(
          /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [-+]\d{4}$/,
        );
        expect(rate.max_delivery_date, rate.service_code).toMatch(
          /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [-+]\d{4}$/,
        );
        expect(rate.max_delivery_date! >= rate.min_delivery_date!, rate.service_code).toBe(true);
      }
    });
  },
);
