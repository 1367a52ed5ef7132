import { fulfillmentWebhookAction } from "../services/tracking/fulfillment-webhook-action.server";

// A fulfillment with tracking numbers becomes one shipment per number, linked to the order's routing decision.
export const action = fulfillmentWebhookAction("fulfillments/create");
