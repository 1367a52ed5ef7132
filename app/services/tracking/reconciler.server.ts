import type { PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import { offlineAdminClient } from "../admin/admin-graphql.server";
import type { RetryPolicy } from "../order-routing/admin-retry.server";
import { checkHoldExpiries, type HoldCheckReport } from "./holds.server";
import { pushPendingTracking, type PushReport } from "./push-pending.server";

export interface TrackingReconcileOptions {
  shop?: string;
  now?: () => Date;
  clientFor?: (shop: string) => Promise<GraphQLClient | null>;
  retry?: RetryPolicy;
}

export interface TrackingReconcileReport {
  holds: HoldCheckReport;
  pushes: (PushReport & { shop: string })[];
  notInstalled: string[];
}

/**
 * Runs the hold-expiry check, then pushes every pending tracking write (fulfillment events, order tags) of every
 * shop that has some. Safe to run concurrently with ingestion: pushes are leased one by one.
 */
export async function reconcileTracking(
  db: PrismaClient,
  options: TrackingReconcileOptions = {},
): Promise<TrackingReconcileReport> {
  const now = options.now ?? (() => new Date());
  const clientFor = options.clientFor ?? ((shop: string) => offlineAdminClient(db, shop));
  const holds = await checkHoldExpiries(db, { now: now(), ...(options.shop ? { shop: options.shop } : {}) });
  const shops = await db.trackingPush.findMany({
    where: { status: "PENDING", ...(options.shop ? { shop: options.shop } : {}) },
    distinct: ["shop"],
    select: { shop: true },
  });
  const report: TrackingReconcileReport = { holds, pushes: [], notInstalled: [] };
  for (const { shop } of shops) {
    const installed = await db.shop.findFirst({ where: { shop, uninstalledAt: null }, select: { id: true } });
    const client = installed ? await clientFor(shop) : null;
    if (!client) {
      report.notInstalled.push(shop);
      continue;
    }
    const pushes = await pushPendingTracking(db, client, shop, {
      now,
      ...(options.retry ? { retry: options.retry } : {}),
    });
    report.pushes.push(...pushes.map((p) => ({ ...p, shop })));
  }
  return report;
}

/**
 * One pass of the `tracking.maintenance` job (every 15 minutes and at start-up, docs/jobs.md), logged. A failing
 * pass throws: the job runner retries it.
 */
export async function runTrackingMaintenance(
  db: PrismaClient,
  log: Pick<Console, "log" | "error"> = console,
  options: TrackingReconcileOptions = {},
): Promise<TrackingReconcileReport> {
  const report = await reconcileTracking(db, options);
  const applied = report.pushes.filter((p) => p.result === "APPLIED").length;
  if (applied || report.holds.expired.length || report.holds.reminders.length)
    log.log(
      `[tracking] pushed ${applied} Shopify write(s); ${report.holds.expired.length} hold(s) expired, ${report.holds.reminders.length} reminder(s) due`,
    );
  return report;
}
