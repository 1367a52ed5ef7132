import type { ActionFunctionArgs } from "@remix-run/node";
import { FulfillmentsCreatePayload } from "../../contracts/tracking-fulfillment-webhook";
import db from "../../db.server";
import { pokeJobRunner } from "../../jobs/startup.server";
import { authenticate } from "../../shopify.server";
import { handleFulfillmentCreated } from "./fulfillment-webhook.server";

/**
 * The action of the fulfillments/create and fulfillments/update webhook routes: both send the REST Fulfillment
 * payload, and a fulfillment with tracking numbers (new, or added later) links one shipment per number. Events that
 * arrived before it are pushed to Shopify by the `tracking.push` job the link enqueued (docs/jobs.md); the
 * committed job wakes this process's runner at once.
 */
export function fulfillmentWebhookAction(topic: "fulfillments/create" | "fulfillments/update") {
  return async ({ request }: ActionFunctionArgs) => {
    const { shop, topic: topicEnum, webhookId, payload } = await authenticate.webhook(request);
    const parsed = FulfillmentsCreatePayload.safeParse(payload);
    if (!parsed.success) return new Response(`Invalid ${topic} payload`, { status: 400 });
    const result = await handleFulfillmentCreated(db, {
      shop,
      topic: topicEnum,
      webhookId,
      payload: parsed.data,
    });
    if (result.outcome === "LINKED" && result.linkedExisting > 0) pokeJobRunner();
    return new Response(null, { status: 200 });
  };
}
