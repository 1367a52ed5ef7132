import { fulfillmentWebhookAction } from "../services/tracking/fulfillment-webhook-action.server";

// fulfillments/update sends the same Fulfillment payload: tracking added to a fulfillment later links its shipment
// the same way, and pushes waiting for the fulfillment go out.
export const action = fulfillmentWebhookAction("fulfillments/update");
