// Enqueueing is one statement: on PostgreSQL the runner's relay deletes an outbox row the moment it has moved it into
// pg-boss, and a webhook may enqueue the same key at that moment (CI's fuzz run saw Prisma's read-then-write upsert
// answer P2025 "No record was found for an upsert" there). Runs on SQLite (`npm test`) and PostgreSQL
// (`npm run test:pg`).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { enqueueJob } from "../../app/jobs/enqueue.server";
import { freshTestDatabase } from "../support/test-database";

const dir = mkdtempSync(join(tmpdir(), "tailroute-enqueue-race-"));
const db = createPrismaClient(freshTestDatabase("enqueue_race", dir));
const shop = "enqueue-race.myshopify.com";
const KIND = "test.race";

afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("enqueueing a key while the same key is enqueued and relayed elsewhere", () => {
  it("always succeeds, and leaves at most one row per key", async () => {
    // GIVEN 60 keys, each enqueued four times at once while a relay deletes its row twice (as pg-boss's relay does)
    const rejected: string[] = [];
    for (let round = 0; round < 60; round++) {
      const key = `race-${round}`;
      const enqueue = () => enqueueJob(db, KIND, { round }, { shop, key });
      const relay = () => db.job.deleteMany({ where: { kind: KIND, key } });
      // WHEN they run concurrently
      const settled = await Promise.allSettled([
        enqueue(),
        relay(),
        enqueue(),
        enqueue(),
        relay(),
        enqueue(),
      ]);
      for (const s of settled) if (s.status === "rejected") rejected.push(String(s.reason).slice(0, 300));
    }
    // THEN no enqueue failed
    expect(rejected).toEqual([]);
    // AND the key stays unique: never two rows for one key
    const rows = await db.job.groupBy({ by: ["key"], where: { kind: KIND }, _count: { _all: true } });
    expect(rows.filter((r) => r._count._all > 1)).toEqual([]);
  }, 60_000);

  it("returns the id of the row already queued under the key", async () => {
    // GIVEN a queued job
    const first = await enqueueJob(db, KIND, { n: 1 }, { shop, key: "once" });
    // WHEN the same key is enqueued again with another payload
    const second = await enqueueJob(db, KIND, { n: 2 }, { shop, key: "once" });
    // THEN the same row answers, with its first payload
    expect(second).toBe(first);
    const row = await db.job.findUniqueOrThrow({ where: { id: first } });
    expect(row.payload).toEqual({ n: 1 });
  });
});
