import db from "../../db.server";
import { appEnv } from "../../env.server";
import { reconcileOnStartup } from "./reconciler.server";

/** Completes routing actions a previous process left pending (crash, deploy); called once the server listens. */
export function reconcilePendingRoutingOnStartup(): Promise<void> {
  const { actionLeaseMs } = appEnv();
  return reconcileOnStartup(db, console, actionLeaseMs ? { leaseMs: actionLeaseMs } : {});
}
