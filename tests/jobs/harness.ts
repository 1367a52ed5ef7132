// One runner per test on the test file's database, with short polls and backoffs (no sleeps in the tests).
import type { PrismaClient } from "@prisma/client";
import { createJobEngine } from "../../app/jobs/runner.server";
import type { JobEngine, JobKind, JobStatus, RunnerOptions } from "../../app/jobs/types";

export const quiet = { log: () => undefined, error: () => undefined };

export function testEngine(db: PrismaClient, url: string, options: RunnerOptions = {}): JobEngine {
  return createJobEngine(db, url, { pollMs: 20, shutdownGraceMs: 2_000, log: quiet, ...options });
}

export function kind<P>(
  name: string,
  handler: JobKind<P>["handler"],
  rules: Partial<JobKind<P>> = {},
): JobKind<never> {
  return {
    kind: name,
    attempts: 3,
    backoff: { baseMs: 0, maxMs: 0 },
    timeoutMs: 5_000,
    concurrencyPerShop: 4,
    handler,
    ...rules,
  } as unknown as JobKind<never>;
}

export async function statusOf(engine: JobEngine, shop: string, kindName: string): Promise<JobStatus[]> {
  return (await engine.list({ shop, kind: kindName })).map((j) => j.status);
}
