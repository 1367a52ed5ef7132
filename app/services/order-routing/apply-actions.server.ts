import type { PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import type { RoutingAction } from "./actions.server";
import { AdminCallError, type RetryPolicy } from "./admin-retry.server";
import {
  addOrderTags,
  removeOrderTags,
  moveFulfillmentOrder,
  setOrderMetafield,
  splitFulfillmentOrder,
  updateOrderNote,
  type MutationResult,
} from "./admin-mutations.server";
import { decideForOrder } from "./decide-for-order.server";
import { actionsJson, decisionActions, decisionColumns } from "./decision-record.server";
import type { OrderRoutingInput } from "./order-input.server";
import { readOrderSnapshot, type OrderSnapshot } from "./shopify-reads.server";
import { applyShippingAddress } from "./pickup-address.server";

export interface ApplyOptions {
  now?: () => Date;
  retry?: RetryPolicy;
  /** How long a worker holds the decision; a crashed worker's lease simply runs out. */
  leaseMs?: number;
}

export type ApplyResult = "APPLIED" | "FAILED" | "PENDING" | "NEEDS_INPUT" | "BUSY" | "NOTHING_TO_DO";

const DEFAULT_LEASE_MS = 60_000;

/**
 * Applies a decision's pending Admin actions in order, each exactly once: the attempt is recorded before the
 * call and the result right after it, and an action that was attempted before (a crash in between) is first
 * checked against Shopify's current state. A refused move is recorded as FAILED and the order is routed again
 * without that warehouse. A lease on the decision keeps concurrent workers apart.
 */
export async function applyDecision(
  db: PrismaClient,
  client: GraphQLClient,
  shop: string,
  decisionId: string,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const lease = { until: new Date(now().getTime() + leaseMs) };
  const claimed = await db.routingDecision.updateMany({
    where: {
      id: decisionId,
      shop,
      status: "PENDING",
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now() } }],
    },
    data: { leaseUntil: lease.until, applyRuns: { increment: 1 } },
  });
  if (claimed.count === 0) {
    const exists = await db.routingDecision.count({ where: { id: decisionId, shop, status: "PENDING" } });
    return exists ? "BUSY" : "NOTHING_TO_DO";
  }
  // The lease's expiry is also its fencing token: every write below is conditional on it still being ours and
  // renews it, so a worker whose lease ran out (and was claimed by another) stops at its next write.
  const write = async (data: Record<string, unknown>) => {
    const renewed = new Date(now().getTime() + leaseMs);
    const written = await db.routingDecision.updateMany({
      where: { id: decisionId, shop, leaseUntil: lease.until },
      data: { ...data, leaseUntil: renewed },
    });
    if (written.count === 0) throw new LeaseLost();
    lease.until = renewed;
  };
  try {
    return await runActions(db, client, shop, decisionId, options.retry, now, write);
  } catch (error) {
    if (error instanceof LeaseLost) return "BUSY";
    throw error;
  } finally {
    await db.routingDecision.updateMany({
      where: { id: decisionId, shop, leaseUntil: lease.until },
      data: { leaseUntil: null },
    });
  }
}

/** Another worker holds the decision now: this one must not write or call Shopify for it any more. */
class LeaseLost extends Error {
  constructor() {
    super("the routing decision's lease ran out and was claimed by another worker");
  }
}

