import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import { cancelOrderRouting } from "../../services/order-routing/order-changes/cancel-order-routing.server";
import type { OrderCancellation } from "../../services/order-routing/order-changes/order-change-types";
import { enqueueJob, type JobWriter } from "../enqueue.server";
import type { JobKind } from "../types";

export const ROUTING_ORDER_CANCEL = "routing.order-cancel";

/** One job per cancelled order: a redelivered or repeated orders/cancelled adds nothing. */
export function enqueueOrderCancel(tx: JobWriter, shop: string, cancellation: OrderCancellation) {
  return enqueueJob(tx, ROUTING_ORDER_CANCEL, cancellation as never, {
    key: `cancel:${cancellation.orderId}`,
    shop,
  });
}

/**
 * Stops the order's routing (decision CANCELLED, pending actions superseded) and releases its warehouse handoffs
 * (cancelOrderRouting). The decision held by its apply job: retried with backoff.
 */
export function routingOrderCancelKind(db: PrismaClient, deps: JobDeps = {}): JobKind<OrderCancellation> {
  return {
    kind: ROUTING_ORDER_CANCEL,
    attempts: 8,
    backoff: deps.backoff ?? { baseMs: 10_000, maxMs: 10 * 60_000 },
    timeoutMs: 60_000,
    concurrencyPerShop: 2,
    async handler(cancellation, { shop }) {
      await cancelOrderRouting(db, shop, cancellation, {
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}),
      });
    },
  };
}
