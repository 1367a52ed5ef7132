import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import { reconcilePass, RECONCILE_WINDOW_MS } from "../../services/order-routing/reconciler.server";
import type { JobKind, JobSchedule } from "../types";

export const ROUTING_RECONCILE = "routing.reconcile";

/**
 * Every 5 minutes (and once at start-up): every open decision of the last 7 days gets its `routing.apply-decision`
 * job (keyed: a no-op when it has one, in any state). The pass applies nothing itself.
 */
export const ROUTING_RECONCILE_SCHEDULE: JobSchedule = {
  name: "routing-reconcile",
  kind: ROUTING_RECONCILE,
  cron: "*/5 * * * *",
  payload: {},
};

export function routingReconcileKind(db: PrismaClient, deps: JobDeps = {}): JobKind<object> {
  return {
    kind: ROUTING_RECONCILE,
    attempts: 3,
    backoff: { baseMs: 10_000, maxMs: 60_000 },
    timeoutMs: 4 * 60_000,
    concurrencyPerShop: 1,
    async handler() {
      const since = new Date(Date.now() - RECONCILE_WINDOW_MS);
      await reconcilePass(db, console, { since, ...(deps.now ? { now: deps.now } : {}) });
    },
  };
}