async function runActions(
  db: PrismaClient,
  client: GraphQLClient,
  shop: string,
  decisionId: string,
  retry: RetryPolicy | undefined,
  now: () => Date,
  write: (data: Record<string, unknown>) => Promise<void>,
): Promise<ApplyResult> {
  const decision = await db.routingDecision.findFirstOrThrow({ where: { id: decisionId, shop } });
  let actions = decisionActions(decision.actions, decision);
  const save = (extra: Record<string, unknown> = {}) => write({ actions: actionsJson(actions), ...extra });

  try {
    for (let i = 0; i < actions.length; i++) {
      const action = actions[i];
      if (action.status !== "PENDING") continue;
      if (action.attempts > 0 && (await alreadyApplied(client, decision.orderId, action, actions, retry))) {
        markApplied(action, now());
        await save();
        continue;
      }
      const blocked = blockedBy(action, actions);
      if (blocked) {
        action.status = "FAILED";
        action.error = blocked;
        await save();
        continue;
      }
      action.attempts += 1;
      await save(); // the attempt is durable before Shopify sees the call
      const result = await applyOne(client, decision.orderId, action, actions, retry, now(), () => save());
      if (result.ok) {
        markApplied(action, now());
        await save();
        continue;
      }
      action.status = "FAILED";
      action.error = result.error;
      if (action.kind === "MOVE" || action.kind === "SPLIT") {
        // The warehouse cannot take it (not stocked there, FO closed…): route again without it.
        const rerouted = await reroute(
          db,
          client,
          shop,
          decision.id,
          decision.input,
          actions,
          action.round + 1,
          retry,
          now(),
        );
        actions = rerouted.actions;
        await save(rerouted.columns);
        if (rerouted.columns.status !== "PENDING") return rerouted.columns.status as ApplyResult;
        i = -1; // continue with the new round's actions
        continue;
      }
      await save();
    }
  } catch (error) {
    if (error instanceof AdminCallError && error.retryable) {
      // Shopify is throttling or down: leave the rest PENDING; the decision's job retries with backoff.
      await save({ error: error.message });
      return "PENDING";
    }
    throw error;
  }
  const latestRound = Math.max(0, ...actions.map((a) => a.round));
  const failed = actions.find((a) => a.round === latestRound && a.status === "FAILED");
  const status = failed ? "FAILED" : "APPLIED";
  await save({ status, error: failed ? `${failed.kind} failed: ${failed.error}` : null });
  return status;
}

function markApplied(action: RoutingAction, at: Date) {
  action.status = "APPLIED";
  action.appliedAt = at.toISOString();
  delete action.error;
}

/** A move of a split's result cannot run when the split did not. */
function blockedBy(action: RoutingAction, actions: RoutingAction[]): string | null {
  if (action.kind !== "MOVE" || !action.fromSplit) return null;
  const split = actions.find((a) => a.key === action.fromSplit);
  return split?.kind === "SPLIT" && split.status === "APPLIED" && split.resultFulfillmentOrderId
    ? null
    : `depends on ${action.fromSplit}, which was not applied`;
}

function moveTarget(action: Extract<RoutingAction, { kind: "MOVE" }>, actions: RoutingAction[]): string {
  if (action.fulfillmentOrderId) return action.fulfillmentOrderId;
  const split = actions.find((a) => a.key === action.fromSplit);
  return split?.kind === "SPLIT" ? split.resultFulfillmentOrderId! : "";
}

async function applyOne(
  client: GraphQLClient,
  orderId: string,
  action: RoutingAction,
  actions: RoutingAction[],
  retry: RetryPolicy | undefined,
  now: Date,
  persist: () => Promise<void>,
): Promise<MutationResult<unknown>> {
  switch (action.kind) {
    case "SPLIT": {
      const result = await splitFulfillmentOrder(
        client,
        action.fulfillmentOrderId,
        action.lineItems.map(({ id, quantity }) => ({ id, quantity })),
        retry,
      );
      if (result.ok) action.resultFulfillmentOrderId = result.value.newFulfillmentOrderId;
      return result;
    }
    case "MOVE":
      return moveFulfillmentOrder(client, moveTarget(action, actions), action.newLocationId, retry);
    case "METAFIELD":
      return setOrderMetafield(
        client,
        orderId,
        { namespace: action.namespace, key: action.metafieldKey, value: action.value },
        retry,
      );
    case "TAGS": {
      // Both idempotent: a repeat after a crash removes and adds nothing new.
      const kept = new Set(action.tags);
      const stale = (action.removeTags ?? []).filter((tag) => !kept.has(tag));
      if (stale.length) {
        const removed = await removeOrderTags(client, orderId, stale, retry);
        if (!removed.ok) return removed;
      }
      return addOrderTags(client, orderId, action.tags, retry);
    }
    case "NOTE": {
      // Append to what the merchant wrote, in place of a superseded decision's line; the marker makes a repeat a no-op.
      const snapshot = await readOrderSnapshot(client, orderId, retry);
      const note = snapshot?.note ?? "";
      if (note.includes(action.marker)) return { ok: true, value: null };
      const replaced = action.replacesMarker;
      const kept = replaced
        ? note
            .split("\n")
            .filter((line) => !line.includes(replaced))
            .join("\n")
        : note;
      return updateOrderNote(client, orderId, kept ? `${kept}\n${action.text}` : action.text, retry);
    }
    case "SHIPPING_ADDRESS":
      // Compares before writing, so a repeat after a crash does not write again.
      return applyShippingAddress(client, orderId, action, actions, {
        now,
        persist,
        ...(retry ? { retry } : {}),
      });
  }
}

