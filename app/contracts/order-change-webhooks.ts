import { z } from "zod";
import { OrderLineItem, OrdersCreatePayload } from "./order-webhook";

// Payloads of the three order-change topics (shopify.dev "Webhooks" reference, topics orders/updated,
// orders/edited, orders/cancelled; docs/order-routing.md#orders-that-change). Only the fields Tailroute reads are
// checked; everything else passes through.

/**
 * orders/updated: the whole order, as on orders/create, plus `updated_at`. After an order edit a line's
 * `quantity` stays what was ordered and `current_quantity` (REST 2024-01+) is what is left to ship.
 */
export const OrdersUpdatedPayload = OrdersCreatePayload.extend({
  updated_at: z.string().nullish(),
  cancelled_at: z.string().nullish(),
  /** null (nothing fulfilled), "partial", "fulfilled", "restocked". */
  fulfillment_status: z.string().nullish(),
  line_items: z.array(OrderLineItem.extend({ current_quantity: z.number().int().nonnegative().nullish() })),
});
export type OrdersUpdatedPayload = z.infer<typeof OrdersUpdatedPayload>;

const LineItemDelta = z.looseObject({
  id: z.union([z.number().int(), z.string()]).transform(String),
  delta: z.number().int(),
});

/** orders/edited: an `order_edit` naming the order and the line items added or removed (with their delta). */
export const OrdersEditedPayload = z.looseObject({
  order_edit: z.looseObject({
    id: z.union([z.number().int(), z.string()]).transform(String),
    order_id: z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String),
    created_at: z.string().nullish(),
    staff_note: z.string().nullish(),
    line_items: z
      .looseObject({
        additions: z.array(LineItemDelta).default([]),
        removals: z.array(LineItemDelta).default([]),
      })
      .nullish(),
  }),
});
export type OrdersEditedPayload = z.infer<typeof OrdersEditedPayload>;

/** orders/cancelled: the whole order with `cancelled_at` set and `cancel_reason` (customer, fraud, inventory, …). */
export const OrdersCancelledPayload = z.looseObject({
  admin_graphql_api_id: z.string().startsWith("gid://shopify/Order/"),
  name: z.string().nullish(),
  cancelled_at: z.string().nullish(),
  cancel_reason: z.string().nullish(),
});
export type OrdersCancelledPayload = z.infer<typeof OrdersCancelledPayload>;

/**
 * RoutingDecision.changes (a stored Json column, read through readJsonColumn): what happened to the order after it
 * was decided — changes only recorded, and what superseded or cancelled the decision.
 */
export const StoredOrderChangesSchema = z
  .array(
    z.object({
      at: z.string(),
      /** orders/updated, orders/edited, orders/cancelled. */
      topic: z.string(),
      /** RECORDED (after fulfillment, or an edit), REDECIDED, CANCELLED, OWN_WRITE (an address Tailroute wrote). */
      outcome: z.string(),
      summary: z.string(),
    }),
  )
  .nullable();
export type StoredOrderChange = NonNullable<z.infer<typeof StoredOrderChangesSchema>>[number];
