import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import { offlineAdminClient } from "../../services/admin/admin-graphql.server";
import { fulfillHandoff } from "../../services/handoff/fulfill-handoff.server";
import { enqueueJob, type JobWriter } from "../enqueue.server";
import type { JobKind } from "../types";

export const HANDOFF_FULFILL = "handoff.fulfill";

export interface HandoffFulfillPayload {
  fulfillmentOrderId: string;
}

/** Enqueued with the warehouse's tracking: one per fulfillment order (a report sent twice adds nothing). */
export function enqueueHandoffFulfill(
  tx: JobWriter,
  shop: string,
  fulfillmentOrderId: string,
): Promise<string> {
  return enqueueJob(tx, HANDOFF_FULFILL, { fulfillmentOrderId } satisfies HandoffFulfillPayload, {
    key: `${shop}:${fulfillmentOrderId}`,
    shop,
  });
}

/** Creates the Shopify fulfillment with the warehouse's tracking (the buyer is notified by Shopify). */
export function handoffFulfillKind(db: PrismaClient, deps: JobDeps = {}): JobKind<HandoffFulfillPayload> {
  return {
    kind: HANDOFF_FULFILL,
    attempts: 8,
    backoff: deps.backoff ?? { baseMs: 30_000, maxMs: 15 * 60_000 },
    timeoutMs: 120_000,
    concurrencyPerShop: 2,
    async handler({ fulfillmentOrderId }, { shop }) {
      const client = await (deps.clientFor ?? ((s: string) => offlineAdminClient(db, s)))(shop);
      if (!client) return { drop: "no offline Admin access for the shop" };
      const result = await fulfillHandoff(db, client, shop, fulfillmentOrderId, deps.retry);
      if ("drop" in result) return result;
    },
  };
}
