import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import { offlineAdminClient } from "../../services/admin/admin-graphql.server";
import { pushPendingTracking } from "../../services/tracking/push-pending.server";
import { enqueueJob, type JobWriter } from "../enqueue.server";
import type { JobKind } from "../types";

export const TRACKING_PUSH = "tracking.push";

export interface TrackingPushPayload {
  shipmentId: string;
}

/**
 * Enqueued in the transaction that queues a Shopify write for a shipment (a transition, a hold expiry, a late
 * link): `key` is what made it (the push's own key, or the link), so a replayed scan enqueues nothing.
 */
export function enqueueTrackingPush(
  tx: JobWriter,
  shop: string,
  shipmentId: string,
  key: string,
): Promise<string> {
  return enqueueJob(tx, TRACKING_PUSH, { shipmentId } satisfies TrackingPushPayload, {
    key: `${shop}:${key}`,
    shop,
  });
}

/**
 * Pushes the shipment's pending writes, in order (push-pending: each once, checked after a crash). A push still
 * pending (Shopify failing) or leased by another worker is retried with backoff; one waiting for Shopify's
 * fulfillment is done here: the link enqueues the push again.
 */
export function trackingPushKind(db: PrismaClient, deps: JobDeps = {}): JobKind<TrackingPushPayload> {
  return {
    kind: TRACKING_PUSH,
    attempts: 8,
    backoff: deps.backoff ?? { baseMs: 30_000, maxMs: 15 * 60_000 },
    timeoutMs: 120_000,
    concurrencyPerShop: 2,
    async handler({ shipmentId }, { shop }) {
      const client = await (deps.clientFor ?? ((s: string) => offlineAdminClient(db, s)))(shop);
      if (!client) return { drop: "no offline Admin access for the shop" };
      const reports = await pushPendingTracking(db, client, shop, {
        shipmentId,
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.retry ? { retry: deps.retry } : {}),
      });
      const open = reports.find((r) => r.result === "PENDING" || r.result === "BUSY");
      if (open)
        throw new Error(
          `push ${open.pushId} (${open.kind}) still ${open.result}${open.error ? `: ${open.error}` : ""}`,
        );
    },
  };
}
