import type { ActionFunctionArgs } from "@remix-run/node";
import { OrdersCreatePayload } from "../contracts/order-webhook";
import db from "../db.server";
import { appEnv } from "../config/env.server";
import { routeOrderWebhook } from "../services/order-routing/order-webhook.server";
import { authenticate } from "../shopify.server";

// The decision (or the reason the order cannot be routed) is stored before the answer; the Admin actions
// run after it, and the reconciler completes them if this process dies first (docs/order-routing.md).
export const action = async ({ request }: ActionFunctionArgs) => {
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
