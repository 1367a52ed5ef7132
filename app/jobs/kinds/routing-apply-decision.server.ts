import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import { offlineAdminClient } from "../../services/admin/admin-graphql.server";
import { applyDecision } from "../../services/order-routing/apply-actions.server";
import { enqueueJob, type JobWriter } from "../enqueue.server";
import type { JobKind } from "../types";

export const ROUTING_APPLY_DECISION = "routing.apply-decision";

export interface ApplyDecisionPayload {
  decisionId: string;
}

/** Enqueued in the transaction that stores a routed decision: its Admin actions are applied even after a crash. */
export function enqueueApplyDecision(tx: JobWriter, shop: string, decisionId: string): Promise<string> {
  return enqueueJob(tx, ROUTING_APPLY_DECISION, { decisionId } satisfies ApplyDecisionPayload, {
    key: decisionId,
    shop,
  });
}

/**
 * Applies a decision's pending actions (apply-actions: each action once, checked after a crash). Shopify still
 * failing, or another worker holding the decision, is an error: the job retries with backoff for about an hour.
 */
export function routingApplyDecisionKind(
  db: PrismaClient,
  deps: JobDeps = {},
): JobKind<ApplyDecisionPayload> {
  return {
    kind: ROUTING_APPLY_DECISION,
    attempts: 8,
    backoff: deps.backoff ?? { baseMs: 30_000, maxMs: 15 * 60_000 },
    timeoutMs: 120_000,
    concurrencyPerShop: 2,
    async handler({ decisionId }, { shop }) {
      const client = await (deps.clientFor ?? ((s: string) => offlineAdminClient(db, s)))(shop);
      if (!client) return { drop: "no offline Admin access for the shop" };
      const result = await applyDecision(db, client, shop, decisionId, {
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.retry ? { retry: deps.retry } : {}),
        ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}),
      });
      if (result === "PENDING" || result === "BUSY")
        throw new Error(`decision ${decisionId} still ${result}`);
    },
  };
}
