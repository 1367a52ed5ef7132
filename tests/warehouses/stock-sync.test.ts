import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import {
  enqueueStockFullSync,
  stockFullSyncKind,
  STOCK_FULL_SYNC,
} from "../../app/jobs/kinds/stock-full-sync.server";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import {
  applyInventoryLevelUpdate,
  loadStockOverlay,
} from "../../app/services/warehouses/stock-store.server";
import { runStockSync, StockSyncError } from "../../app/services/warehouses/stock-sync.server";
import { FakeInventoryShop } from "../../scripts/lib/fake-inventory-shop";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { testEngine } from "../jobs/harness";
import { runTailroute } from "../support/run-cli";
import { freshTestDatabase } from "../support/test-database";

const dir = mkdtempSync(join(tmpdir(), "tailroute-stock-sync-"));
const url = freshTestDatabase("stock_sync", dir);
const db = createPrismaClient(url);
const admin = new FakeShopifyAdmin();
let inventory: FakeInventoryShop;
const shop = demoShopConfig.shop;
const EDISON = "gid://shopify/Location/2001";
const DALLAS = "gid://shopify/Location/2002";
const ELSEWHERE = "gid://shopify/Location/2999"; // a retail store no warehouse mirrors
const client = () => adminGraphqlClient(shop, "shpat_stock", admin.url);

beforeAll(async () => {
  await admin.start();
});
afterAll(async () => {
  await inventory?.stop();
  await admin.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await inventory?.stop();
  admin.reset();
  inventory = await new FakeInventoryShop(admin).install();
  await db.warehouseStock.deleteMany({ where: { shop } });
  await db.stockSync.deleteMany({ where: { shop } });
  await db.job.deleteMany({ where: { shop } });
  await saveShopConfig(db, demoShopConfig);
  await recordInstall(db, shop);
  await db.warehouse.updateMany({ where: { shop, key: "edison-nj" }, data: { shopifyLocationId: EDISON } });
  await db.warehouse.updateMany({ where: { shop, key: "dallas-tx" }, data: { shopifyLocationId: DALLAS } });
});

