// The app's Shopify-writing job kinds on one runner for a test's database: what a running server does after a
// webhook's answer (docs/jobs.md). Short polls and backoffs; a fake Shopify through `deps.clientFor`.
import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../../app/jobs/deps";
import { routingApplyDecisionKind } from "../../app/jobs/kinds/routing-apply-decision.server";
import { trackingPushKind } from "../../app/jobs/kinds/tracking-push.server";
import { createJobEngine } from "../../app/jobs/runner.server";
import type { JobEngine } from "../../app/jobs/types";

const quiet = { log: () => undefined, error: () => undefined };

export function appJobRunner(db: PrismaClient, url: string, deps: JobDeps): JobEngine {
  const engine = createJobEngine(db, url, { pollMs: 20, shutdownGraceMs: 2_000, log: quiet });
  const withBackoff = { backoff: { baseMs: 20, maxMs: 50 }, ...deps };
  engine.register(routingApplyDecisionKind(db, withBackoff) as never);
  engine.register(trackingPushKind(db, withBackoff) as never);
  return engine;
}

/** Runs `body` while the app's jobs run (as in a running server), then stops the runner. */
export async function whileJobsRun<T>(
  db: PrismaClient,
  url: string,
  deps: JobDeps,
  body: (engine: JobEngine) => Promise<T>,
): Promise<T> {
  const engine = appJobRunner(db, url, deps);
  await engine.start();
  try {
    return await body(engine);
  } finally {
    await engine.stop();
  }
}
