import db from "../../db.server";
import { reconcileOnStartup } from "./reconciler.server";

/** Completes routing actions a previous process left pending (crash, deploy); called once the server listens. */
export function reconcilePendingRoutingOnStartup(): Promise<void> {
  return reconcileOnStartup(db);
}
