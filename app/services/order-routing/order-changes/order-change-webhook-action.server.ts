import type { ActionFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import {
  OrdersCancelledPayload,
  OrdersEditedPayload,
  OrdersUpdatedPayload,
} from "../../../contracts/order-change-webhooks";
import db from "../../../db.server";
import { pokeJobRunner } from "../../../jobs/startup.server";
import { authenticate } from "../../../shopify.server";
import {
  receiveOrdersCancelled,
  receiveOrdersEdited,
  receiveOrdersUpdated,
  type OrderChangeReceipt,
} from "./order-change-webhook.server";

const TOPICS = {
  "orders/updated": { schema: OrdersUpdatedPayload, receive: receiveOrdersUpdated },
  "orders/edited": { schema: OrdersEditedPayload, receive: receiveOrdersEdited },
  "orders/cancelled": { schema: OrdersCancelledPayload, receive: receiveOrdersCancelled },
} as const;

/**
 * The action of an order-change webhook route (orders/updated, orders/edited, orders/cancelled): HMAC verified by
 * `authenticate.webhook` (401 when wrong), the payload checked (400 with the topic named), the delivery recorded
 * and any work queued in one transaction, then 200 at once; the job runner does the rest (docs/order-routing.md).
 */
export function orderChangeWebhookAction(topic: keyof typeof TOPICS) {
  const { schema, receive } = TOPICS[topic];
  return async ({ request }: ActionFunctionArgs) => {
    const { shop, topic: header, webhookId, payload } = await authenticate.webhook(request);
    const parsed = (schema as z.ZodType).safeParse(payload);
    if (!parsed.success) return new Response(`Invalid ${topic} payload`, { status: 400 });
    const outcome: OrderChangeReceipt = await (
      receive as (
        db: Parameters<typeof receiveOrdersUpdated>[0],
        delivery: { shop: string; webhookId: string; topic: string; payload: unknown },
      ) => Promise<OrderChangeReceipt>
    )(db, { shop, webhookId, topic: header, payload: parsed.data });
    if (outcome === "QUEUED" || outcome === "CANCELLING") pokeJobRunner();
    return new Response(null, { status: 200 });
  };
}
