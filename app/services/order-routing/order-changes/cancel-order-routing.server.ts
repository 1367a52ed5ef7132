import type { PrismaClient } from "@prisma/client";
import { enqueueHandoffSend } from "../../../jobs/kinds/handoff-send.server";
import { WITH_WAREHOUSE } from "../../handoff/handoff-states";
import {
  releaseOrderAppointment,
  type ReleasedAppointment,
} from "../../appointments/release-appointment.server";
import { supersedePending } from "../apply-actions.server";
import { actionsJson, decisionActions } from "../decision-record.server";
import { currentDecision, withChange } from "./decision-chain.server";
import { CHANGE_LEASE_MS, claimDecision } from "./decision-lease.server";
import type { OrderCancellation } from "./order-change-types";

export interface CancelReport {
  /** The decision stopped (status CANCELLED), or why none was. */
  decision: { id: string; outcome: "CANCELLED" | "ALREADY_CANCELLED" } | null;
  /** Handoffs released (state CANCELLED), and whether the warehouse is told by the signed webhook. */
  handoffs: { fulfillmentOrderId: string; warehouseKey: string; told: boolean }[];
  /** Handoffs the warehouse had already shipped: left as they are. */
  shipped: string[];
  /** The freight delivery appointment given up, its seat free again for other buyers; null if there was none. */
  appointment: ReleasedAppointment | null;
}

/**
 * The `routing.order-cancel` job's work. The order's current decision becomes CANCELLED and its pending actions
 * SUPERSEDED (taken under the decision's lease, so no move of it runs afterwards; its apply job then finds nothing
 * to do). Each warehouse handoff of the order that has not shipped becomes CANCELLED — a handoff not sent yet is
 * then never sent (handoff.send drops a CANCELLED request), and a warehouse that may already hold it is told with a
 * signed `fulfillment.cancelled` webhook (one job per fulfillment order and event, shared with a cancellation
 * request Shopify sends the fulfillment service). A freight delivery appointment of the order is removed and its
 * seat freed. Running it again changes nothing.
 */
export async function cancelOrderRouting(
  db: PrismaClient,
  shop: string,
  cancellation: OrderCancellation,
  deps: { now?: () => Date; leaseMs?: number } = {},
): Promise<CancelReport> {
  const now = deps.now ?? (() => new Date());
  const report: CancelReport = { decision: null, handoffs: [], shipped: [], appointment: null };
  const reason = `Order cancelled${cancellation.reason ? ` (${cancellation.reason})` : ""}`;

  const current = await currentDecision(db, shop, cancellation.orderId);
  if (current?.status === "CANCELLED") report.decision = { id: current.id, outcome: "ALREADY_CANCELLED" };
  else if (current) {
    const lease = await claimDecision(db, shop, current.id, now(), deps.leaseMs ?? CHANGE_LEASE_MS);
    try {
      const held = await db.routingDecision.findFirstOrThrow({ where: { id: current.id, shop } });
      const stopped = decisionActions(held.actions, held).filter((a) => a.status === "PENDING").length;
      const written = await db.routingDecision.updateMany({
        where: { id: held.id, shop, leaseUntil: lease.until },
        data: {
          status: "CANCELLED",
          supersededAt: now(),
          supersededReason: reason,
          leaseUntil: null,
          actions: actionsJson(supersedePending(decisionActions(held.actions, held))),
          changes: withChange(held, {
            at: now().toISOString(),
            topic: "orders/cancelled",
            outcome: "CANCELLED",
            summary: `${reason}: ${stopped} pending action(s) stopped (was ${held.status})`,
          }),
        },
      });
      if (written.count === 0) throw new Error(`decision ${held.id} changed while it was being cancelled`);
      report.decision = { id: held.id, outcome: "CANCELLED" };
    } finally {
      await lease.release();
    }
  }

  const handoffs = await db.warehouseHandoff.findMany({
    where: { shop, orderId: cancellation.orderId, state: { in: WITH_WAREHOUSE } },
  });
  for (const handoff of handoffs) {
    if (handoff.trackingNumber) {
      report.shipped.push(handoff.fulfillmentOrderId);
      continue;
    }
    // Sent, or an attempt that may have reached the warehouse: it must hear of the cancellation.
    const told = handoff.state === "SENT" || handoff.attempts > 0;
    const released = await db.$transaction(async (tx) => {
      const changed = await tx.warehouseHandoff.updateMany({
        where: { id: handoff.id, shop, state: handoff.state, trackingNumber: null },
        data: { state: "CANCELLED" },
      });
      if (changed.count === 1 && told)
        await enqueueHandoffSend(tx, shop, handoff.fulfillmentOrderId, "fulfillment.cancelled");
      return changed.count === 1;
    });
    if (released)
      report.handoffs.push({
        fulfillmentOrderId: handoff.fulfillmentOrderId,
        warehouseKey: handoff.warehouseKey,
        told,
      });
  }
  report.appointment = await releaseOrderAppointment(db, shop, cancellation.orderId);
  return report;
}
