import type { PrismaClient } from "@prisma/client";
import { isPostgresUrl } from "../db/postgres.server";
import type { JobDeps } from "./deps";
import { routingApplyDecisionKind } from "./kinds/routing-apply-decision.server";
import { ROUTING_RECONCILE_SCHEDULE, routingReconcileKind } from "./kinds/routing-reconcile.server";
import { TRACKING_MAINTENANCE_SCHEDULE, trackingMaintenanceKind } from "./kinds/tracking-maintenance.server";
import { handoffFulfillKind } from "./kinds/handoff-fulfill.server";
import { handoffRequestsKind } from "./kinds/handoff-requests.server";
import { handoffSendKind } from "./kinds/handoff-send.server";
import { stockFullSyncKind } from "./kinds/stock-full-sync.server";
import { trackingPushKind } from "./kinds/tracking-push.server";
import { PgBossJobEngine } from "./pg-boss-engine.server";
import { SqliteJobEngine } from "./sqlite-engine.server";
import type { JobEngine, RunnerOptions } from "./types";

/** The engine the database calls for: pg-boss on PostgreSQL, the Job-table runner on SQLite. */
export function createJobEngine(db: PrismaClient, url: string, options: RunnerOptions = {}): JobEngine {
  return isPostgresUrl(url) ? new PgBossJobEngine(db, url, options) : new SqliteJobEngine(db, options);
}

/** Every job kind of the app, and the recurring ones' schedules. */
export function registerAppJobs(engine: JobEngine, db: PrismaClient, deps: JobDeps = {}): JobEngine {
  engine.register(routingApplyDecisionKind(db, deps) as never);
  engine.register(trackingPushKind(db, deps) as never);
  engine.register(routingReconcileKind(db, deps) as never);
  engine.register(trackingMaintenanceKind(db, deps) as never);
  engine.register(stockFullSyncKind(db, deps) as never);
  engine.register(handoffRequestsKind(db, deps) as never);
  engine.register(handoffSendKind(db, deps) as never);
  engine.register(handoffFulfillKind(db, deps) as never);
  engine.schedule(ROUTING_RECONCILE_SCHEDULE);
  engine.schedule(TRACKING_MAINTENANCE_SCHEDULE);
  return engine;
}
