import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import { offlineAdminClient } from "../../services/admin/admin-graphql.server";
import { completeDecision, decisionJobRound } from "../../services/order-routing/reconciler.server";
import { enqueueJob, type JobWriter } from "../enqueue.server";
import type { JobKind } from "../types";

export const ROUTING_APPLY_DECISION = "routing.apply-decision";

export interface ApplyDecisionPayload {
  decisionId: string;
  /** The routing round the job completes (0: the decision as the webhook stored it). */
  round?: number;
}

/**
 * Enqueued in the transaction that stores a decision to apply (PENDING) or to decide again (NEEDS_INPUT): it is
 * completed even after a crash. Keyed by the decision and its round: a redelivered webhook or the recurring pass
 * adds nothing, while a decision a re-route opened again (a new round) gets a job of its own.
 */
export function enqueueApplyDecision(
  tx: JobWriter,
  shop: string,
  decisionId: string,
  round = 0,
): Promise<string> {
  return enqueueJob(tx, ROUTING_APPLY_DECISION, { decisionId, round } satisfies ApplyDecisionPayload, {
    key: round === 0 ? decisionId : `${decisionId}:round:${round}`,
    shop,
  });
}

/**
 * Completes a decision (reconciler's completeDecision): decides it again if it waits for Shopify's data, then
 * applies its pending actions (each once, checked after a crash). Shopify still failing, or another worker
 * holding the decision, is an error: the job retries with backoff for about an hour, then ends FAILED with it.
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
    async handler({ decisionId, round = 0 }, { shop }) {
      const client = await (deps.clientFor ?? ((s: string) => offlineAdminClient(db, s)))(shop);
      if (!client) return { drop: "no offline Admin access for the shop" };
      const result = await completeDecision(db, client, shop, decisionId, {
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.retry ? { retry: deps.retry } : {}),
        ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}),
      });
      if (result !== "PENDING" && result !== "BUSY" && result !== "NEEDS_INPUT") return;
      const decision = await db.routingDecision.findFirst({ where: { id: decisionId, shop } });
      if (!decision || (decision.status !== "PENDING" && decision.status !== "NEEDS_INPUT")) return;
      const next = decisionJobRound(decision);
      // A re-route opened a later round meanwhile: that round's job takes over (this one is done).
      if (next !== round) {
        await enqueueApplyDecision(db, shop, decisionId, next);
        return;
      }
      throw new Error(
        `decision ${decisionId} still ${decision.status}${decision.error ? `: ${decision.error}` : ""}`,
      );
    },
  };
}
