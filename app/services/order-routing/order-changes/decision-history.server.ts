import type { PrismaClient } from "@prisma/client";
import type { StoredOrderChange } from "../../../contracts/order-change-webhooks";
import { decisionPlan } from "../decision-record.server";
import { decisionChanges } from "./decision-chain.server";

export interface DecisionHistoryEntry {
  id: string;
  revision: number;
  status: string;
  createdAt: string;
  /** Warehouses of its plan, in order. */
  warehouses: string[];
  service: string | null;
  supersedesId: string | null;
  supersededAt: string | null;
  /** Why a later decision replaced it, or why it was stopped (cancellation). */
  supersededReason: string | null;
  /** Changes recorded on it without a re-decision (after fulfillment, order edits, a pickup address we wrote). */
  changes: StoredOrderChange[];
}

/**
 * Every decision of the order a decision belongs to, oldest first (the admin order page's "Decision history"):
 * which replaced which and why, and the changes only recorded. Empty when the decision is not this shop's.
 */
export async function decisionHistory(
  db: PrismaClient,
  shop: string,
  decisionId: string,
): Promise<DecisionHistoryEntry[]> {
  const one = await db.routingDecision.findFirst({
    where: { id: decisionId, shop },
    select: { orderId: true },
  });
  if (!one) return [];
  const rows = await db.routingDecision.findMany({
    where: { shop, orderId: one.orderId },
    orderBy: { revision: "asc" },
    take: 50,
  });
  return rows.map((row) => ({
    id: row.id,
    revision: row.revision,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    warehouses: [
      ...new Set((decisionPlan(row.plan, row).shipments ?? []).map((s) => s.warehouseLabel ?? s.warehouseId)),
    ],
    service: row.service,
    supersedesId: row.supersedesId,
    supersededAt: row.supersededAt?.toISOString() ?? null,
    supersededReason: row.supersededReason,
    changes: decisionChanges(row),
  }));
}
