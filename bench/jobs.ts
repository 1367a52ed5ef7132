// `npm run bench` (job runner part, docs/jobs.md): 10,000 small jobs through each engine — jobs/s from the first
// start to the last completion — and enqueue-to-start latency of single jobs on an idle runner (p50/p99).
// Goal: ≥ 1,000 jobs/s on each engine, p99 ≤ 1 s when idle.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "../app/db.server";
import { enqueueJob } from "../app/jobs/enqueue.server";
import { createJobEngine } from "../app/jobs/runner.server";
import type { JobKind } from "../app/jobs/types";
import { freshSqliteDatabase } from "../scripts/lib/app-server";
import { freshPostgresDatabase } from "../scripts/lib/test-database-provider";

const JOBS = 10_000;
const LATENCY_SAMPLES = 100;
const quiet = { log: () => undefined, error: (...a: unknown[]) => console.error(...a) };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function benchEngine(label: string, url: string) {
  const db: PrismaClient = createPrismaClient(url);
  const shop = "bench-jobs.myshopify.com";
  await db.shop.create({
    data: { shop, strategyTuning: {}, defaultBox: {}, fallbackRates: [] },
  });
  let done = 0;
  let firstStart = 0;
  let lastEnd = 0;
  const started = new Map<string, number>();
  const kind: JobKind<{ n: number }> = {
    kind: "bench.noop",
    attempts: 3,
    backoff: { baseMs: 0, maxMs: 0 },
    timeoutMs: 10_000,
    concurrencyPerShop: 32,
    async handler({ n }) {
      const now = performance.now();
      firstStart ||= now;
      started.set(String(n), Date.now());
      done++;
      lastEnd = performance.now();
    },
  };
  const engine = createJobEngine(db, url, { concurrency: 32, pollMs: 100, log: quiet });
  engine.register(kind as never);
  // Throughput: 10,000 jobs committed first, then the runner drains them.
  for (let from = 0; from < JOBS; from += 1_000)
    await db.$transaction(async (tx) => {
      for (let n = from; n < from + 1_000; n++)
        await enqueueJob(tx, kind.kind, { n }, { key: `t${n}`, shop });
    });
  await engine.start();
  while (done < JOBS) await new Promise((r) => setTimeout(r, 20));
  const seconds = (lastEnd - firstStart) / 1000;
  // Latency when idle: one job at a time, from its commit to its handler's start.
  await new Promise((r) => setTimeout(r, 1_000));
  const latencies: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const n = JOBS + i;
    const committed = Date.now();
    await enqueueJob(db, kind.kind, { n }, { key: `l${n}`, shop });
    while (!started.has(String(n))) await new Promise((r) => setTimeout(r, 2));
    latencies.push(started.get(String(n))! - committed);
    await new Promise((r) => setTimeout(r, 20));
  }
  await engine.stop();
  await db.$disconnect();
  latencies.sort((a, b) => a - b);
  console.log(
    `jobs ${label.padEnd(8)} ${JOBS} jobs in ${seconds.toFixed(2)} s = ${Math.round(JOBS / seconds)} jobs/s; ` +
      `enqueue-to-start (idle, ${LATENCY_SAMPLES} jobs) p50 ${percentile(latencies, 0.5)} ms, p99 ${percentile(latencies, 0.99)} ms`,
  );
}

const dir = mkdtempSync(join(tmpdir(), "tailroute-bench-jobs-"));
try {
  await benchEngine("sqlite", freshSqliteDatabase(join(dir, "bench-jobs.sqlite")));
  let pgUrl: string | null = null;
  try {
    pgUrl = freshPostgresDatabase(`bench_jobs_${process.pid}`);
  } catch (error) {
    console.log(
      `jobs pg-boss: no PostgreSQL (${error instanceof Error ? error.message.split("\n")[0] : error})`,
    );
  }
  if (pgUrl) await benchEngine("pg-boss", pgUrl);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