describe("full stock sync through a bulk operation", () => {
  it("writes each level at a linked location with its variant, and untracked items are unlimited", async () => {
    // GIVEN Shopify holds a mug at Edison and Dallas (and a retail store), and an untracked gift card
    inventory.addItem(1, 44012345670001, { [EDISON]: 7, [DALLAS]: 0, [ELSEWHERE]: 50 });
    inventory.addItem(2, 44012345679999, { [EDISON]: 0 }, { tracked: false });
    const before = (await db.shop.findUniqueOrThrow({ where: { shop } })).stockVersion;
    // WHEN the sync runs
    const notes: string[] = [];
    const result = await runStockSync(db, client(), shop, {
      pollMs: 1,
      progress: (p) => void notes.push(p.note ?? ""),
    });
    // THEN three levels (not the retail store's) are stored, the mug's stock is per warehouse, the gift card is
    // unlimited, the sync is COMPLETED, progress was reported and every callback cache will reload
    expect(result.levels).toBe(3);
    const overlay = await loadStockOverlay(db, shop);
    expect(overlay.get("edison-nj")).toEqual({
      "44012345670001": 7,
      "44012345679999": Number.POSITIVE_INFINITY,
    });
    expect(overlay.get("dallas-tx")).toEqual({ "44012345670001": 0 });
    expect(overlay.has("ontario-ca")).toBe(false);
    expect(await db.stockSync.findUniqueOrThrow({ where: { id: result.syncId } })).toMatchObject({
      state: "COMPLETED",
      levels: 3,
      bulkOperationId: "gid://shopify/BulkOperation/1",
    });
    expect(notes.some((n) => /Shopify has read \d+ objects/.test(n))).toBe(true);
    expect((await db.shop.findUniqueOrThrow({ where: { shop } })).stockVersion).toBeGreaterThan(before);
    const run = admin.callsTo("bulkOperationRunQuery")[0];
    expect(run?.variables.query).toContain("inventoryLevels");
  });

  it("removes levels Shopify no longer has, and keeps a webhook's quantity newer than the snapshot", async () => {
    // GIVEN a stored level of an item since deleted, and a webhook at 12:00 newer than the 10:00 snapshot
    await db.warehouseStock.create({
      data: {
        shop,
        locationId: EDISON,
        inventoryItemId: "gid://shopify/InventoryItem/99",
        available: 4,
        levelUpdatedAt: new Date("2026-11-01T00:00:00Z"),
      },
    });
    inventory.addItem(1, 44012345670001, { [EDISON]: 7 }, { updatedAt: "2026-12-01T10:00:00Z" });
    await new Promise((r) => setTimeout(r, 5));
    const syncStarted = new Date();
    await new Promise((r) => setTimeout(r, 5));
    await applyInventoryLevelUpdate(db, shop, {
      inventory_item_id: "1",
      location_id: "2001",
      available: 2,
      updated_at: "2026-12-01T12:00:00Z",
    });
    // WHEN the sync that started between the two runs
    await runStockSync(db, client(), shop, { pollMs: 1, now: () => syncStarted });
    // THEN the deleted item is gone and the mug keeps the webhook's 2, now mapped to its variant
    const rows = await db.warehouseStock.findMany({ where: { shop } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ inventoryItemId: "gid://shopify/InventoryItem/1", available: 2 });
    expect((await loadStockOverlay(db, shop)).get("edison-nj")).toEqual({ "44012345670001": 2 });
  });

  it("fails for good when Shopify fails the bulk operation, and says why", async () => {
    // GIVEN Shopify will fail the operation
    inventory.addItem(1, 44012345670001, { [EDISON]: 7 });
    inventory.failNextWith = "INTERNAL_SERVER_ERROR";
    // WHEN the sync runs
    const outcome = runStockSync(db, client(), shop, { pollMs: 1 });
    // THEN it ends FAILED with Shopify's error code, and no stock was written
    await expect(outcome).rejects.toBeInstanceOf(StockSyncError);
    const sync = await db.stockSync.findFirstOrThrow({ where: { shop } });
    expect(sync).toMatchObject({ state: "FAILED", error: "bulk operation FAILED (INTERNAL_SERVER_ERROR)" });
    expect(await db.warehouseStock.count({ where: { shop } })).toBe(0);
  });

  it("resumes the same bulk operation after an interrupted attempt instead of starting another", async () => {
    // GIVEN an attempt that started the operation and was interrupted while Shopify was still running it
    inventory.addItem(1, 44012345670001, { [EDISON]: 7 });
    inventory.pollsUntilDone = 3;
    const aborted = new AbortController();
    const first = runStockSync(db, client(), shop, {
      pollMs: 5,
      signal: aborted.signal,
      progress: () => aborted.abort(),
    });
    await expect(first).rejects.toThrow();
    expect(await db.stockSync.findFirstOrThrow({ where: { shop } })).toMatchObject({ state: "RUNNING" });
    // WHEN the next attempt runs (a second bulkOperationRunQuery would be refused: one at a time per shop)
    const second = await runStockSync(db, client(), shop, { pollMs: 1 });
    // THEN it finished the first operation: one run, one sync row, the levels stored
    expect(admin.callsTo("bulkOperationRunQuery")).toHaveLength(1);
    expect(await db.stockSync.count({ where: { shop } })).toBe(1);
    expect(second.levels).toBe(1);
  });

  it("runs as a job: enqueued once per request key, COMPLETED with its sync recorded", async () => {
    // GIVEN a sync requested twice with the same key (a double click)
    inventory.addItem(1, 44012345670001, { [EDISON]: 7, [DALLAS]: 3 });
    await enqueueStockFullSync(db, shop, { reason: "cli", key: "req-1" });
    await enqueueStockFullSync(db, shop, { reason: "cli", key: "req-1" });
    const engine = testEngine(db, url);
    engine.register(
      stockFullSyncKind(db, {
        clientFor: async () => client(),
        pollMs: 1,
        backoff: { baseMs: 0, maxMs: 0 },
      }) as never,
    );
    // WHEN the runner runs it
    await engine.start();
    try {
      let jobs = await engine.list({ shop, kind: STOCK_FULL_SYNC });
      for (let i = 0; i < 200 && jobs[0]?.status !== "COMPLETED"; i += 1) {
        await new Promise((r) => setTimeout(r, 25));
        jobs = await engine.list({ shop, kind: STOCK_FULL_SYNC });
      }
      // THEN one job completed, and its sync is recorded with the levels written
      expect(jobs).toHaveLength(1);
      expect(jobs[0]?.status).toBe("COMPLETED");
      // (pg-boss keeps no progress of a finished job: the sync's own row is what the CLI shows afterwards)
      expect(await db.stockSync.findFirstOrThrow({ where: { shop } })).toMatchObject({
        state: "COMPLETED",
        levels: 2,
      });
      expect(await db.warehouseStock.count({ where: { shop } })).toBe(2);
    } finally {
      await engine.stop();
    }
  });
});

