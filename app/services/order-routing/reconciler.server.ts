import type { Prisma, PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import { enqueueApplyDecision } from "../../jobs/kinds/routing-apply-decision.server";
import { offlineAdminClient } from "../admin/admin-graphql.server";
import type { RetryPolicy } from "./admin-retry.server";
import { applyDecision, refusedWarehouses, supersedePending, type ApplyResult } from "./apply-actions.server";
import { decideForOrder } from "./decide-for-order.server";
import { actionsJson, decisionActions, decisionColumns } from "./decision-record.server";
import { storedRoutingInput } from "./order-input.server";

export interface ReconcileOptions {
  shop?: string;
  clientFor?: (shop: string) => Promise<GraphQLClient | null>;
  now?: () => Date;
  retry?: RetryPolicy;
  /** Lease taken on each decision while its actions are applied (applyDecision's default otherwise). */
  leaseMs?: number;
  /** Only decisions recorded since then (the periodic pass leaves older ones to the merchant's re-route). */
  since?: Date;
}

export type CompleteResult = ApplyResult | "NEEDS_INPUT";

export interface ReconcileReport {
  examined: number;
  results: {
    shop: string;
    orderId: string;
    decisionId: string;
    result: CompleteResult | "NOT_INSTALLED";
  }[];
}

/**
 * Completes one open decision: one still waiting for Shopify's data (NEEDS_INPUT) is decided again (keeping its
 * history and the warehouses that refused it), then its PENDING actions are applied — each once, under the
 * decision's lease. The `routing.apply-decision` job's work, and `tailroute reconcile`'s for each decision.
 */
export async function completeDecision(
  db: PrismaClient,
  client: GraphQLClient,
  shop: string,
  decisionId: string,
  options: Pick<ReconcileOptions, "now" | "retry" | "leaseMs"> = {},
): Promise<CompleteResult> {
  const now = options.now ?? (() => new Date());
  const decision = await db.routingDecision.findFirst({ where: { id: decisionId, shop } });
  if (!decision) return "NOTHING_TO_DO";
  if (decision.status === "NEEDS_INPUT") {
    const history = supersedePending(decisionActions(decision.actions, decision));
    const input = storedRoutingInput(decision.input, decision);
    if (!input)
      throw new Error(`decision ${decisionId} of ${shop} has no stored order input to decide again`);
    const outcome = await decideForOrder(db, client, shop, input, {
      decisionId,
      now: now(),
      excludedWarehouseKeys: refusedWarehouses(history),
      round: history.length > 0 ? Math.max(...history.map((a) => a.round)) + 1 : 0,
      ...(options.retry ? { retry: options.retry } : {}),
    });
    // Only a decision still waiting is updated: another worker may have decided it meanwhile.
    const updated = await db.routingDecision.updateMany({
      where: { id: decisionId, shop, status: "NEEDS_INPUT" },
      data: {
        ...decisionColumns(outcome),
        actions: actionsJson([...history, ...(outcome.kind === "ROUTED" ? outcome.actions : [])]),
      },
    });
    if (outcome.kind === "NEEDS_INPUT" || updated.count === 0) return "NEEDS_INPUT";
  }
  return applyDecision(db, client, shop, decisionId, {
    now,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
  });
}

/**
 * Open decisions not leased right now: of the given shop, or of every installed shop (uninstalled ones wait for a
 * reinstall).
 */
async function openDecisionsWhere(
  db: PrismaClient,
  options: Pick<ReconcileOptions, "shop" | "since">,
  now: Date,
): Promise<Prisma.RoutingDecisionWhereInput> {
  const uninstalled = (
    await db.shop.findMany({ where: { uninstalledAt: { not: null } }, select: { shop: true } })
  ).map((s) => s.shop);
  return {
    status: { in: ["PENDING", "NEEDS_INPUT"] },
    OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    ...(options.shop ? { shop: options.shop } : uninstalled.length ? { shop: { notIn: uninstalled } } : {}),
    ...(options.since ? { createdAt: { gte: options.since } } : {}),
  };
}

/**
 * `tailroute reconcile`: the operator completes what a crash, a timeout or an unavailable Shopify left open, now,
 * in this process — each decision through `completeDecision` (same lease and per-action state as the job, so
 * the two never apply an action twice). The app itself never calls this: its recurring pass only enqueues jobs.
 */
export async function reconcileDecisions(
  db: PrismaClient,
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const now = options.now ?? (() => new Date());
  const clientFor = options.clientFor ?? ((shop: string) => offlineAdminClient(db, shop));
  const where = await openDecisionsWhere(db, options, now());
  const open = await db.routingDecision.findMany({
    where,
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { id: true, shop: true, orderId: true },
  });
  const report: ReconcileReport = { examined: open.length, results: [] };
  const clients = new Map<string, GraphQLClient | null>();
  for (const { shop, id, orderId } of open) {
    if (!clients.has(shop)) clients.set(shop, await clientFor(shop));
    const client = clients.get(shop)!;
    if (!client) {
      report.results.push({ shop, orderId, decisionId: id, result: "NOT_INSTALLED" });
      continue;
    }
    const result = await completeDecision(db, client, shop, id, { ...options, now });
    report.results.push({ shop, orderId, decisionId: id, result });
  }
  return report;
}

/**
 * How far back the recurring pass (the `routing.reconcile` job, docs/jobs.md) looks for open decisions without a
 * job: one still open after a week (an order deleted in Shopify, a location gone) is left to the merchant (Orders
 * page, re-route; Background work, Retry) or `tailroute reconcile`, so the passes stay small.
 */
export const RECONCILE_WINDOW_MS = 7 * 24 * 60 * 60_000;

export interface ReconcilePassReport {
  /** Open decisions found (each now has its job, new or already there). */
  examined: number;
}

const PASS_BATCH = 500;

/**
 * One pass of the `routing.reconcile` job (every 5 minutes and at start-up): it applies nothing itself. Each open
 * decision of an installed shop gets its `routing.apply-decision` job, keyed by the decision and its routing
 * round — a no-op when that job exists in any state: one that FAILED stays failed (with its error, for the
 * merchant's Retry) instead of being re-applied behind its back; a decision a re-route opened again (a new
 * round) gets a new job. Safety net only: the state change that opens a decision enqueues its job itself.
 */
export async function reconcilePass(
  db: PrismaClient,
  log: Pick<Console, "log" | "error"> = console,
  options: Pick<ReconcileOptions, "since" | "now" | "shop"> = {},
): Promise<ReconcilePassReport> {
  const now = options.now ?? (() => new Date());
  const where = await openDecisionsWhere(db, options, now());
  let examined = 0;
  let cursor: string | undefined;
  for (;;) {
    const page = await db.routingDecision.findMany({
      where,
      orderBy: { id: "asc" },
      take: PASS_BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, shop: true, status: true, actions: true },
    });
    for (const decision of page)
      await enqueueApplyDecision(db, decision.shop, decision.id, decisionJobRound(decision));
    examined += page.length;
    if (page.length < PASS_BATCH) break;
    cursor = page[page.length - 1].id;
  }
  if (examined > 0)
    log.log(`[order-routing] reconcile pass: ${examined} open decision(s), each with its job`);
  return { examined };
}

/**
 * The routing round an open decision's job completes: a PENDING decision applies its latest round; a NEEDS_INPUT
 * one decides the next (0 when nothing was planned yet). Part of the job's key.
 */
export function decisionJobRound(decision: {
  id: string;
  shop: string;
  status: string;
  actions: Prisma.JsonValue;
}): number {
  const actions = decisionActions(decision.actions, decision);
  if (actions.length === 0) return 0;
  const latest = Math.max(...actions.map((a) => a.round));
  return decision.status === "NEEDS_INPUT" ? latest + 1 : latest;
}
