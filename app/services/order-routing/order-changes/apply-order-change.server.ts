import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import { z } from "zod";
import { isUniqueConstraintViolation, jsonDbNull } from "../../../db/portable.server";
import { enqueueApplyDecision } from "../../../jobs/kinds/routing-apply-decision.server";
import type { RetryPolicy } from "../admin-retry.server";
import { supersedePending } from "../apply-actions.server";
import { decideForOrder } from "../decide-for-order.server";
import { actionsJson, decisionActions, decisionColumns } from "../decision-record.server";
import type { OrderRoutingInput } from "../order-input.server";
import {
  currentDecision,
  decisionFingerprint,
  decisionInput,
  isClosed,
  withChange,
  type DecisionRow,
} from "./decision-chain.server";
import { CHANGE_LEASE_MS, claimDecision } from "./decision-lease.server";
import type { OrderChange, OrderEditChange, OrderUpdateChange } from "./order-change-types";
import { describeOrderChange } from "./order-fingerprint.server";
import { replacingAnnotations } from "./replace-annotations";

export interface OrderChangeDeps {
  clientFor: (shop: string) => Promise<GraphQLClient | null>;
  now?: () => Date;
  retry?: RetryPolicy;
  leaseMs?: number;
}

export type OrderChangeOutcome =
  "NO_DECISION" | "CLOSED" | "STALE" | "UNCHANGED" | "RECORDED" | "OWN_WRITE" | "REDECIDED" | "NOT_INSTALLED";

/**
 * The `routing.order-change` job's work. An orders/updated whose shipping address or lines differ from what the
 * order's current decision reflects either re-decides the order — a new decision (next revision, linked to the
 * old one, which becomes SUPERSEDED with its pending actions stopped), stored with the job that applies its moves
 * — or, once the order is (partly) fulfilled, is only recorded on the decision. Idempotent: a repeat of the same
 * change finds the fingerprint already current and does nothing; an older delivery than the decision's is ignored.
 */
export async function applyOrderChange(
  db: PrismaClient,
  shop: string,
  change: OrderChange,
  deps: OrderChangeDeps,
): Promise<{ outcome: OrderChangeOutcome; decisionId?: string }> {
  const now = deps.now ?? (() => new Date());
  const current = await currentDecision(db, shop, change.orderId);
  if (!current) return { outcome: "NO_DECISION" };
  if (isClosed(current.status)) return { outcome: "CLOSED", decisionId: current.id };
  if (change.topic === "orders/edited") return recordEdit(db, current, change, now());

  const updatedAt = change.updatedAt ? new Date(change.updatedAt) : null;
  if (updatedAt && current.orderUpdatedAt && updatedAt <= current.orderUpdatedAt)
    return { outcome: "STALE", decisionId: current.id };
  if (decisionFingerprint(current) === change.fingerprint)
    return { outcome: "UNCHANGED", decisionId: current.id };

  const before = decisionInput(current);
  const summary = before
    ? describeOrderChange(before, change.input)
    : { addressChanged: true, linesChanged: true, text: "Order changed (no earlier input kept)" };
  const fulfilled = await fulfilledBecause(db, shop, change);
  if (fulfilled) {
    await record(db, current, change, "RECORDED", `${summary.text}. Not re-routed: ${fulfilled}`, now());
    return { outcome: "RECORDED", decisionId: current.id };
  }
  if (
    summary.addressChanged &&
    !summary.linesChanged &&
    (await isChosenPickupAddress(db, shop, current, change.input.destination))
  ) {
    await record(db, current, change, "OWN_WRITE", "Shipping address set to the chosen pickup point", now());
    return { outcome: "OWN_WRITE", decisionId: current.id };
  }

  const client = await deps.clientFor(shop);
  if (!client) return { outcome: "NOT_INSTALLED", decisionId: current.id };
  const lease = await claimDecision(db, shop, current.id, now(), deps.leaseMs ?? CHANGE_LEASE_MS);
  try {
    // Read again under the lease: the apply job may have moved things on since the first read.
    const held = await db.routingDecision.findFirstOrThrow({ where: { id: current.id, shop } });
    const decisionId = randomUUID();
    const outcome = await decideForOrder(db, client, shop, change.input, {
      decisionId,
      now: now(),
      ...(deps.retry ? { retry: deps.retry } : {}),
    });
    const columns = decisionColumns(outcome);
    const reason = `${summary.text} (before fulfillment): re-decided as ${decisionId}`;
    await db.$transaction(async (tx) => {
      const closed = await tx.routingDecision.updateMany({
        where: { id: held.id, shop, leaseUntil: lease.until, status: held.status },
        data: {
          status: "SUPERSEDED",
          supersededAt: now(),
          supersededReason: summary.text,
          leaseUntil: null,
          actions: actionsJson(supersedePending(decisionActions(held.actions, held))),
          changes: withChange(held, change_(change, "REDECIDED", reason, now())),
        },
      });
      if (closed.count === 0) throw new Error(`decision ${held.id} changed while it was being superseded`);
      await tx.routingDecision.create({
        data: {
          id: decisionId,
          shop,
          orderId: held.orderId,
          orderName: change.input.orderName ?? held.orderName,
          pickupPoint: jsonDbNull(db),
          ...columns,
          actions: actionsJson(
            outcome.kind === "ROUTED"
              ? replacingAnnotations(decisionActions(held.actions, held), outcome.actions)
              : [],
          ),
          input: change.input as unknown as Prisma.InputJsonValue,
          revision: held.revision + 1,
          supersedesId: held.id,
          orderFingerprint: change.fingerprint,
          orderUpdatedAt: updatedAt,
        },
      });
      if (columns.status === "PENDING" || columns.status === "NEEDS_INPUT")
        await enqueueApplyDecision(tx, shop, decisionId);
    });
    return { outcome: "REDECIDED", decisionId };
  } catch (error) {
    // Another worker re-decided the same order first: its decision stands.
    if (isUniqueConstraintViolation(error)) return { outcome: "UNCHANGED", decisionId: current.id };
    throw error;
  } finally {
    await lease.release();
  }
}

