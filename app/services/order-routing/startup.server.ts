import db from "../../db.server";
import { appEnv } from "../../config/env.server";
import { startRoutingReconciler } from "./reconciler.server";

/**
 * Completes routing actions a previous process left pending (crash, deploy) once the server listens, then every
 * five minutes those that Shopify's outages or throttling left open. Returns a stop function.
 */
export function reconcilePendingRoutingOnStartup(): () => void {
  const { actionLeaseMs } = appEnv();
  return startRoutingReconciler(db, console, actionLeaseMs ? { leaseMs: actionLeaseMs } : {});
}
