import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import { offlineAdminClient } from "../../services/admin/admin-graphql.server";
import { closeUnfulfillableHandoff } from "../../services/handoff/warehouse-unfulfillable.server";
import { enqueueJob, type JobWriter } from "../enqueue.server";
import type { JobKind } from "../types";

export const HANDOFF_CLOSE = "handoff.close";

export interface HandoffClosePayload {
  fulfillmentOrderId: string;
}

/** Enqueued with the warehouse's report: one per fulfillment order and request (a report sent twice adds nothing). */
export function enqueueHandoffClose(
  tx: JobWriter,
  shop: string,
  fulfillmentOrderId: string,
  requestCount: number,
): Promise<string> {
  return enqueueJob(tx, HANDOFF_CLOSE, { fulfillmentOrderId } satisfies HandoffClosePayload, {
    key: `${shop}:${fulfillmentOrderId}:r${requestCount}`,
    shop,
  });
}

/**
 * Closes the fulfillment order as incomplete in Shopify with the warehouse's reason (docs/handoff.md). Shopify
 * failing is retried with backoff; its refusal (userErrors, e.g. the merchant already moved the order) fails the job
 * with Shopify's message, on the Background work page.
 */
export function handoffCloseKind(db: PrismaClient, deps: JobDeps = {}): JobKind<HandoffClosePayload> {
  return {
    kind: HANDOFF_CLOSE,
    attempts: 8,
    backoff: deps.backoff ?? { baseMs: 30_000, maxMs: 15 * 60_000 },
    timeoutMs: 60_000,
    concurrencyPerShop: 2,
    async handler({ fulfillmentOrderId }, { shop }) {
      const client = await (deps.clientFor ?? ((s: string) => offlineAdminClient(db, s)))(shop);
      if (!client) return { drop: "no offline Admin access for the shop" };
      const result = await closeUnfulfillableHandoff(db, client, shop, fulfillmentOrderId, deps.retry);
      if ("drop" in result) return result;
    },
  };
}
