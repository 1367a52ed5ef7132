// The job runner's contract, run against the engine of the test database: the Job-table runner on SQLite
// (`npm test`) and pg-boss on PostgreSQL (`npm run test:pg`). Same assertions for both.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { enqueueJob } from "../../app/jobs/enqueue.server";
import type { JobEngine } from "../../app/jobs/types";
import { eraseShop, recordInstall, recordUninstall } from "../../app/services/shop/lifecycle.server";
import { testDatabaseProvider } from "../../scripts/lib/test-database-provider";
import { freshTestDatabase } from "../support/test-database";
import { kind, statusOf, testEngine } from "./harness";

const dir = mkdtempSync(join(tmpdir(), "tailroute-jobs-contract-"));
const url = freshTestDatabase("jobs_contract", dir);
const db = createPrismaClient(url);
const shop = "jobs-contract.myshopify.com";
const other = "jobs-other.myshopify.com";
const engines: JobEngine[] = [];
const timeout = { timeout: 15_000 };

function engine(): JobEngine {
  const e = testEngine(db, url);
  engines.push(e);
  return e;
}

beforeAll(async () => {
  await recordInstall(db, shop);
  await recordInstall(db, other);
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop()));
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe(`job runner contract (${testDatabaseProvider() === "postgres" ? "pg-boss" : "sqlite"})`, () => {
  it("enqueues in the caller's transaction: a rolled-back change enqueues nothing, a committed one runs once", async () => {
    // GIVEN a runner with a kind that records what it ran
    const ran: string[] = [];
    const e = engine();
    e.register(kind<{ n: string }>("test.tx", async ({ n }) => void ran.push(n)));
    await e.start();
    // WHEN one transaction enqueues then fails, and another commits
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob(tx, "test.tx", { n: "rolled-back" }, { key: "a", shop });
        throw new Error("the state change failed");
      }),
    ).rejects.toThrow("the state change failed");
    await db.$transaction((tx) => enqueueJob(tx, "test.tx", { n: "committed" }, { key: "b", shop }));
    // THEN only the committed job ran, once
    await expect.poll(() => statusOf(e, shop, "test.tx"), timeout).toEqual(["COMPLETED"]);
    expect(ran).toEqual(["committed"]);
  });

  it("a key enqueued twice (a redelivered webhook, a restart) runs once", async () => {
    const ran: string[] = [];
    const e = engine();
    e.register(kind<{ n: number }>("test.key", async ({ n }) => void ran.push(String(n))));
    await e.start();
    // WHEN the same key is enqueued three times, before and after it ran
    await enqueueJob(db, "test.key", { n: 1 }, { key: "order-1", shop });
    await enqueueJob(db, "test.key", { n: 2 }, { key: "order-1", shop });
    await expect.poll(() => statusOf(e, shop, "test.key"), timeout).toEqual(["COMPLETED"]);
    await enqueueJob(db, "test.key", { n: 3 }, { key: "order-1", shop });
    await new Promise((r) => setTimeout(r, 300));
    // THEN one job, one run
    expect(await statusOf(e, shop, "test.key")).toEqual(["COMPLETED"]);
    expect(ran).toEqual(["1"]);
  });

  it("a job that always throws goes through its attempts and ends FAILED with its error; Retry runs it again", async () => {
    let calls = 0;
    let healthy = false;
    const e = engine();
    e.register(
      kind("test.throws", async () => {
        calls++;
        if (!healthy) throw new Error("warehouse answered 500");
      }),
    );
    await e.start();
    await enqueueJob(db, "test.throws", {}, { key: "x", shop });
    // THEN three attempts, then FAILED with the error
    await expect.poll(() => statusOf(e, shop, "test.throws"), timeout).toEqual(["FAILED"]);
    const [failed] = await e.list({ shop, status: "FAILED" });
    expect(failed).toMatchObject({ kind: "test.throws", attempts: 3, maxAttempts: 3 });
    expect(failed!.error).toContain("warehouse answered 500");
    expect(calls).toBe(3);
    expect((await e.counts(shop))["test.throws"]).toMatchObject({ FAILED: 1, COMPLETED: 0 });
    // WHEN the cause is fixed and the merchant presses Retry
    healthy = true;
    expect(await e.retry(shop, failed!.id)).toBe(true);
    // THEN it runs again and completes
    await expect.poll(() => statusOf(e, shop, "test.throws"), timeout).toEqual(["COMPLETED"]);
    expect(calls).toBe(4);
    // ... and another shop cannot retry or discard it
    expect(await e.retry(other, failed!.id)).toBe(false);
    expect(await e.discard(other, failed!.id)).toBe(false);
  });

  it("an attempt over its time limit fails with a timeout, and retries", async () => {
    let calls = 0;
    const e = engine();
    e.register(
      kind(
        "test.slow",
        async (_p, { signal }) => {
          calls++;
          if (calls === 1) await new Promise((r) => signal.addEventListener("abort", r));
        },
        { timeoutMs: 200 },
      ),
    );
    await e.start();
    await enqueueJob(db, "test.slow", {}, { key: "slow", shop });
    await expect.poll(() => statusOf(e, shop, "test.slow"), timeout).toEqual(["COMPLETED"]);
    expect(calls).toBe(2);
  });

  it("a job scheduled for later waits for its time", async () => {
    const ranAt: number[] = [];
    const e = engine();
    e.register(kind("test.later", async () => void ranAt.push(Date.now())));
    await e.start();
    const runAt = new Date(Date.now() + 1_500);
    await enqueueJob(db, "test.later", {}, { key: "reminder", shop, runAt });
    await new Promise((r) => setTimeout(r, 500));
    expect(ranAt).toEqual([]);
    await expect.poll(() => ranAt.length, timeout).toBe(1);
    expect(ranAt[0]!).toBeGreaterThanOrEqual(runAt.getTime() - 50);
  });

  it("runs at most concurrencyPerShop jobs of a kind for one shop at once; other shops are not held back", async () => {
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    const e = engine();
    e.register(
      kind(
        "test.per-shop",
        async (_p, { shop: s }) => {
          running.set(s, (running.get(s) ?? 0) + 1);
          peak.set(s, Math.max(peak.get(s) ?? 0, running.get(s)!));
          await new Promise((r) => setTimeout(r, 60));
          running.set(s, running.get(s)! - 1);
        },
        { concurrencyPerShop: 1 },
      ),
    );
    await e.start();
    for (let i = 0; i < 4; i++) {
      await enqueueJob(db, "test.per-shop", {}, { key: `a${i}`, shop });
      await enqueueJob(db, "test.per-shop", {}, { key: `b${i}`, shop: other });
    }
    await expect
      .poll(
        async () => [
          ...(await statusOf(e, shop, "test.per-shop")),
          ...(await statusOf(e, other, "test.per-shop")),
        ],
        timeout,
      )
      .toEqual(Array(8).fill("COMPLETED"));
    expect(peak.get(shop)).toBe(1);
    expect(peak.get(other)).toBe(1);
  });

  it("reports progress that list() shows", async () => {
    const e = engine();
    e.register(
      kind("test.progress", async (_p, { progress }) => {
        await progress({ done: 40, total: 100, note: "variants" });
        await new Promise((r) => setTimeout(r, 1_000));
      }),
    );
    await e.start();
    await enqueueJob(db, "test.progress", {}, { key: "sync", shop });
    await expect
      .poll(async () => (await e.list({ shop, kind: "test.progress" }))[0]?.progress, timeout)
      .toEqual({ done: 40, total: 100, note: "variants" });
  });

  it("drops a job for an uninstalled shop with that reason; shop/redact erases the shop's jobs", async () => {
    const gone = "jobs-uninstalled.myshopify.com";
    await recordInstall(db, gone);
    let calls = 0;
    const e = engine();
    e.register(kind("test.uninstalled", async () => void calls++));
    await e.start();
    await recordUninstall(db, gone, new Date());
    await enqueueJob(db, "test.uninstalled", {}, { key: "late", shop: gone });
    await expect.poll(() => statusOf(e, gone, "test.uninstalled"), timeout).toEqual(["DROPPED"]);
    expect((await e.list({ shop: gone }))[0]!.error).toBe("shop uninstalled");
    expect(calls).toBe(0);
    // WHEN shop/redact arrives
    await enqueueJob(
      db,
      "test.uninstalled",
      {},
      { key: "queued", shop: gone, runAt: new Date(Date.now() + 3_600_000) },
    );
    await eraseShop(db, gone);
    // THEN none of its jobs is left, in any state
    expect(await e.list({ shop: gone })).toEqual([]);
  });

  it("stops gracefully: a running job finishes before stop() returns", async () => {
    let finished = false;
    const e = testEngine(db, url);
    e.register(
      kind("test.graceful", async () => {
        await new Promise((r) => setTimeout(r, 300));
        finished = true;
      }),
    );
    await e.start();
    await enqueueJob(db, "test.graceful", {}, { key: "g", shop });
    await expect.poll(() => statusOf(e, shop, "test.graceful"), timeout).toEqual(["RUNNING"]);
    await e.stop();
    expect(finished).toBe(true);
    expect(await statusOf(e, shop, "test.graceful")).toEqual(["COMPLETED"]);
  });
});
