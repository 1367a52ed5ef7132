import type { ActionFunctionArgs } from "@remix-run/node";
import { appEnv } from "../../config/env.server";
import { OrdersCreatePayload } from "../../contracts/order-webhook";
import db from "../../db.server";
import { authenticate } from "../../shopify.server";
import { routeOrderWebhook } from "./order-webhook.server";

/**
 * The action of the orders/create webhook route. The decision (or the reason the order cannot be routed) is stored
 * before the answer; the Admin actions run after it, and the reconciler completes them if this process dies first
 * (docs/order-routing.md). A payload that is not an order gets a 400 with the reason.
 */
export function ordersCreateWebhookAction() {
  return async ({ request }: ActionFunctionArgs) => {
    const { shop, topic, webhookId, payload } = await authenticate.webhook(request);
    const parsed = OrdersCreatePayload.safeParse(payload);
    if (!parsed.success) return new Response("Invalid orders/create payload", { status: 400 });
    const { actionLeaseMs } = appEnv();
    const result = await routeOrderWebhook(
      db,
      { shop, topic, webhookId, payload: parsed.data },
      actionLeaseMs ? { applyLeaseMs: actionLeaseMs } : {},
    );
    if (result.outcome === "DECIDED" && result.applying) {
      result.applying.catch((error: unknown) => {
        console.error(
          "[order-routing] applying actions failed; the reconciler will retry:",
          error instanceof Error ? error.message : error,
        );
      });
    }
    return new Response(null, { status: 200 });
  };
}
