import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { SqliteJobEngine } from "../../app/jobs/sqlite-engine.server";
import { freshSqliteDatabase } from "../../scripts/lib/app-server";
import { kind, quiet } from "./harness";

// The SQLite runner on a quiet queue (every app server idles most of the time): what it asks the database per
// second, counted with a Prisma query extension around the Job table.
const dir = mkdtempSync(join(tmpdir(), "tailroute-jobs-idle-"));
const db = createPrismaClient(freshSqliteDatabase(join(dir, "jobs.sqlite")));
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

/** A client that counts the runner's claims (Job.findMany) and enqueues (Job.upsert). */
function counting() {
  const calls = { findMany: 0, upsert: 0 };
  const client = db.$extends({
    query: {
      job: {
        findMany: ({ args, query }) => (calls.findMany++, query(args)),
        upsert: ({ args, query }) => (calls.upsert++, query(args)),
      },
    },
  }) as unknown as PrismaClient;
  return { client, calls };
}
const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the SQLite job runner with nothing to do", () => {
  it("asks for work about once a second, not on every 20 ms poll", async () => {
    // GIVEN a runner polling every 20 ms and an empty queue
    const { client, calls } = counting();
    const engine = new SqliteJobEngine(client, { pollMs: 20, log: quiet });
    engine.register(kind("test.idle", async () => undefined));
    await engine.start();
    // WHEN it idles for 2 s
    await idle(2_000);
    await engine.stop();
    // THEN it claimed a handful of times (a poll every 20 ms would be about 100)
    expect(calls.findMany).toBeGreaterThanOrEqual(1);
    expect(calls.findMany).toBeLessThanOrEqual(6);
  });

  it("enqueues a schedule's occurrence once, not on every check", async () => {
    // GIVEN a runner with an every-minute schedule
    const { client, calls } = counting();
    const engine = new SqliteJobEngine(client, { pollMs: 20, log: quiet });
    engine.register(kind("test.every-minute", async () => undefined));
    engine.schedule({ name: "every-minute", kind: "test.every-minute", cron: "* * * * *", payload: {} });
    await engine.start();
    // WHEN it runs for 2.5 s (its schedule is checked every second)
    await idle(2_500);
    await engine.stop();
    // THEN the occurrence was written once (twice if a minute turned meanwhile), and its job ran
    expect(calls.upsert).toBeGreaterThanOrEqual(1);
    expect(calls.upsert).toBeLessThanOrEqual(2);
    expect(await db.job.count({ where: { kind: "test.every-minute", status: "COMPLETED" } })).toBe(
      calls.upsert,
    );
  });
});
