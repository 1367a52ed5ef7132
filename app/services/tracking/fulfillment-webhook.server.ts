import type { PrismaClient } from "@prisma/client";
import type { FulfillmentsCreatePayload } from "../../contracts/tracking-fulfillment-webhook";
import { markWebhookProcessed, recordWebhookReceipt } from "../webhooks/receipts.server";
import { linkFulfillment } from "./shipment-link.server";

export interface FulfillmentWebhookDeps {
  now?: () => Date;
}

export type FulfillmentWebhookResult =
  | { outcome: "REDELIVERY" | "NO_TRACKING" }
  | { outcome: "LINKED"; shipmentIds: string[]; linkedExisting: number };

/**
 * fulfillments/create and fulfillments/update (tracking added or changed later; same REST Fulfillment payload):
 * records the delivery (a processed redelivery is a no-op) and creates or completes one shipment per tracking
 * number. What was waiting for the fulfillment (events that arrived before it) is pushed by the `tracking.push`
 * job the link enqueues in its transaction (docs/jobs.md) — nothing is pushed from here.
 */
export async function handleFulfillmentCreated(
  db: PrismaClient,
  delivery: { shop: string; webhookId: string; topic: string; payload: FulfillmentsCreatePayload },
  deps: FulfillmentWebhookDeps = {},
): Promise<FulfillmentWebhookResult> {
  const { shop, webhookId, topic, payload } = delivery;
  const now = deps.now ?? (() => new Date());
  if ((await recordWebhookReceipt(db, { shop, webhookId, topic })) === "REDELIVERY") {
    const seen = await db.webhookReceipt.findFirst({
      where: { shop, webhookId },
      select: { processedAt: true },
    });
    if (seen?.processedAt) return { outcome: "REDELIVERY" };
  }
  const linked = await linkFulfillment(db, shop, payload, now());
  await markWebhookProcessed(db, shop, webhookId, now());
  if (linked.shipmentIds.length === 0) return { outcome: "NO_TRACKING" };
  return { outcome: "LINKED", shipmentIds: linked.shipmentIds, linkedExisting: linked.linkedExisting };
}
