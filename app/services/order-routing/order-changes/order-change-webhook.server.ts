import type { PrismaClient } from "@prisma/client";
import type {
  OrdersCancelledPayload,
  OrdersEditedPayload,
  OrdersUpdatedPayload,
} from "../../../contracts/order-change-webhooks";
import { enqueueOrderCancel } from "../../../jobs/kinds/routing-order-cancel.server";
import { enqueueOrderChange } from "../../../jobs/kinds/routing-order-change.server";
import { recordWebhookReceipt } from "../../webhooks/receipts.server";
import { currentDecision, decisionFingerprint, isClosed } from "./decision-chain.server";
import { orderGid, type OrderChange } from "./order-change-types";
import { orderFingerprint, updatedOrderInput } from "./order-fingerprint.server";

export type OrderChangeReceipt =
  "REDELIVERY" | "NOT_INSTALLED" | "NO_DECISION" | "CLOSED" | "UNCHANGED" | "CANCELLING" | "QUEUED";

interface Delivery<P> {
  shop: string;
  webhookId: string;
  topic: string;
  payload: P;
}

/** Records the delivery; null when it goes on, else what to answer (a processed redelivery, an uninstalled shop). */
async function admit(db: PrismaClient, delivery: Delivery<unknown>): Promise<OrderChangeReceipt | null> {
  const { shop, webhookId, topic } = delivery;
  if ((await recordWebhookReceipt(db, { shop, webhookId, topic })) === "REDELIVERY") {
    const seen = await db.webhookReceipt.findFirst({
      where: { shop, webhookId },
      select: { processedAt: true },
    });
    if (seen?.processedAt) return "REDELIVERY";
  }
  const installed = await db.shop.findFirst({ where: { shop, uninstalledAt: null }, select: { id: true } });
  return installed ? null : "NOT_INSTALLED";
}

/** Marks the delivery processed, with the job it queued (if any) in the same transaction. */
async function finish(
  db: PrismaClient,
  delivery: Delivery<unknown>,
  now: Date,
  enqueue?: (tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0]) => Promise<unknown>,
) {
  await db.$transaction(async (tx) => {
    if (enqueue) await enqueue(tx);
    await tx.webhookReceipt.updateMany({
      where: { shop: delivery.shop, webhookId: delivery.webhookId },
      data: { processedAt: now },
    });
  });
}

/**
 * orders/updated: compared, in the request, with the order's current decision by a fingerprint of its shipping
 * address and lines. Equal (Tailroute's own tags and note, a merchant's tag, a payment) → nothing else happens; a
 * difference → a `routing.order-change` job (re-decide before fulfillment, record after) queued with the
 * delivery's receipt. A cancelled order is left to orders/cancelled. Cheap enough to answer within Shopify's 5 s.
 */
export async function receiveOrdersUpdated(
  db: PrismaClient,
  delivery: Delivery<OrdersUpdatedPayload>,
  deps: { now?: () => Date } = {},
): Promise<OrderChangeReceipt> {
  const now = deps.now ?? (() => new Date());
  const early = await admit(db, delivery);
  if (early) return early;
  const { payload } = delivery;
  const orderId = payload.admin_graphql_api_id;
  const current = await currentDecision(db, delivery.shop, orderId);
  let outcome: OrderChangeReceipt;
  let change: OrderChange | null = null;
  if (!current) outcome = "NO_DECISION";
  else if (isClosed(current.status) || payload.cancelled_at) outcome = "CLOSED";
  else {
    const input = updatedOrderInput(payload);
    const fingerprint = orderFingerprint(input);
    if (fingerprint === decisionFingerprint(current)) outcome = "UNCHANGED";
    else {
      outcome = "QUEUED";
      change = {
        topic: "orders/updated",
        orderId,
        decisionId: current.id,
        input,
        fingerprint,
        updatedAt: payload.updated_at ?? null,
        fulfillmentStatus: payload.fulfillment_status ?? null,
      };
    }
  }
  await finish(
    db,
    delivery,
    now(),
    change ? (tx) => enqueueOrderChange(tx, delivery.shop, delivery.webhookId, change) : undefined,
  );
  return outcome;
}

/** orders/edited: recorded on the order's current decision by a `routing.order-change` job. */
export async function receiveOrdersEdited(
  db: PrismaClient,
  delivery: Delivery<OrdersEditedPayload>,
  deps: { now?: () => Date } = {},
): Promise<OrderChangeReceipt> {
  const now = deps.now ?? (() => new Date());
  const early = await admit(db, delivery);
  if (early) return early;
  const edit = delivery.payload.order_edit;
  const sum = (list: { delta: number }[] | undefined) =>
    (list ?? []).reduce((n, l) => n + Math.abs(l.delta), 0);
  const change: OrderChange = {
    topic: "orders/edited",
    orderId: orderGid(edit.order_id),
    editId: edit.id,
    addedUnits: sum(edit.line_items?.additions),
    removedUnits: sum(edit.line_items?.removals),
    at: edit.created_at ?? null,
  };
  await finish(db, delivery, now(), (tx) =>
    enqueueOrderChange(tx, delivery.shop, delivery.webhookId, change),
  );
  return "QUEUED";
}

/** orders/cancelled: a `routing.order-cancel` job (one per order) stops routing and releases handoffs. */
export async function receiveOrdersCancelled(
  db: PrismaClient,
  delivery: Delivery<OrdersCancelledPayload>,
  deps: { now?: () => Date } = {},
): Promise<OrderChangeReceipt> {
  const now = deps.now ?? (() => new Date());
  const early = await admit(db, delivery);
  if (early) return early;
  const { payload } = delivery;
  await finish(db, delivery, now(), (tx) =>
    enqueueOrderCancel(tx, delivery.shop, {
      orderId: payload.admin_graphql_api_id,
      cancelledAt: payload.cancelled_at ?? null,
      reason: payload.cancel_reason ?? null,
    }),
  );
  return "CANCELLING";
}
