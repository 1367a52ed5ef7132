import type { PrismaClient } from "@prisma/client";
import { isUniqueConstraintViolation } from "../../db/portable.server";

export type ReceiptOutcome = "FIRST_DELIVERY" | "REDELIVERY";

/**
 * Records a webhook delivery by its `X-Shopify-Webhook-Id`. Shopify redelivers a webhook it did not
 * see acknowledged in time; the unique index turns that redelivery into a no-op for the caller.
 */
export async function recordWebhookReceipt(
  db: PrismaClient,
  receipt: { shop: string; webhookId: string; topic: string },
): Promise<ReceiptOutcome> {
  try {
    await db.webhookReceipt.create({ data: receipt });
    return "FIRST_DELIVERY";
  } catch (error) {
    if (isUniqueConstraintViolation(error)) return "REDELIVERY";
    throw error;
  }
}

/** Marks a recorded delivery as fully processed. */
export async function markWebhookProcessed(db: PrismaClient, shop: string, webhookId: string, now: Date) {
  await db.webhookReceipt.updateMany({ where: { shop, webhookId }, data: { processedAt: now } });
}
