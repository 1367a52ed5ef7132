import type { ActionFunctionArgs } from "@remix-run/node";
import { OrdersCreatePayload } from "../../contracts/order-webhook";
import db from "../../db.server";
import { pokeJobRunner } from "../../jobs/startup.server";
import { authenticate } from "../../shopify.server";
import { routeOrderWebhook } from "./order-webhook.server";

/**
 * The action of the orders/create webhook route. The decision (or the reason the order cannot be routed) is stored
 * before the answer, with the `routing.apply-decision` job that applies its Admin actions (docs/jobs.md); the
 * committed job wakes this process's runner at once. A payload that is not an order gets a 400 with the reason.
 */
export function ordersCreateWebhookAction() {
  return async ({ request }: ActionFunctionArgs) => {
    const { shop, topic, webhookId, payload } = await authenticate.webhook(request);
    const parsed = OrdersCreatePayload.safeParse(payload);
    if (!parsed.success) return new Response("Invalid orders/create payload", { status: 400 });
    const result = await routeOrderWebhook(db, { shop, topic, webhookId, payload: parsed.data });
    if (result.outcome === "DECIDED") pokeJobRunner();
    return new Response(null, { status: 200 });
  };
}
