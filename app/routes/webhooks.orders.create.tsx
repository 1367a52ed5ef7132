import { ordersCreateWebhookAction } from "../services/order-routing/orders-create-webhook-action.server";

// Each new order is routed: a decision stored before the answer, its Admin actions applied after it.
export const action = ordersCreateWebhookAction();