const change_ = (change: OrderChange, outcome: string, summary: string, at: Date) => ({
  at: at.toISOString(),
  topic: change.topic,
  outcome,
  summary,
});

/** Records a change on the decision without re-deciding; its fingerprint becomes the order's new baseline. */
async function record(
  db: PrismaClient,
  current: DecisionRow,
  change: OrderUpdateChange,
  outcome: "RECORDED" | "OWN_WRITE",
  summary: string,
  at: Date,
) {
  await db.routingDecision.updateMany({
    where: { id: current.id, shop: current.shop, updatedAt: current.updatedAt },
    data: {
      changes: withChange(current, change_(change, outcome, summary, at)),
      orderFingerprint: change.fingerprint,
      ...(change.updatedAt ? { orderUpdatedAt: new Date(change.updatedAt) } : {}),
    },
  });
}

async function recordEdit(db: PrismaClient, current: DecisionRow, change: OrderEditChange, at: Date) {
  const units = [
    change.addedUnits ? `+${change.addedUnits}` : null,
    change.removedUnits ? `−${change.removedUnits}` : null,
  ]
    .filter(Boolean)
    .join(" / ");
  await db.routingDecision.updateMany({
    where: { id: current.id, shop: current.shop, updatedAt: current.updatedAt },
    data: {
      changes: withChange(
        current,
        change_(
          change,
          "RECORDED",
          `Order edited in Shopify (edit ${change.editId}): ${units || "no unit change"}`,
          at,
        ),
      ),
    },
  });
  return { outcome: "RECORDED" as const, decisionId: current.id };
}

/** Why the order may no longer be re-routed (something has shipped), or null. */
async function fulfilledBecause(
  db: PrismaClient,
  shop: string,
  change: OrderUpdateChange,
): Promise<string | null> {
  if (change.fulfillmentStatus === "fulfilled") return "the order is fulfilled";
  if (change.fulfillmentStatus === "partial") return "the order is partly fulfilled";
  const shipped = await db.warehouseHandoff.findFirst({
    where: { shop, orderId: change.orderId, OR: [{ state: "FULFILLED" }, { trackingNumber: { not: null } }] },
    select: { warehouseKey: true },
  });
  if (shipped) return `warehouse ${shipped.warehouseKey} has shipped it`;
  const parcels = await db.shipment.count({ where: { shop, orderId: change.orderId } });
  return parcels > 0 ? "a fulfillment with tracking exists" : null;
}

/** The point a decision routed to (RoutingDecision.pickupPoint holds more; the id and address are enough here). */
const PickupPointRef = z.looseObject({
  pointId: z.string(),
  address: z.looseObject({ address1: z.string(), zip: z.string() }).optional(),
});

/**
 * Whether the new address is one Tailroute wrote into the order itself — a pickup point's address (its
 * SHIPPING_ADDRESS action, docs/order-routing.md#pickup-orders-the-shipping-address) or the buyer's address put
 * back — so the orders/updated that follows is no change of the buyer's.
 */
async function isChosenPickupAddress(
  db: PrismaClient,
  shop: string,
  current: DecisionRow,
  destination: OrderRoutingInput["destination"],
): Promise<boolean> {
  if (!destination) return false;
  const norm = (s: string | null | undefined) => (s ?? "").trim().toLowerCase().replace(/\s+/g, " ");
  const same = (a: { zip: string | null; address1: string | null } | null | undefined) =>
    !!a &&
    norm(a.zip).slice(0, 5) === norm(destination.zip).slice(0, 5) &&
    norm(a.address1) === norm(destination.addressLines[0]);
  const written = decisionActions(current.actions, current).some(
    (a) => a.kind === "SHIPPING_ADDRESS" && a.status !== "SUPERSEDED" && (same(a.written) || same(a.pickup)),
  );
  if (written) return true;
  const choice = PickupPointRef.safeParse(current.pickupPoint);
  if (!choice.success) return false;
  const point =
    choice.data.address ??
    (await db.pickupPoint.findFirst({
      where: { shop, id: choice.data.pointId },
      select: { zip: true, address1: true },
    }));
  return same(point);
}
