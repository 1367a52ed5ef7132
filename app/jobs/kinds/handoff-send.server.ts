import type { PrismaClient } from "@prisma/client";
import type { HandoffDocument } from "../../contracts/warehouse-handoff";
import type { JobDeps } from "../deps";
import { sendHandoff } from "../../services/handoff/send-handoff.server";
import { enqueueJob, type JobWriter } from "../enqueue.server";
import type { JobKind } from "../types";

export const HANDOFF_SEND = "handoff.send";

export interface HandoffSendPayload {
  fulfillmentOrderId: string;
  event: HandoffDocument["event"];
  /** `fulfillment.updated`: which change (the appointment's version), so each change is sent once. */
  revision?: number;
}

/**
 * Enqueued with the handoff's state change; one job per fulfillment order and event, and per revision for updates
 * (a replay adds nothing).
 */
export function enqueueHandoffSend(
  tx: JobWriter,
  shop: string,
  fulfillmentOrderId: string,
  event: HandoffDocument["event"],
  revision?: number,
): Promise<string> {
  const payload = {
    fulfillmentOrderId,
    event,
    ...(revision ? { revision } : {}),
  } satisfies HandoffSendPayload;
  return enqueueJob(tx, HANDOFF_SEND, payload, {
    key: `${shop}:${fulfillmentOrderId}:${event}${revision ? `:v${revision}` : ""}`,
    shop,
  });
}

/**
 * Delivers one handoff to its warehouse. A warehouse that fails is retried with backoff for about two hours (12
 * attempts, 30 s doubling to 15 min); after that the job is FAILED with the warehouse's answer, listed on the
 * Background work page and by `tailroute jobs --failed`, and Retry sends it again.
 */
export function handoffSendKind(db: PrismaClient, deps: JobDeps = {}): JobKind<HandoffSendPayload> {
  return {
    kind: HANDOFF_SEND,
    attempts: 12,
    backoff: deps.backoff ?? { baseMs: 30_000, maxMs: 15 * 60_000 },
    timeoutMs: 30_000,
    concurrencyPerShop: 4,
    async handler({ fulfillmentOrderId, event, revision }, { shop, signal }) {
      const result = await sendHandoff(db, shop, fulfillmentOrderId, event, {
        signal,
        ...(revision ? { revision } : {}),
        ...(deps.now ? { now: deps.now } : {}),
      });
      if ("dropped" in result) return { drop: result.dropped };
      // Cancelled while the request was on its way: the warehouse now holds an order it must not ship.
      if (result.cancelledMeanwhile)
        await enqueueHandoffSend(db, shop, fulfillmentOrderId, "fulfillment.cancelled");
    },
  };
}