/** For an action that may have been applied before a crash: does Shopify already show its effect? */
async function alreadyApplied(
  client: GraphQLClient,
  orderId: string,
  action: RoutingAction,
  actions: RoutingAction[],
  retry: RetryPolicy | undefined,
): Promise<boolean> {
  // Idempotent: simply set again (SHIPPING_ADDRESS compares Shopify's address before it writes).
  if (action.kind === "METAFIELD" || action.kind === "TAGS" || action.kind === "SHIPPING_ADDRESS")
    return false;
  const snapshot = await readOrderSnapshot(client, orderId, retry);
  if (!snapshot) return false;
  if (action.kind === "NOTE") return (snapshot.note ?? "").includes(action.marker);
  if (action.kind === "MOVE") {
    const target = moveTarget(action, actions);
    return snapshot.fulfillmentOrders.some(
      (fo) => fo.id === target && fo.locationId === action.newLocationId,
    );
  }
  const found = findSplitResult(snapshot, action, actions);
  if (found) action.resultFulfillmentOrderId = found;
  return !!found;
}

/** A fulfillment order, other than the original and not claimed by another split, holding exactly the split's units. */
function findSplitResult(
  snapshot: OrderSnapshot,
  split: Extract<RoutingAction, { kind: "SPLIT" }>,
  actions: RoutingAction[],
): string | null {
  const claimed = new Set(
    actions.flatMap((a) =>
      a.kind === "SPLIT" && a.resultFulfillmentOrderId ? [a.resultFulfillmentOrderId] : [],
    ),
  );
  const wanted = units(split.lineItems.map((l) => ({ variantId: l.variantId, quantity: l.quantity })));
  const fo = snapshot.fulfillmentOrders.find(
    (f) =>
      f.id !== split.fulfillmentOrderId &&
      !claimed.has(f.id) &&
      units(f.lines.map((l) => ({ variantId: l.variantId, quantity: l.remainingQuantity }))) === wanted,
  );
  return fo?.id ?? null;
}

const units = (lines: { variantId: string | null; quantity: number }[]) =>
  lines
    .map((l) => `${l.variantId}×${l.quantity}`)
    .sort()
    .join(",");

/** Warehouses that refused a move or split of this order (excluded when it is routed again). */
export function refusedWarehouses(actions: RoutingAction[]): string[] {
  return [
    ...new Set(
      actions.flatMap((a) =>
        (a.kind === "MOVE" || a.kind === "SPLIT") && a.status === "FAILED" ? [a.warehouseKey] : [],
      ),
    ),
  ];
}

/** The actions to keep when a new round is planned: what never ran is superseded, history stays. */
export const supersedePending = (actions: RoutingAction[]): RoutingAction[] =>
  actions.map((a) => (a.status === "PENDING" ? { ...a, status: "SUPERSEDED" as const } : a));

/** Routes again without every warehouse that refused a move; the old round's leftovers are superseded. */
async function reroute(
  db: PrismaClient,
  client: GraphQLClient,
  shop: string,
  decisionId: string,
  storedInput: unknown,
  actions: RoutingAction[],
  round: number,
  retry: RetryPolicy | undefined,
  now: Date,
) {
  const refused = refusedWarehouses(actions);
  const kept = supersedePending(actions);
  const outcome = await decideForOrder(db, client, shop, storedInput as OrderRoutingInput, {
    decisionId,
    now,
    excludedWarehouseKeys: refused,
    round,
    ...(retry ? { retry } : {}),
  });
  const columns = decisionColumns(outcome);
  if (outcome.kind === "NEEDS_INPUT") {
    // Shopify could not be read for the new round: the decision's job decides it (with the same exclusions).
    return { actions: kept, columns: { status: "NEEDS_INPUT", error: outcome.error } };
  }
  if (outcome.kind === "UNROUTABLE") {
    return {
      actions: kept,
      columns: {
        ...columns,
        status: "FAILED",
        error: `Moves refused by ${refused.join(", ")}; ${outcome.error}`,
      },
    };
  }
  return {
    actions: [...kept, ...outcome.actions],
    columns: { ...columns, status: outcome.actions.length > 0 ? "PENDING" : "APPLIED" },
  };
}
