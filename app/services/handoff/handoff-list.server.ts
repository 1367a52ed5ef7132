import type { PrismaClient } from "@prisma/client";

/** One handoff as the admin and `tailroute handoffs` show it. */
export interface HandoffView {
  fulfillmentOrderId: string;
  orderId: string;
  orderName: string | null;
  warehouse: string;
  state: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  tracking: { company: string | null; number: string; url: string | null } | null;
  fulfillmentId: string | null;
  /** The warehouse gave the order back: its reason, and when Shopify closed the fulfillment order (null: not yet). */
  closed: { reason: string | null; closedInShopifyAt: string | null } | null;
  createdAt: string;
}

/** The shop's handoffs, newest first (this shop's only). */
export async function listHandoffs(db: PrismaClient, shop: string, limit = 200): Promise<HandoffView[]> {
  const rows = await db.warehouseHandoff.findMany({
    where: { shop },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map((h) => ({
    fulfillmentOrderId: h.fulfillmentOrderId,
    orderId: h.orderId,
    orderName: h.orderName,
    warehouse: h.warehouseKey,
    state: h.state,
    attempts: h.attempts,
    lastError: h.lastError,
    sentAt: h.sentAt?.toISOString() ?? null,
    tracking: h.trackingNumber
      ? { company: h.trackingCompany, number: h.trackingNumber, url: h.trackingUrl }
      : null,
    fulfillmentId: h.fulfillmentId,
    closed:
      h.state === "CLOSED"
        ? { reason: h.closedReason, closedInShopifyAt: h.closedAt?.toISOString() ?? null }
        : null,
    createdAt: h.createdAt.toISOString(),
  }));
}
