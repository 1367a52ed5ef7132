import db from "../../db.server";
import { startTrackingMaintenance } from "./reconciler.server";

/**
 * Hold-expiry check and pending Shopify pushes at start-up and every 15 minutes (call once when the server listens,
 * like `reconcilePendingRoutingOnStartup`). Returns a stop function.
 */
export function startTrackingMaintenanceOnStartup(): () => void {
  return startTrackingMaintenance(db);
}
