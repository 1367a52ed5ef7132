import type { PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import { enqueueTrackingPush } from "../../jobs/kinds/tracking-push.server";
import { offlineAdminClient } from "../admin/admin-graphql.server";
import type { RetryPolicy } from "../order-routing/admin-retry.server";
import { checkHoldExpiries, type HoldCheckReport } from "./holds.server";
import { pushPendingTracking, type PushReport } from "./push-pending.server";
import { runNotificationSweeps } from "../notifications/sweeps.server";

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
 * `tailroute shipments --check`: the operator runs the hold-expiry check, then pushes every pending tracking write
 * (fulfillment events, order tags) of the shop now, in this process. Safe beside the jobs: pushes are leased one by
 * one. The app itself never calls this: its recurring pass (`runTrackingMaintenance`) only enqueues jobs.
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

export interface TrackingMaintenanceReport {
  holds: HoldCheckReport;
  /** Shipments with pending Shopify writes, each given its `tracking.push` job (new, or already there). */
  shipments: number;
}

const PASS_BATCH = 1_000;

/**
 * One pass of the `tracking.maintenance` job (every 15 minutes and at start-up, docs/jobs.md): the hold-expiry
 * check (its hold-expired tags are queued with their own `tracking.push` jobs), then every shipment of an installed
 * shop with pending Shopify writes gets a `tracking.push` job keyed by its oldest pending write — a no-op when that
 * job exists in any state (a FAILED one waits for the merchant's Retry). It pushes nothing itself: the per-shop
 * limits, the dropping of an uninstalled shop's work and the per-shop Background work list apply to every push.
 * A failing pass throws: the job runner retries it.
 */
export async function runTrackingMaintenance(
  db: PrismaClient,
  log: Pick<Console, "log" | "error"> = console,
  options: { now?: () => Date; shop?: string } = {},
): Promise<TrackingMaintenanceReport> {
  const now = options.now ?? (() => new Date());
  const holds = await checkHoldExpiries(db, { now: now(), ...(options.shop ? { shop: options.shop } : {}) });
  // Buyer notifications the pass finds due: email reminders on the shop's schedule, shipments newly at risk.
  await runNotificationSweeps(db, now(), options.shop);
  const uninstalled = (
    await db.shop.findMany({ where: { uninstalledAt: { not: null } }, select: { shop: true } })
  ).map((s) => s.shop);
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await db.trackingPush.findMany({
      where: {
        status: "PENDING",
        ...(options.shop
          ? { shop: options.shop }
          : uninstalled.length
            ? { shop: { notIn: uninstalled } }
            : {}),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: PASS_BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, shop: true, shipmentId: true, key: true },
    });
    for (const push of page) {
      if (seen.has(push.shipmentId) || uninstalled.includes(push.shop)) continue;
      seen.add(push.shipmentId);
      await enqueueTrackingPush(db, push.shop, push.shipmentId, push.key);
    }
    if (page.length < PASS_BATCH) break;
    cursor = page[page.length - 1].id;
  }
  if (seen.size || holds.expired.length || holds.reminders.length)
    log.log(
      `[tracking] ${seen.size} shipment(s) with pending Shopify writes, each with its push job; ` +
        `${holds.expired.length} hold(s) expired, ${holds.reminders.length} reminder(s) due`,
    );
  return { holds, shipments: seen.size };
}
