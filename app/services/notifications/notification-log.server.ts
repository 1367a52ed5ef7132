import type { PrismaClient } from "@prisma/client";

/** One line of what was sent or fired: never the buyer's address (it is not stored). */
export interface NotificationLogRow {
  id: string;
  kind: string;
  channel: string;
  orderId: string | null;
  orderName: string | null;
  status: string;
  detail: string | null;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}

/** The shop's notifications, newest first (`tailroute notifications`, the admin's log). */
export async function listNotifications(
  db: PrismaClient,
  shop: string,
  options: { limit?: number; channel?: "FLOW" | "EMAIL" } = {},
): Promise<NotificationLogRow[]> {
  const rows = await db.notification.findMany({
    where: { shop, ...(options.channel ? { channel: options.channel } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(options.limit ?? 100, 1), 1000),
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    orderId: r.orderId,
    orderName: r.orderName,
    status: r.status,
    detail: r.detail,
    attempts: r.attempts,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}
