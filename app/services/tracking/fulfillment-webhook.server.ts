import type { PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import type { FulfillmentsCreatePayload } from "../../contracts/tracking-fulfillment-webhook";
import { offlineAdminClient } from "../admin/admin-graphql.server";
import type { RetryPolicy } from "../order-routing/admin-retry.server";
import { markWebhookProcessed, recordWebhookReceipt } from "../webhooks/receipts.server";
import { pushPendingTracking, type PushReport } from "./push-pending.server";
import { linkFulfillment } from "./shipment-link.server";

export interface FulfillmentWebhookDeps {
  now?: () => Date;
  clientFor?: (shop: string) => Promise<GraphQLClient | null>;
  retry?: RetryPolicy;
}

export type FulfillmentWebhookResult =
  | { outcome: "REDELIVERY" | "NO_TRACKING" }
  | { outcome: "LINKED"; shipmentIds: string[]; pushing: Promise<PushReport[]> | null };

/**
 * fulfillments/create and fulfillments/update (tracking added or changed later; same REST Fulfillment payload):
 * records the delivery (a processed redelivery is a no-op), creates or completes one shipment
 * per tracking number, and pushes what was waiting for the fulfillment (events that arrived before it).
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
  let pushing: Promise<PushReport[]> | null = null;
  if (linked.linkedExisting > 0) {
    const installed = await db.shop.findFirst({ where: { shop, uninstalledAt: null }, select: { id: true } });
    const client = installed
      ? await (deps.clientFor ?? ((s: string) => offlineAdminClient(db, s)))(shop)
      : null;
    if (client)
      pushing = pushPendingTracking(db, client, shop, { now, ...(deps.retry ? { retry: deps.retry } : {}) });
  }
  return { outcome: "LINKED", shipmentIds: linked.shipmentIds, pushing };
}
