// The job runner's contract, run against the engine of the test database: the Job-table runner on SQLite
// (`npm test`) and pg-boss on PostgreSQL (`npm run test:pg`). Same assertions for both.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { enqueueJob } from "../../app/jobs/enqueue.server";
import { backoffDelayMs } from "../../app/jobs/backoff";
import type { JobEngine, RunnerOptions } from "../../app/jobs/types";
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
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function engine(options: RunnerOptions = {}): JobEngine {
  const e = testEngine(db, url, options);
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

  it("a key enqueued again after its job ran is listed and counted once, before any runner has looked at it", async () => {
    const e = engine();
    e.register(kind("test.again", async () => undefined));
    await e.start();
    await enqueueJob(db, "test.again", {}, { key: "order-2", shop });
    await expect.poll(() => statusOf(e, shop, "test.again"), timeout).toEqual(["COMPLETED"]);
    // WHEN the key is enqueued again while no runner is there to hand it on (PostgreSQL: it waits in the outbox)
    await e.stop();
    await enqueueJob(db, "test.again", {}, { key: "order-2", shop });
    // THEN the job is listed once, as it ran, and counted once
    expect(await statusOf(e, shop, "test.again")).toEqual(["COMPLETED"]);
    expect((await e.counts(shop))["test.again"]).toMatchObject({ QUEUED: 0, COMPLETED: 1 });
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
    // THEN it runs again, as a first attempt (a fresh attempt count), and completes
    await expect.poll(() => statusOf(e, shop, "test.throws"), timeout).toEqual(["COMPLETED"]);
    expect(calls).toBe(4);
    expect(await e.list({ shop, kind: "test.throws" })).toMatchObject([{ attempts: 1 }]);
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

  it("list() shows every queued job at every moment, also while the runner hands it on (outbox → pg-boss)", async () => {
    // GIVEN a running runner and jobs scheduled for later (handed on, never run during the test)
    const e = engine();
    e.register(kind("test.listed", async () => undefined));
    await e.start();
    const runAt = new Date(Date.now() + 3_600_000);
    const enqueued: string[] = [];
    const missing: string[][] = [];
    // WHEN jobs are enqueued in rounds while a reader lists them without pause
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const expected = [...enqueued];
        const listed = new Set((await e.list({ shop, kind: "test.listed", limit: 1_000 })).map((j) => j.key));
        const gone = expected.filter((k) => !listed.has(k));
        if (gone.length) missing.push(gone);
        await new Promise((r) => setImmediate(r)); // (SQLite answers in microtasks: let the timers run)
      }
    })();
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 5; i++) {
        const key = `listed-${round}-${i}`;
        await enqueueJob(db, "test.listed", {}, { key, shop, runAt });
        enqueued.push(key);
      }
      await sleep(25);
    }
    writing = false;
    await reader;
    // THEN no listing ever missed a job enqueued before it began
    expect(missing).toEqual([]);
    expect(await e.list({ shop, kind: "test.listed", limit: 1_000 })).toHaveLength(200);
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
  it("runs at most `concurrency` jobs at once in the process, all kinds together, and claims a job only for a free slot", async () => {
    // GIVEN a runner with 2 slots and two kinds of slow jobs, 12 of them
    let running = 0;
    let peak = 0;
    const slow = async () => {
      peak = Math.max(peak, ++running);
      await sleep(150);
      running--;
    };
    const e = engine({ concurrency: 2 });
    e.register(kind("test.global-a", slow, { concurrencyPerShop: 8 }));
    e.register(kind("test.global-b", slow, { concurrencyPerShop: 8 }));
    await e.start();
    // WHEN they are all due at once
    for (let i = 0; i < 6; i++) {
      await enqueueJob(db, "test.global-a", {}, { key: `a${i}`, shop });
      await enqueueJob(db, "test.global-b", {}, { key: `b${i}`, shop });
    }
    // THEN they all complete, never more than 2 running, and never more than 2 claimed (RUNNING in the
    // database): a claimed job does not wait for a slot while its claim's expiry runs. (One listing of the shop
    // per sample: two listings are two moments, whose RUNNING jobs can add up to more than ever ran at once.)
    let claimedPeak = 0;
    const globalKinds = new Set(["test.global-a", "test.global-b"]);
    await expect
      .poll(
        async () => {
          const all = (await e.list({ shop, limit: 1_000 })).filter((j) => globalKinds.has(j.kind));
          claimedPeak = Math.max(claimedPeak, all.filter((j) => j.status === "RUNNING").length);
          return all.map((j) => j.status);
        },
        { ...timeout, interval: 20 },
      )
      .toEqual(Array(12).fill("COMPLETED"));
    expect(peak).toBe(2);
    expect(claimedPeak).toBeLessThanOrEqual(2);
  });

  it("the per-shop limit counts the shop's running jobs of every kind together (Shopify's limits are per shop)", async () => {
    // GIVEN two kinds that each allow 1 job at a time per shop
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    const track = async (_p: unknown, { shop: s }: { shop: string }) => {
      running.set(s, (running.get(s) ?? 0) + 1);
      peak.set(s, Math.max(peak.get(s) ?? 0, running.get(s)!));
      await sleep(100);
      running.set(s, running.get(s)! - 1);
    };
    const e = engine();
    e.register(kind("test.shop-a", track, { concurrencyPerShop: 1 }));
    e.register(kind("test.shop-b", track, { concurrencyPerShop: 1 }));
    await e.start();
    // WHEN one shop has jobs of both kinds due, and another shop one
    for (let i = 0; i < 3; i++) {
      await enqueueJob(db, "test.shop-a", {}, { key: `a${i}`, shop });
      await enqueueJob(db, "test.shop-b", {}, { key: `b${i}`, shop });
    }
    await enqueueJob(db, "test.shop-a", {}, { key: "other", shop: other });
    // THEN all complete, the first shop's one at a time across both kinds
    await expect
      .poll(
        async () => [
          ...(await statusOf(e, shop, "test.shop-a")),
          ...(await statusOf(e, shop, "test.shop-b")),
          ...(await statusOf(e, other, "test.shop-a")),
        ],
        timeout,
      )
      .toEqual(Array(7).fill("COMPLETED"));
    expect(peak.get(shop)).toBe(1);
  });

  it("a recurring job (cron, UTC) runs at its occurrence, once however many runners have the schedule", async () => {
    // GIVEN a schedule every minute, and a test that does not straddle a minute's end
    const second = new Date().getUTCSeconds();
    if (second > 40) await sleep((61 - second) * 1_000);
    const ran: string[] = [];
    const schedule = { name: "test-every-minute", kind: "test.cron", cron: "* * * * *", payload: {} };
    // WHEN two runners (two instances) start with it, pg-boss looking for occurrences every second
    const runners = [engine({ superviseIntervalSeconds: 1 }), engine({ superviseIntervalSeconds: 1 })];
    for (const e of runners) {
      e.register(kind("test.cron", async (_p, { id }) => void ran.push(id)));
      e.schedule(schedule);
    }
    await Promise.all(runners.map((e) => e.start()));
    // THEN this minute's occurrence is enqueued and runs, app-wide, once
    await expect.poll(() => ran.length, { timeout: 15_000 }).toBe(1);
    await sleep(2_000);
    expect(ran).toHaveLength(1);
    expect(await statusOf(runners[0]!, "", "test.cron")).toEqual(["COMPLETED"]);
  });

  it("several runners started at once on a new database (instances deployed together) all start and run jobs", async () => {
    // GIVEN a database no runner has used yet
    const freshUrl = freshTestDatabase("jobs_first_start", dir);
    const freshDb = createPrismaClient(freshUrl);
    await recordInstall(freshDb, shop);
    try {
      const ran: string[] = [];
      const runners = [0, 1, 2].map(() => {
        const e = testEngine(freshDb, freshUrl);
        engines.push(e);
        e.register(kind<{ n: string }>("test.first-start", async ({ n }) => void ran.push(n)));
        return e;
      });
      // WHEN three start at the same moment (each finds the job tables missing)
      const starts = await Promise.allSettled(runners.map((e) => e.start()));
      // THEN every one started, and a job runs once
      expect(starts.map((s) => (s.status === "fulfilled" ? "started" : String(s.reason)))).toEqual([
        "started",
        "started",
        "started",
      ]);
      await enqueueJob(freshDb, "test.first-start", { n: "one" }, { key: "one", shop });
      await expect.poll(() => ran, timeout).toEqual(["one"]);
    } finally {
      await Promise.all(engines.splice(0).map((e) => e.stop()));
      await freshDb.$disconnect();
    }
  });

  it("release at shutdown: a job still running when the grace ends goes back to the queue, its attempt unspent", async () => {
    // GIVEN a runner whose job does not finish within the shutdown grace
    const attempts: number[] = [];
    const handler = async (_p: unknown, { attempt }: { attempt: number }) => {
      attempts.push(attempt);
      if (attempts.length === 1) await new Promise(() => undefined);
    };
    const first = testEngine(db, url, { shutdownGraceMs: 300 });
    first.register(kind("test.release", handler));
    await first.start();
    await enqueueJob(db, "test.release", {}, { key: "long", shop });
    await expect.poll(() => statusOf(first, shop, "test.release"), timeout).toEqual(["RUNNING"]);
    // WHEN the runner stops (SIGTERM)
    await first.stop();
    // THEN the job is queued again at once, no attempt spent (not failed, not waiting for an expiry)
    expect(await first.list({ shop, kind: "test.release" })).toMatchObject([
      { status: "QUEUED", attempts: 0 },
    ]);
    // ... and another worker runs it as its first attempt
    const second = engine();
    second.register(kind("test.release", handler));
    await second.start();
    await expect.poll(() => statusOf(second, shop, "test.release"), timeout).toEqual(["COMPLETED"]);
    expect(attempts).toEqual([1, 1]);
  });

  it("waits between attempts as the backoff says: exponential, with jitter, within its bounds", async () => {
    // GIVEN a job that fails twice, with a backoff of 400 ms doubling up to 600 ms
    const startedAt: number[] = [];
    const e = engine();
    e.register(
      kind(
        "test.backoff",
        async () => {
          startedAt.push(Date.now());
          if (startedAt.length < 3) throw new Error("try again");
        },
        { backoff: { baseMs: 400, maxMs: 600 } },
      ),
    );
    await e.start();
    // WHEN it runs
    await enqueueJob(db, "test.backoff", {}, { key: "b", shop });
    await expect.poll(() => statusOf(e, shop, "test.backoff"), timeout).toEqual(["COMPLETED"]);
    // THEN the waits are at least half of 400 ms, then half of min(800, 600) ms, and nowhere near a wrong unit
    // (seconds for milliseconds). The upper bounds allow a loaded machine's poll slack (CI saw more than 700 ms of
    // it); the exact jitter bounds are checked by the next test, without a clock.
    const [first, second, third] = startedAt;
    const SLACK_MS = 5_000;
    expect(second! - first!).toBeGreaterThanOrEqual(200 - 20);
    expect(second! - first!).toBeLessThanOrEqual(400 + SLACK_MS);
    expect(third! - second!).toBeGreaterThanOrEqual(300 - 20);
    expect(third! - second!).toBeLessThanOrEqual(600 + SLACK_MS);
  });
});

