import type { PrismaClient } from "@prisma/client";
import { enqueueHandoffRequests } from "../../jobs/kinds/handoff-requests.server";

/**
 * The periodic catch-up of fulfillment requests: Shopify's fulfillment_order_notification is only a ping (at most
 * one a minute), and one that never arrives (the app was down, a network failure) would leave a request waiting.
 * For every installed shop with a handed-off warehouse this enqueues the same `handoff.requests` job a notification
 * does (it reads `assignedFulfillmentOrders` and records only what is new), so a lost ping costs at most one period.
 */
export async function enqueueHandoffCatchUp(db: PrismaClient, now: Date = new Date()): Promise<string[]> {
  const rows = await db.warehouse.findMany({
    where: { handoffEnabled: true, shopifyLocationId: { not: null } },
    select: { shop: true },
    distinct: ["shop"],
  });
  const installed = await db.shop.findMany({
    where: { shop: { in: rows.map((r) => r.shop) }, uninstalledAt: null },
    select: { shop: true },
    orderBy: { shop: "asc" },
  });
  for (const { shop } of installed) await enqueueHandoffRequests(db, shop, "FULFILLMENT_REQUEST", now);
  return installed.map((s) => s.shop);
}
