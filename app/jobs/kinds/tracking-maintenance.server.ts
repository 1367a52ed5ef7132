import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import { runTrackingMaintenance } from "../../services/tracking/reconciler.server";
import type { JobKind, JobSchedule } from "../types";

export const TRACKING_MAINTENANCE = "tracking.maintenance";

/**
 * Every 15 minutes (and once at start-up): hold reminders and expiries, then a keyed `tracking.push` job for each
 * shipment with a Shopify write still pending (a no-op when it has one). The pass pushes nothing itself.
 */
export const TRACKING_MAINTENANCE_SCHEDULE: JobSchedule = {
  name: "tracking-maintenance",
  kind: TRACKING_MAINTENANCE,
  cron: "*/15 * * * *",
  payload: {},
};

export function trackingMaintenanceKind(db: PrismaClient, deps: JobDeps = {}): JobKind<object> {
  return {
    kind: TRACKING_MAINTENANCE,
    attempts: 3,
    backoff: { baseMs: 10_000, maxMs: 60_000 },
    timeoutMs: 10 * 60_000,
    concurrencyPerShop: 1,
    async handler() {
      await runTrackingMaintenance(db, console, deps.now ? { now: deps.now } : {});
    },
  };
}
