import { orderChangeWebhookAction } from "../services/order-routing/order-changes/order-change-webhook-action.server";

// An order edit (lines added or removed) is recorded on the decision; its orders/updated re-decides.
export const action = orderChangeWebhookAction("orders/edited");
