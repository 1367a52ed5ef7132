import { orderChangeWebhookAction } from "../services/order-routing/order-changes/order-change-webhook-action.server";

// A new address or changed lines re-decide the order before fulfillment, and are only recorded after it.
export const action = orderChangeWebhookAction("orders/updated");
