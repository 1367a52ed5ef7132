import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { seedDemoShop } from "../../app/demo/seed.server";
import { ROUTING_APPLY_DECISION } from "../../app/jobs/kinds/routing-apply-decision.server";
import { TRACKING_PUSH } from "../../app/jobs/kinds/tracking-push.server";
import { type RunningApp } from "../../scripts/lib/app-server";
import { replayDemoHandoff } from "../../scripts/lib/demo-handoff";
import { replayDemoOrders } from "../../scripts/lib/demo-orders";
import { replayDemoTracking } from "../../scripts/lib/demo-tracking";
import { FakeOrderShop } from "../../scripts/lib/fake-order-shop";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { TEST_API_SECRET } from "../support/global-setup";
import { runTailroute } from "../support/run-cli";
import { startTestApp } from "../support/test-app";
import { freshTestDatabase } from "../support/test-database";

// `npm run demo`'s routing and tracking replay against a running app (its job runner included), then the command
// the demo prints: `npx tailroute jobs --shop <demo shop> --json` lists the jobs that did the work, COMPLETED.

const shop = demoShopConfig.shop;
const dir = mkdtempSync(join(tmpdir(), "tailroute-demo-jobs-"));
const url = freshTestDatabase("demo_replay_jobs", dir);
const db = createPrismaClient(url);
let shopify: FakeShopifyAdmin;
let app: RunningApp;

beforeAll(async () => {
  await seedDemoShop(db);
  shopify = await new FakeShopifyAdmin().start();
  app = await startTestApp({ databaseUrl: url, adminApiUrl: shopify.url });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await shopify?.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("the demo replay's background work", () => {
  it("is listed by `tailroute jobs --shop <demo shop> --json` as COMPLETED routing and tracking jobs", async () => {
    // GIVEN the demo's orders and tracking events replayed through the signed endpoints of a running app
    const orders = await replayDemoOrders(app.url, TEST_API_SECRET, db, new FakeOrderShop(shopify).install());
    const tracking = await replayDemoTracking(app.url, TEST_API_SECRET, db, shopify);
    expect(orders.join("\n")).toMatch(/decision APPLIED/);
    expect(tracking.join("\n")).toMatch(/Shopify write\(s\) pushed by the app's jobs/);
    // WHEN the operator runs the command the demo prints
    const result = await runTailroute(["jobs", "--shop", shop, "--json"], { env: { DATABASE_URL: url } });
    // THEN it lists the jobs that applied the decisions and pushed the events, all COMPLETED, none failed
    expect(result.status, result.stderr).toBe(0);
    const { jobs } = JSON.parse(result.stdout) as {
      jobs: { kind: string; key: string; status: string; attempts: number; error: string | null }[];
    };
    const completed = (kind: string) =>
      jobs.filter((j) => j.kind === kind && j.status === "COMPLETED").length;
    expect(completed(ROUTING_APPLY_DECISION)).toBeGreaterThan(0);
    expect(completed(TRACKING_PUSH)).toBeGreaterThan(0);
    expect(jobs.filter((j) => j.status === "FAILED" || j.status === "DROPPED")).toEqual([]);
    // (each on its first attempt: sibling jobs of one shipment wait for each other instead of failing as BUSY)
    expect(jobs.filter((j) => j.attempts > 1).map((j) => `${j.kind} ${j.key}: ${j.error}`)).toEqual([]);
    // AND nothing the replay queued for Shopify is left pending
    expect(await db.trackingPush.count({ where: { shop, status: "PENDING" } })).toBe(0);
  }, 120_000);

  it("hands an order to a warehouse with no Shopify app and gets its tracking back (the demo's handoff)", async () => {
    // GIVEN the running app and its fake Shopify
    // WHEN the demo's handoff scenario runs (enable through the CLI, Shopify's notification, the warehouse's report)
    const lines = await replayDemoHandoff({
      appUrl: app.url,
      databaseUrl: url,
      shop,
      apiSecret: TEST_API_SECRET,
      db,
      fakeShopify: shopify,
    });
    // THEN every step succeeded and the handoff is fulfilled with the warehouse's tracking
    expect(
      lines.filter((l) => !l.startsWith("✓")),
      lines.join("\n"),
    ).toEqual([]);
    expect(await db.warehouseHandoff.findFirstOrThrow({ where: { shop } })).toMatchObject({
      state: "FULFILLED",
      trackingNumber: "1ZDEMO0HANDOFF0001",
    });
  }, 120_000);
});
