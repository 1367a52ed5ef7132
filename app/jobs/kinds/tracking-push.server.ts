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

/** While a sibling job (another write of the same shipment) holds a push, wait this long between looks… */
const BUSY_WAIT_MS = 200;
/** …and this many times (about 10 s; a push is leased only while its one Shopify call runs). */
const BUSY_LOOKS = 50;

/**
 * Pushes the shipment's pending writes, in order (push-pending: each once, checked after a crash). Several jobs
 * may exist for one shipment (one per transition): when another is sending one of its writes right now (BUSY),
 * this one waits for it and pushes what is left, instead of failing its attempt with a misleading error. A push
 * still pending (Shopify failing), or held for longer, fails the attempt: retried with backoff, FAILED with the
 * error after the last. One waiting for Shopify's fulfillment is done here: the link enqueues the push again.
 */
export function trackingPushKind(db: PrismaClient, deps: JobDeps = {}): JobKind<TrackingPushPayload> {
  return {
    kind: TRACKING_PUSH,
    attempts: 8,
    backoff: deps.backoff ?? { baseMs: 30_000, maxMs: 15 * 60_000 },
    timeoutMs: 120_000,
    concurrencyPerShop: 2,
    async handler({ shipmentId }, { shop, signal }) {
      const client = await (deps.clientFor ?? ((s: string) => offlineAdminClient(db, s)))(shop);
      if (!client) return { drop: "no offline Admin access for the shop" };
      for (let look = 1; ; look++) {
        const reports = await pushPendingTracking(db, client, shop, {
          shipmentId,
          ...(deps.now ? { now: deps.now } : {}),
          ...(deps.retry ? { retry: deps.retry } : {}),
        });
        const failing = reports.find((r) => r.result === "PENDING");
        if (failing)
          throw new Error(
            `push ${failing.pushId} (${failing.kind}) still PENDING${failing.error ? `: ${failing.error}` : ""}`,
          );
        const busy = reports.find((r) => r.result === "BUSY");
        if (!busy) return;
        if (look >= BUSY_LOOKS || signal.aborted)
          throw new Error(`push ${busy.pushId} (${busy.kind}) still held by another worker`);
        await new Promise((resolve) => setTimeout(resolve, BUSY_WAIT_MS));
      }
    },
  };
}
