import type { Prisma, PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
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

export interface ReconcileReport {
  examined: number;
  results: {
    shop: string;
    orderId: string;
    decisionId: string;
    result: ApplyResult | "NEEDS_INPUT" | "NOT_INSTALLED";
  }[];
}

/**
 * Completes what a crash, a timeout or an unavailable Shopify left undone: decisions still waiting for
 * Shopify's data (NEEDS_INPUT) are decided, and PENDING actions are applied — each once, through the same
 * lease and per-action state as the webhook. Runs as the recurring `routing.reconcile` job and on `tailroute reconcile`.
 */
export async function reconcileDecisions(
  db: PrismaClient,
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const now = options.now ?? (() => new Date());
  const clientFor = options.clientFor ?? ((shop: string) => offlineAdminClient(db, shop));
  // Uninstalled shops have no Admin access: their open decisions wait for a reinstall instead of being retried.
  const uninstalled = (
    await db.shop.findMany({ where: { uninstalledAt: { not: null } }, select: { shop: true } })
  ).map((s) => s.shop);
  const where: Prisma.RoutingDecisionWhereInput = {
    status: { in: ["PENDING", "NEEDS_INPUT"] },
    OR: [{ leaseUntil: null }, { leaseUntil: { lt: now() } }],
    ...(options.shop ? { shop: options.shop } : uninstalled.length ? { shop: { notIn: uninstalled } } : {}),
    ...(options.since ? { createdAt: { gte: options.since } } : {}),
  };
  const open = await db.routingDecision.findMany({ where, orderBy: { createdAt: "asc" }, take: 500 });
  const report: ReconcileReport = { examined: open.length, results: [] };
  const clients = new Map<string, GraphQLClient | null>();
  for (const decision of open) {
    const { shop, id, orderId } = decision;
    if (!clients.has(shop)) clients.set(shop, await clientFor(shop));
    const client = clients.get(shop)!;
    if (!client) {
      report.results.push({ shop, orderId, decisionId: id, result: "NOT_INSTALLED" });
      continue;
    }
    if (decision.status === "NEEDS_INPUT") {
      // A decision that waits after refused moves keeps its history and its exclusions.
      const history = supersedePending(decisionActions(decision.actions, decision));
      const input = storedRoutingInput(decision.input, decision);
      if (!input) throw new Error(`decision ${id} of ${shop} has no stored order input to decide again`);
      const outcome = await decideForOrder(db, client, shop, input, {
        decisionId: id,
        now: now(),
        excludedWarehouseKeys: refusedWarehouses(history),
        round: history.length > 0 ? Math.max(...history.map((a) => a.round)) + 1 : 0,
        ...(options.retry ? { retry: options.retry } : {}),
      });
      // Only a decision still waiting is updated: another worker may have decided it meanwhile.
      const updated = await db.routingDecision.updateMany({
        where: { id, shop, status: "NEEDS_INPUT" },
        data: {
          ...decisionColumns(outcome),
          actions: actionsJson([...history, ...(outcome.kind === "ROUTED" ? outcome.actions : [])]),
        },
      });
      if (outcome.kind === "NEEDS_INPUT" || updated.count === 0) {
        report.results.push({ shop, orderId, decisionId: id, result: "NEEDS_INPUT" });
        continue;
      }
    }
    const result = await applyDecision(db, client, shop, id, {
      now,
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    });
    report.results.push({ shop, orderId, decisionId: id, result });
  }
  return report;
}

/**
 * How far back the recurring pass (the `routing.reconcile` job, docs/jobs.md) keeps retrying: a decision still
 * open after a week (an order deleted in Shopify, a location gone) is left to the merchant (Orders page, re-route)
 * or `tailroute reconcile`, so the passes stay small.
 */
export const RECONCILE_WINDOW_MS = 7 * 24 * 60 * 60_000;

/**
 * One pass of the `routing.reconcile` job (every 5 minutes and at start-up): completes what a previous process, or
 * Shopify's outages, left open, and logs what it did. A failing pass throws: the job runner retries it.
 */
export async function reconcilePass(
  db: PrismaClient,
  log: Pick<Console, "log" | "error"> = console,
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const report = await reconcileDecisions(db, options);
  if (report.examined > 0) {
    const counts = new Map<string, number>();
    for (const r of report.results) counts.set(r.result, (counts.get(r.result) ?? 0) + 1);
    log.log(
      `[order-routing] reconciled ${report.examined} open decision(s): ${[...counts].map(([k, n]) => `${n} ${k}`).join(", ")}`,
    );
  }
  return report;
}
