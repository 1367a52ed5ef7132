import type { ActionFunctionArgs } from "@remix-run/node";
import { FulfillmentsCreatePayload } from "../contracts/tracking-fulfillment-webhook";
import db from "../db.server";
import { handleFulfillmentCreated } from "../services/tracking/fulfillment-webhook.server";
import { authenticate } from "../shopify.server";

// fulfillments/update sends the same Fulfillment payload as fulfillments/create: tracking added to a fulfillment
// later links its shipment the same way, and pushes waiting for the fulfillment go out (docs/tracking.md).
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticate.webhook(request);
  const parsed = FulfillmentsCreatePayload.safeParse(payload);
  if (!parsed.success) return new Response("Invalid fulfillments/update payload", { status: 400 });
  const result = await handleFulfillmentCreated(db, { shop, topic, webhookId, payload: parsed.data });
  if (result.outcome === "LINKED" && result.pushing) {
    result.pushing.catch((error: unknown) => {
      console.error(
        "[tracking] pushing after the fulfillment update failed; the reconciler will retry:",
        error instanceof Error ? error.message : error,
      );
    });
  }
  return new Response(null, { status: 200 });
};