describe("a full sync Shopify fails", () => {
  it("ends its job FAILED with Shopify's reason, listed by `tailroute jobs --failed`, never DROPPED", async () => {
    // GIVEN Shopify fails every bulk operation of the shop
    inventory.addItem(1, 44012345670001, { [EDISON]: 7 });
    admin.onRaw("bulkOperationRunQuery", () => {
      inventory.failNextWith = "INTERNAL_SERVER_ERROR";
      return undefined;
    });
    await enqueueStockFullSync(db, shop, { reason: "cli", key: "req-failing" });
    const engine = testEngine(db, url);
    engine.register(
      stockFullSyncKind(db, {
        clientFor: async () => client(),
        pollMs: 1,
        backoff: { baseMs: 0, maxMs: 0 },
      }) as never,
    );
    // WHEN the runner runs the job through its attempts
    await engine.start();
    try {
      await expect
        .poll(
          async () =>
            (await engine.list({ shop, kind: STOCK_FULL_SYNC }))
              .filter((j) => j.key === `${shop}:req-failing`)
              .map((j) => j.status),
          { timeout: 20_000 },
        )
        .toEqual(["FAILED"]);
    } finally {
      await engine.stop();
    }
    // THEN the job is FAILED with Shopify's error after all its attempts, and the CLI lists it as failed
    const listed = await tailroute(["jobs", "--shop", shop, "--failed", "--json"]);
    expect(listed.status, listed.stderr).toBe(0);
    const { jobs } = JSON.parse(listed.stdout) as {
      jobs: { kind: string; key: string; status: string; attempts: number; error: string | null }[];
    };
    expect(jobs.filter((j) => j.key === `${shop}:req-failing`)).toEqual([
      expect.objectContaining({
        kind: STOCK_FULL_SYNC,
        status: "FAILED",
        attempts: 5,
        error: expect.stringContaining("bulk operation FAILED (INTERNAL_SERVER_ERROR)"),
      }),
    ]);
    // AND each attempt's sync is on record as FAILED with the reason, and no stock was written
    const syncs = await db.stockSync.findMany({ where: { shop } });
    expect(syncs.length).toBeGreaterThan(0);
    expect(syncs.every((s) => s.state === "FAILED" && s.error?.includes("INTERNAL_SERVER_ERROR"))).toBe(true);
    expect(await db.warehouseStock.count({ where: { shop } })).toBe(0);
  });
});

describe("tailroute stock", () => {
  it("prints per warehouse its variants, units and last update, and the last sync; --json the same as data", async () => {
    // GIVEN a completed sync of two mugs' worth of stock and an untracked gift card
    inventory.addItem(1, 44012345670001, { [EDISON]: 7, [DALLAS]: 3 });
    inventory.addItem(2, 44012345679999, { [EDISON]: 0 }, { tracked: false });
    await runStockSync(db, client(), shop, { pollMs: 1 });
    // WHEN `tailroute stock` runs, as text and as JSON
    const text = await tailroute(["stock", "--shop", shop]);
    const json = await tailroute(["stock", "--shop", shop, "--json"]);
    // THEN Edison shows 2 variants / 7 units / 1 untracked, Dallas 1 / 3, Ontario nothing, and the sync COMPLETED
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/edison-nj\s+location 2001\s+2 variants\s+7 units {2}1 untracked/);
    expect(text.stdout).toMatch(/dallas-tx\s+location 2002\s+1 variants\s+3 units/);
    expect(text.stdout).toMatch(/ontario-ca\s+no location linked\s+0 variants\s+0 units {2}updated never/);
    expect(text.stdout).toMatch(/last sync: COMPLETED 3 levels/);
    const data = JSON.parse(json.stdout) as { warehouses: { warehouse: string; units: number }[] };
    expect(data.warehouses.map((w) => [w.warehouse, w.units])).toEqual([
      ["edison-nj", 7],
      ["dallas-tx", 3],
      ["ontario-ca", 0],
    ]);
  });

  it("--sync queues one full sync job; a missing --shop is bad input", async () => {
    const queued = await tailroute(["stock", "--shop", shop, "--sync"]);
    expect(queued.status, queued.stderr).toBe(0);
    expect(queued.stdout).toMatch(/full sync queued \(job \S+\)/);
    expect(await db.job.count({ where: { shop, kind: STOCK_FULL_SYNC } })).toBe(1);
    const bad = await tailroute(["stock"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--shop <shop.myshopify.com> is required/);
  });
});

/** Runs the `tailroute` CLI (in this process) against this file's database. */
function tailroute(args: string[]) {
  return runTailroute(args, { env: { DATABASE_URL: url } });
}
