// The runner's failure cases with real processes and the CLI: a worker killed mid-job, an always-failing job
// listed by `tailroute jobs` and retried with `tailroute jobs retry`, and many jobs through two runners at once.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { enqueueJob } from "../../app/jobs/enqueue.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { testDatabaseProvider } from "../../scripts/lib/test-database-provider";
import { freshTestDatabase } from "../support/test-database";
import { kind, statusOf, testEngine } from "./harness";

const require = createRequire(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), "tailroute-jobs-reliability-"));
const url = freshTestDatabase("jobs_reliability", dir);
const db = createPrismaClient(url);
const shop = "jobs-reliability.myshopify.com";
const timeout = { timeout: 20_000 };

const tailroute = (args: string[]) =>
  spawnSync(process.execPath, ["bin/tailroute.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url },
  });

beforeAll(() => recordInstall(db, shop));
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("job runner reliability", () => {
  // pg-boss hands a dead worker's job to another after its expiry, checked by its monitor every minute or so;
  // the SQLite engine (one process) lapses it at start-up, which this test can wait for.
  it.runIf(testDatabaseProvider() === "sqlite")(
    "kill -9 in the middle of a job: after a restart the job runs again and its effect happens once",
    async () => {
      // GIVEN a job whose worker dies (SIGKILL) after doing its effect, before recording it done
      await enqueueJob(db, "test.effect", { key: "effect-1" }, { key: "effect-1", shop });
      const worker = (mode: string) =>
        spawn(
          process.execPath,
          [require.resolve("tsx/cli"), "tests/jobs/fixtures/effect-worker.ts", url, mode],
          {
            stdio: ["ignore", "pipe", "inherit"],
          },
        );
      const first = worker("hang");
      await new Promise<void>((resolve) =>
        first.stdout!.on("data", (d: Buffer) => d.includes("RUNNING") && resolve()),
      );
      first.kill("SIGKILL");
      await new Promise((r) => first.once("exit", r));
      expect((await db.job.findFirstOrThrow({ where: { shop, kind: "test.effect" } })).status).toBe(
        "RUNNING",
      );
      // WHEN the server starts again
      const second = worker("finish");
      try {
        // THEN the job runs again and completes, and its effect exists once
        await expect
          .poll(
            async () => (await db.job.findFirstOrThrow({ where: { shop, kind: "test.effect" } })).status,
            timeout,
          )
          .toBe("COMPLETED");
      } finally {
        second.kill("SIGKILL");
      }
      const job = await db.job.findFirstOrThrow({ where: { shop, kind: "test.effect" } });
      expect(job.attempts).toBe(2);
      expect(await db.webhookReceipt.count({ where: { shop, topic: "test/effect" } })).toBe(1);
    },
  );

  it("an always-failing job ends failed, `tailroute jobs --failed` lists it with its error, `jobs retry` runs it", async () => {
    let healthy = false;
    let calls = 0;
    const engine = testEngine(db, url);
    engine.register(
      kind("test.always-fails", async () => {
        calls++;
        if (!healthy) throw new Error("carrier API answered 503");
      }),
    );
    await engine.start();
    try {
      await enqueueJob(db, "test.always-fails", {}, { key: "label-1", shop });
      await expect.poll(() => statusOf(engine, shop, "test.always-fails"), timeout).toEqual(["FAILED"]);
      // WHEN an operator lists the shop's failed jobs
      const listed = tailroute(["jobs", "--shop", shop, "--failed", "--json"]);
      expect(listed.status, listed.stderr).toBe(0);
      const { jobs } = JSON.parse(listed.stdout) as {
        jobs: { id: string; kind: string; status: string; error: string; attempts: number }[];
      };
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({ kind: "test.always-fails", status: "FAILED", attempts: 3 });
      expect(jobs[0]!.error).toContain("carrier API answered 503");
      const text = tailroute(["jobs", "--shop", shop]);
      expect(text.stdout).toContain("error: carrier API answered 503");
      // ... and retries it once the carrier is back
      healthy = true;
      const retried = tailroute(["jobs", "retry", jobs[0]!.id]);
      expect(retried.status, retried.stderr).toBe(0);
      await expect.poll(() => statusOf(engine, shop, "test.always-fails"), timeout).toEqual(["COMPLETED"]);
      expect(calls).toBe(4);
      // THEN a retry of a job that is not failed, or of an unknown id, is refused
      expect(tailroute(["jobs", "retry", jobs[0]!.id]).status).toBe(1);
      expect(tailroute(["jobs", "retry", "00000000-0000-5000-8000-000000000000"]).status).toBe(1);
      expect(tailroute(["jobs"]).status).toBe(2);
    } finally {
      await engine.stop();
    }
  });

  it("1,000 jobs through two runners on one database: each runs exactly once", async () => {
    // SQLite has one writer: there the two runners share one process's database like two workers would.
    const runs = new Map<string, number>();
    const engines = [testEngine(db, url, { concurrency: 8 }), testEngine(db, url, { concurrency: 8 })];
    for (const e of engines)
      e.register(
        kind<{ n: number }>(
          "test.many",
          async ({ n }) => void runs.set(String(n), (runs.get(String(n)) ?? 0) + 1),
          {
            concurrencyPerShop: 8,
          },
        ),
      );
    await Promise.all(engines.map((e) => e.start()));
    try {
      await db.$transaction(
        async (tx) => {
          for (let n = 0; n < 1000; n++) await enqueueJob(tx, "test.many", { n }, { key: `many-${n}`, shop });
        },
        { timeout: 60_000 },
      ); // 1,000 statements outlast Prisma's 5 s default on a loaded machine
      const started = Date.now();
      await expect.poll(() => runs.size, { timeout: 80_000 }).toBe(1000);
      console.log(`[jobs] 1,000 jobs through two runners in ${Date.now() - started} ms`);
      await new Promise((r) => setTimeout(r, 300));
      expect([...runs.values()].every((n) => n === 1)).toBe(true);
      expect((await engines[0]!.counts(shop))["test.many"]).toMatchObject({ COMPLETED: 1000, FAILED: 0 });
    } finally {
      await Promise.all(engines.map((e) => e.stop()));
    }
  }, 90_000);
});
