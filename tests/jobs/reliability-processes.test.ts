// The runner's failure cases with real worker processes, on SQLite (`npm test`) and on PostgreSQL
// (`npm run test:pg`): a worker killed mid-job, and 1,000 jobs through two worker processes. The failing job and the
// database outage are in reliability-failures.test.ts; the two files run side by side.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { enqueueJob } from "../../app/jobs/enqueue.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { testDatabaseProvider } from "../../scripts/lib/test-database-provider";
import { freshTestDatabase } from "../support/test-database";
import { statusOf, testEngine } from "./harness";
import { exited, startScript } from "./processes";

const WORKER = "tests/jobs/fixtures/effect-worker.ts";
const dir = mkdtempSync(join(tmpdir(), "tailroute-jobs-processes-"));
const url = freshTestDatabase("jobs_processes", dir);
const db = createPrismaClient(url);
const shop = "jobs-processes.myshopify.com";
const timeout = { timeout: 30_000 };
const postgres = testDatabaseProvider() === "postgres";
/** Reads jobs through the engine's list API (never started: on PostgreSQL the Job table is only the outbox). */
const viewer = testEngine(db, url);
/** A job runner in a process of its own (tests/jobs/fixtures/effect-worker.ts); `ready` once it ran test.effect. */
const worker = (mode: string) => startScript(WORKER, [url, mode], "RUNNING");

beforeAll(() => recordInstall(db, shop));
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe(`job runner reliability with worker processes (${postgres ? "pg-boss" : "sqlite"})`, () => {
  it("kill -9 in the middle of a job: after a restart the job runs again and its effect happens once", async () => {
    // GIVEN a job whose worker process dies (SIGKILL) after doing its effect, before recording it done
    await enqueueJob(db, "test.effect", { key: "effect-1" }, { key: "effect-1", shop });
    const first = worker("hang");
    await first.ready;
    first.process.kill("SIGKILL");
    await exited(first.process);
    expect(await statusOf(viewer, shop, "test.effect")).toEqual(["RUNNING"]);
    // WHEN the server starts again (pg-boss: once the dead worker's claim expired, the time limit + 5 s)
    const second = startScript(WORKER, [url, "finish"], "READY");
    try {
      // (counted from its start: a loaded machine took over 20 s to start the process)
      await second.ready;
      // THEN the job runs again and completes, as its second attempt, and its effect exists once
      await expect.poll(() => statusOf(viewer, shop, "test.effect"), timeout).toEqual(["COMPLETED"]);
    } finally {
      second.process.kill("SIGKILL");
      await exited(second.process);
    }
    const [job] = await viewer.list({ shop, kind: "test.effect" });
    expect(job!.attempts).toBe(2);
    expect(await db.webhookReceipt.count({ where: { shop, topic: "test/effect" } })).toBe(1);
  }, 90_000);

  it("1,000 jobs through two worker processes on one database: each runs exactly once", async () => {
    // GIVEN 1,000 jobs queued, each recording every run of it as a row of its own (queued before the workers
    // start: on SQLite a 1,000-statement transaction racing two runners' claims for the one writer timed out in CI)
    await db.$transaction(
      async (tx) => {
        for (let n = 0; n < 1000; n++) await enqueueJob(tx, "test.many", { n }, { key: `many-${n}`, shop });
      },
      { timeout: 60_000 },
    ); // 1,000 statements outlast Prisma's 5 s default on a loaded machine
    // WHEN two server instances (processes) run the runner on the same database
    const workers = [
      startScript(WORKER, [url, "many"], "READY"),
      startScript(WORKER, [url, "many"], "READY"),
    ];
    try {
      await Promise.all(workers.map((w) => w.ready));
      const started = Date.now();
      const runs = () => db.webhookReceipt.count({ where: { shop, topic: "test/many" } });
      await expect.poll(runs, { timeout: 80_000, interval: 250 }).toBeGreaterThanOrEqual(1000);
      await expect
        .poll(async () => (await viewer.counts(shop))["test.many"]?.COMPLETED, { timeout: 20_000 })
        .toBe(1000);
      console.log(`[jobs] 1,000 jobs through two worker processes in ${Date.now() - started} ms`);
      // THEN each job ran exactly once: 1,000 runs, one per job
      const rows = await db.webhookReceipt.findMany({
        where: { shop, topic: "test/many" },
        select: { webhookId: true },
      });
      expect(rows).toHaveLength(1000);
      expect(new Set(rows.map((r) => r.webhookId.split("#")[0])).size).toBe(1000);
      expect((await viewer.counts(shop))["test.many"]).toMatchObject({ COMPLETED: 1000, FAILED: 0 });
    } finally {
      for (const w of workers) w.process.kill("SIGTERM");
      await Promise.all(workers.map((w) => exited(w.process)));
    }
  }, 150_000);
});
