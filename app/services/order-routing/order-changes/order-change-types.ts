import type { OrderRoutingInput } from "../order-input.server";

/** An orders/updated whose address or lines differ from the current decision: the job's payload. */
export interface OrderUpdateChange {
  topic: "orders/updated";
  orderId: string;
  /** The decision that was current when the webhook arrived (for the record; the job reads the current one). */
  decisionId: string;
  input: OrderRoutingInput;
  fingerprint: string;
  /** The order's updated_at: an older delivery than the one a decision reflects is ignored. */
  updatedAt: string | null;
  /** REST fulfillment_status: null, "partial", "fulfilled", "restocked". */
  fulfillmentStatus: string | null;
}

/** An orders/edited: recorded on the current decision (the orders/updated that follows carries the new lines). */
export interface OrderEditChange {
  topic: "orders/edited";
  orderId: string;
  editId: string;
  addedUnits: number;
  removedUnits: number;
  at: string | null;
}

export type OrderChange = OrderUpdateChange | OrderEditChange;

/** orders/cancelled: the job's payload. */
export interface OrderCancellation {
  orderId: string;
  cancelledAt: string | null;
  reason: string | null;
}

/** A Shopify order gid from the numeric id an order_edit carries. */
export const orderGid = (numericId: string) => `gid://shopify/Order/${numericId}`;
