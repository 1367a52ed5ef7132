import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import { offlineAdminClient } from "../../services/admin/admin-graphql.server";
import { takeFulfillmentRequests } from "../../services/handoff/record-requests.server";
import { enqueueJob, type JobWriter } from "../enqueue.server";
import type { JobKind } from "../types";

export const HANDOFF_REQUESTS = "handoff.requests";

export interface HandoffRequestsPayload {
  kind: "FULFILLMENT_REQUEST" | "CANCELLATION_REQUEST";
}

/**
 * Enqueued by Shopify's fulfillment_order_notification. The work reads every waiting request, so notifications
 * of the same kind within ten seconds share one job (the key); a later one runs again and finds nothing new.
 */
export function enqueueHandoffRequests(
  tx: JobWriter,
  shop: string,
  kind: HandoffRequestsPayload["kind"],
  now: Date,
): Promise<string> {
  const window = Math.floor(now.getTime() / 10_000);
  return enqueueJob(tx, HANDOFF_REQUESTS, { kind } satisfies HandoffRequestsPayload, {
    key: `${shop}:${kind}:${window}`,
    shop,
  });
}

/** Accepts the shop's waiting fulfillment (and cancellation) requests and records each handoff with its send job. */
export function handoffRequestsKind(db: PrismaClient, deps: JobDeps = {}): JobKind<HandoffRequestsPayload> {
  return {
    kind: HANDOFF_REQUESTS,
    attempts: 8,
    backoff: deps.backoff ?? { baseMs: 15_000, maxMs: 10 * 60_000 },
    timeoutMs: 120_000,
    // One at a time per shop: two runs would both try to accept the same request.
    concurrencyPerShop: 1,
    async handler(_payload, { shop }) {
      const client = await (deps.clientFor ?? ((s: string) => offlineAdminClient(db, s)))(shop);
      if (!client) return { drop: "no offline Admin access for the shop" };
      await takeFulfillmentRequests(db, client, shop, {
        ...(deps.now ? { now: deps.now() } : {}),
        ...(deps.retry ? { retry: deps.retry } : {}),
      });
    },
  };
}
