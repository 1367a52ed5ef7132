import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import { offlineAdminClient } from "../../services/admin/admin-graphql.server";
import { applyOrderChange } from "../../services/order-routing/order-changes/apply-order-change.server";
import type { OrderChange } from "../../services/order-routing/order-changes/order-change-types";
import { enqueueJob, type JobWriter } from "../enqueue.server";
import type { JobKind } from "../types";

export const ROUTING_ORDER_CHANGE = "routing.order-change";

/**
 * Enqueued by the orders/updated and orders/edited webhooks in the transaction that marks the delivery processed;
 * keyed by the delivery (a redelivery adds nothing). Two deliveries carrying the same change are harmless: the
 * second finds the change already current.
 */
export function enqueueOrderChange(
  tx: JobWriter,
  shop: string,
  webhookId: string,
  change: OrderChange,
): Promise<string> {
  return enqueueJob(tx, ROUTING_ORDER_CHANGE, change as never, {
    key: `${change.topic}:${webhookId}`,
    shop,
  });
}

/**
 * Re-decides an order whose address or lines changed before fulfillment, or records the change after it
 * (applyOrderChange). Shopify unreadable, or the decision held by its apply job: retried with backoff.
 */
export function routingOrderChangeKind(db: PrismaClient, deps: JobDeps = {}): JobKind<OrderChange> {
  return {
    kind: ROUTING_ORDER_CHANGE,
    attempts: 8,
    backoff: deps.backoff ?? { baseMs: 30_000, maxMs: 15 * 60_000 },
    timeoutMs: 120_000,
    concurrencyPerShop: 1,
    async handler(change, { shop }) {
      const result = await applyOrderChange(db, shop, change, {
        clientFor: deps.clientFor ?? ((s: string) => offlineAdminClient(db, s)),
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.retry ? { retry: deps.retry } : {}),
        ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}),
      });
      if (result.outcome === "NOT_INSTALLED") return { drop: "no offline Admin access for the shop" };
    },
  };
}
