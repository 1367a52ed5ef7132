import type { PrismaClient } from "@prisma/client";
import { isPostgresUrl } from "../db/postgres.server";
import type { JobDeps } from "./deps";
import { routingApplyDecisionKind } from "./kinds/routing-apply-decision.server";
import { ROUTING_RECONCILE_SCHEDULE, routingReconcileKind } from "./kinds/routing-reconcile.server";
import { TRACKING_MAINTENANCE_SCHEDULE, trackingMaintenanceKind } from "./kinds/tracking-maintenance.server";
import { HANDOFF_CATCH_UP_SCHEDULE, handoffCatchUpKind } from "./kinds/handoff-catch-up.server";
import { handoffCloseKind } from "./kinds/handoff-close.server";
import { handoffFulfillKind } from "./kinds/handoff-fulfill.server";
import { handoffRequestsKind } from "./kinds/handoff-requests.server";
import { handoffSendKind } from "./kinds/handoff-send.server";
import { appointmentSyncKind } from "./kinds/appointment-sync.server";
import { pickupUpsRefreshKind } from "./kinds/pickup-ups-refresh.server";
import { PICKUP_UPS_WEEKLY_SCHEDULE, pickupUpsWeeklyKind } from "./kinds/pickup-ups-weekly.server";
import { routingOrderCancelKind } from "./kinds/routing-order-cancel.server";
import { routingOrderChangeKind } from "./kinds/routing-order-change.server";
import { stockFullSyncKind } from "./kinds/stock-full-sync.server";
import { trackingPushKind } from "./kinds/tracking-push.server";
import { notificationDeliverKind } from "./kinds/notification-deliver.server";
import { labelsPurchaseKind } from "./kinds/labels-purchase.server";
import { labelsRefundKind } from "./kinds/labels-refund.server";
import { ordersAddressFixKind } from "./kinds/orders-address-fix.server";
import { ordersAddressTagKind } from "./kinds/orders-address-tag.server";
import { PgBossJobEngine } from "./pg-boss-engine.server";
import { SqliteJobEngine } from "./sqlite-engine.server";
import type { JobEngine, JobKind, RunnerOptions } from "./types";

/** The engine the database calls for: pg-boss on PostgreSQL, the Job-table runner on SQLite. */
export function createJobEngine(db: PrismaClient, url: string, options: RunnerOptions = {}): JobEngine {
  return isPostgresUrl(url) ? new PgBossJobEngine(db, url, options) : new SqliteJobEngine(db, options);
}

/** Every job kind of the app, and the recurring ones' schedules. `attemptMs` caps every kind's time limit. */
export function registerAppJobs(
  engine: JobEngine,
  db: PrismaClient,
  deps: JobDeps = {},
  limits: { attemptMs?: number } = {},
): JobEngine {
  const register = (kind: JobKind<never>) =>
    engine.register(
      limits.attemptMs ? { ...kind, timeoutMs: Math.min(kind.timeoutMs, limits.attemptMs) } : kind,
    );
  register(routingApplyDecisionKind(db, deps) as never);
  register(trackingPushKind(db, deps) as never);
  register(routingReconcileKind(db, deps) as never);
  register(trackingMaintenanceKind(db, deps) as never);
  register(stockFullSyncKind(db, deps) as never);
  register(handoffRequestsKind(db, deps) as never);
  register(handoffSendKind(db, deps) as never);
  register(handoffFulfillKind(db, deps) as never);
  register(handoffCloseKind(db, deps) as never);
  register(handoffCatchUpKind(db, deps) as never);
  register(routingOrderChangeKind(db, deps) as never);
  register(routingOrderCancelKind(db, deps) as never);
  register(appointmentSyncKind(db, deps) as never);
  register(notificationDeliverKind(db, deps) as never);
  register(pickupUpsRefreshKind(db, deps) as never);
  register(pickupUpsWeeklyKind(db, deps) as never);
  register(labelsPurchaseKind(db, deps) as never);
  register(labelsRefundKind(db, deps) as never);
  register(ordersAddressTagKind(db, deps) as never);
  register(ordersAddressFixKind(db, deps) as never);
  engine.schedule(ROUTING_RECONCILE_SCHEDULE);
  engine.schedule(TRACKING_MAINTENANCE_SCHEDULE);
  engine.schedule(HANDOFF_CATCH_UP_SCHEDULE);
  engine.schedule(PICKUP_UPS_WEEKLY_SCHEDULE);
  return engine;
}
