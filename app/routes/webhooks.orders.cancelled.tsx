import { orderChangeWebhookAction } from "../services/order-routing/order-changes/order-change-webhook-action.server";

// A cancelled order stops its pending routing actions and releases its warehouse handoffs.
export const action = orderChangeWebhookAction("orders/cancelled");