describe("backoff between attempts (both engines)", () => {
  const policy = { baseMs: 1_000, maxMs: 60_000 };

  it("doubles per attempt, with jitter between half and all of the doubled delay", () => {
    // GIVEN the smallest and largest jitter, WHEN attempts 1..5 fail, THEN each delay is within its bounds
    for (let attempt = 1; attempt <= 5; attempt++) {
      const full = 1_000 * 2 ** (attempt - 1);
      expect(backoffDelayMs(policy, attempt, () => 0)).toBe(full / 2);
      expect(backoffDelayMs(policy, attempt, () => 1)).toBe(full);
      const d = backoffDelayMs(policy, attempt);
      expect(d).toBeGreaterThanOrEqual(full / 2);
      expect(d).toBeLessThanOrEqual(full);
    }
    // ... and two jobs that failed together do not come back together
    expect(backoffDelayMs(policy, 3, () => 0.1)).not.toBe(backoffDelayMs(policy, 3, () => 0.9));
  });

  it("never waits longer than maxMs, however many attempts failed", () => {
    for (const attempt of [7, 10, 30, 100]) {
      expect(backoffDelayMs(policy, attempt, () => 1)).toBe(60_000);
      expect(backoffDelayMs(policy, attempt, () => 0)).toBe(30_000);
    }
    expect(backoffDelayMs({ baseMs: 0, maxMs: 0 }, 4)).toBe(0);
  });
});
