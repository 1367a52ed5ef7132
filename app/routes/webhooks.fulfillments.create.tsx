import type { ActionFunctionArgs } from "@remix-run/node";
import { FulfillmentsCreatePayload } from "../contracts/tracking-fulfillment-webhook";
import db from "../db.server";
import { handleFulfillmentCreated } from "../services/tracking/fulfillment-webhook.server";
import { authenticate } from "../shopify.server";

// A fulfillment with tracking numbers becomes one shipment per number, linked to the order's routing decision
// (docs/tracking.md). Events that arrived before it are pushed to Shopify after the answer.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticate.webhook(request);
  const parsed = FulfillmentsCreatePayload.safeParse(payload);
  if (!parsed.success) return new Response("Invalid fulfillments/create payload", { status: 400 });
  const result = await handleFulfillmentCreated(db, { shop, topic, webhookId, payload: parsed.data });
  if (result.outcome === "LINKED" && result.pushing) {
    result.pushing.catch((error: unknown) => {
      console.error(
        "[tracking] pushing after the fulfillment failed; the reconciler will retry:",
        error instanceof Error ? error.message : error,
      );
    });
  }
  return new Response(null, { status: 200 });
};
