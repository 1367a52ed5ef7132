import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { recordWebhookReceipt } from "../services/webhook-receipts.server";

// The receipt is recorded before answering so a redelivery is a no-op; routing the order
// (engine → fulfillment order moves) hangs off this receipt in the order-routing issue.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId } = await authenticate.webhook(request);
  await recordWebhookReceipt(db, { shop, topic, webhookId });
  return new Response(null, { status: 200 });
};
