import db from "../db.server";
import { appEnv } from "../config/env.server";
import { databaseUrl } from "../db/database-url";
import { enqueueJob } from "./enqueue.server";
import { HANDOFF_CATCH_UP } from "./kinds/handoff-catch-up.server";
import { ROUTING_RECONCILE } from "./kinds/routing-reconcile.server";
import { TRACKING_MAINTENANCE } from "./kinds/tracking-maintenance.server";
import { createJobEngine, registerAppJobs } from "./runner.server";
import type { JobEngine } from "./types";

let running: JobEngine | null = null;

/**
 * Starts the app's one job runner once the server listens, with a reconcile, a tracking pass and a handoff catch-up
 * right away (what a previous process left open; keyed by this boot so the passes are not queued twice). Returns a
 * graceful stop (SIGTERM): running jobs finish within the grace or are released for another worker.
 */
export async function startJobRunnerOnStartup(): Promise<() => Promise<void>> {
  const { actionLeaseMs, jobSuperviseSeconds, jobAttemptMs } = appEnv();
  const engine = registerAppJobs(
    createJobEngine(
      db,
      databaseUrl(),
      jobSuperviseSeconds ? { superviseIntervalSeconds: jobSuperviseSeconds } : {},
    ),
    db,
    actionLeaseMs ? { leaseMs: actionLeaseMs } : {},
    jobAttemptMs ? { attemptMs: jobAttemptMs } : {},
  );
  running = engine;
  const boot = new Date().toISOString();
  await enqueueJob(db, ROUTING_RECONCILE, {}, { key: `startup@${boot}`, shop: "" });
  await enqueueJob(db, TRACKING_MAINTENANCE, {}, { key: `startup@${boot}`, shop: "" });
  // Fulfillment requests whose notification arrived while no process listened.
  await enqueueJob(db, HANDOFF_CATCH_UP, {}, { key: `startup@${boot}`, shop: "" });
  await engine.start();
  return async () => {
    await engine.stop();
    running = null;
  };
}

/** Wakes this process's runner after an enqueue committed (no-op in processes without one, e.g. the CLI). */
export function pokeJobRunner(): void {
  running?.poke();
}
