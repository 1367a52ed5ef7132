import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import { deliverNotification } from "../../services/notifications/deliver.server";
import { enqueueJob, type JobWriter } from "../enqueue.server";
import type { JobKind } from "../types";

export const NOTIFICATION_DELIVER = "notification.deliver";

export interface NotificationDeliverPayload {
  notificationId: string;
}

/**
 * Enqueued with the Notification row, in the transaction that recorded the event. The key names the event and the
 * channel, so the same event recorded again enqueues nothing.
 */
export function enqueueNotificationDeliver(
  tx: JobWriter,
  shop: string,
  channel: string,
  eventKey: string,
  notificationId: string,
): Promise<string> {
  return enqueueJob(tx, NOTIFICATION_DELIVER, { notificationId } satisfies NotificationDeliverPayload, {
    key: `${shop}:${channel}:${eventKey}`,
    shop,
  });
}

/**
 * Fires the Flow trigger or sends the email of one Notification row, once: a row already SENT or SKIPPED is done; a
 * row another worker is sending waits for it. Shopify or the SMTP server failing fails the attempt (retried with
 * backoff); a refusal that will not heal (Flow's userErrors, a rejected recipient) ends the row FAILED with it.
 */
export function notificationDeliverKind(
  db: PrismaClient,
  deps: JobDeps = {},
): JobKind<NotificationDeliverPayload> {
  return {
    kind: NOTIFICATION_DELIVER,
    attempts: 8,
    backoff: deps.backoff ?? { baseMs: 30_000, maxMs: 15 * 60_000 },
    timeoutMs: 60_000,
    concurrencyPerShop: 2,
    async handler({ notificationId }, { shop }) {
      const outcome = await deliverNotification(db, shop, notificationId, deps);
      if (outcome.result === "RETRY") throw new Error(outcome.detail);
      if (outcome.result === "GONE") return { drop: outcome.detail };
    },
  };
}
