import type { Prisma, PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import { OrderFilters } from "../../contracts/admin-forms";
import { StoredReasonsSchema } from "../../contracts/stored-json";
import { readJsonColumn } from "../../db/json-column";
import { formatMoney } from "../../format";
import { offlineAdminClient } from "./admin-graphql.server";
import { describeAction } from "../order-routing/actions.server";
import { refusedWarehouses, supersedePending } from "../order-routing/apply-actions.server";
import { enqueueJob, type JobWriter } from "../../jobs/enqueue.server";
import { ROUTING_APPLY_DECISION } from "../../jobs/kinds/routing-apply-decision.server";
import { pokeJobRunner } from "../../jobs/startup.server";
import { decisionJobRound } from "../order-routing/reconciler.server";
import { decideForOrder } from "../order-routing/decide-for-order.server";
import {
  actionsJson,
  decisionActions,
  decisionColumns,
  decisionPlan,
} from "../order-routing/decision-record.server";
import { storedRoutingInput } from "../order-routing/order-input.server";
import { shippingAddressView } from "../order-routing/pickup-address.server";

/** Statuses a merchant may route again from the admin. */
export const REROUTABLE = ["PENDING", "NEEDS_INPUT", "FAILED"] as const;

const warehousesOf = (plan: Prisma.JsonValue, row: { shop: string; id: string }) => [
  ...new Set((decisionPlan(plan, row).shipments ?? []).map((s) => s.warehouseId)),
];

/** The decision log, newest first (200 rows), filtered by status, mode and warehouse. */
export async function listDecisions(db: PrismaClient, shop: string, filters: OrderFilters) {
  const rows = await db.routingDecision.findMany({
    where: {
      shop,
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.mode ? { mode: filters.mode } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      orderId: true,
      orderName: true,
      status: true,
      mode: true,
      service: true,
      costCents: true,
      promisedMaxDate: true,
      plan: true,
      error: true,
      createdAt: true,
    },
  });
  return rows
    .map(({ plan, ...row }) => ({ ...row, warehouses: warehousesOf(plan, { shop, id: row.id }) }))
    .filter((row) => !filters.warehouse || row.warehouses.includes(filters.warehouse));
}

/**
 * The order log's filters from the page's query string: an empty or unknown value is no filter (the contract
 * drops it), so a stale bookmark shows every decision rather than an error.
 */
export function orderFiltersFrom(params: URLSearchParams): OrderFilters {
  return OrderFilters.parse({
    status: params.get("status") || undefined,
    warehouse: params.get("warehouse") || undefined,
    mode: params.get("mode") || undefined,
  });
}

/** Whether any filter is set (the empty state then says that nothing matches, not that nothing was routed). */
export const filtersActive = (filters: OrderFilters) =>
  Boolean(filters.status || filters.mode || filters.warehouse);

/** The order log page: filters, the shop's warehouses to filter by (named as the merchant named them), decisions. */
export async function ordersPage(db: PrismaClient, shop: string, params: URLSearchParams) {
  const filters = orderFiltersFrom(params);
  const [decisions, warehouses] = await Promise.all([
    listDecisions(db, shop, filters),
    db.warehouse.findMany({
      where: { shop },
      orderBy: { sortOrder: "asc" },
      select: { key: true, name: true },
    }),
  ]);
  return {
    filters,
    filtered: filtersActive(filters),
    warehouses: warehouses.map((w) => ({ label: w.name, value: w.key })),
    decisions: decisions.map((d) => ({
      ...d,
      createdAt: d.createdAt.toISOString(),
      promisedMaxDate: d.promisedMaxDate?.toISOString().slice(0, 10) ?? null,
    })),
  };
}

/** One decision with its reasons, plan summary and the Admin actions applied, or null when not this shop's. */
export async function decisionDetail(db: PrismaClient, shop: string, id: string) {
  const d = await db.routingDecision.findFirst({ where: { id, shop } });
  if (!d) return null;
  const plan = decisionPlan(d.plan, d);
  const actions = decisionActions(d.actions, d);
  return {
    id: d.id,
    orderId: d.orderId,
    orderName: d.orderName,
    status: d.status,
    serviceCode: d.serviceCode,
    mode: d.mode,
    carrier: d.carrier,
    service: d.service,
    costCents: d.costCents,
    promisedMinDate: d.promisedMinDate?.toISOString().slice(0, 10) ?? null,
    promisedMaxDate: d.promisedMaxDate?.toISOString().slice(0, 10) ?? null,
    error: d.error,
    reasons: readJsonColumn(StoredReasonsSchema, d.reasons ?? [], {
      shop,
      column: "RoutingDecision.reasons",
      id: d.id,
    }),
    /** The shipping address change for a pickup point (the buyer's original kept), null when none. */
    shippingAddress: shippingAddressView(actions),
    actions: actions.map((a) => ({
      key: a.key,
      round: a.round,
      status: a.status,
      line: describeAction(a),
    })),
    shipments: (plan.shipments ?? []).map((s) => ({
      warehouse: s.warehouseLabel ?? s.warehouseId,
      carrier: s.carrier ?? null,
      service: s.serviceName ?? null,
      zone: s.zone ?? null,
      packages: s.packages?.length ?? 0,
      baseCents: s.baseCents ?? null,
      surcharges: (s.surcharges ?? []).map((x) => `${x.code} ${formatMoney(x.amountCents)}`),
    })),
    rerouteAllowed: (REROUTABLE as readonly string[]).includes(d.status),
    createdAt: d.createdAt.toISOString(),
  };
}

export type RerouteResult = { ok: true; message: string } | { ok: false; errors: { form: string } };

/**
 * "Re-route" from the admin, through the order-routing services: a PENDING decision has its actions applied;
 * a NEEDS_INPUT or FAILED one is decided again without the warehouses that refused it (history kept, leftovers
 * superseded — like the reconciler) and then applied. Null when the decision is not this shop's.
 */
/**
 * The job that applies a merchant's re-route (docs/jobs.md). Its key is the press of the button, so a job of the
 * same decision that ended FAILED or COMPLETED before does not make this one a no-op.
 */
const enqueueRerouteJob = (tx: JobWriter, shop: string, decisionId: string, round: number, at: Date) =>
  enqueueJob(
    tx,
    ROUTING_APPLY_DECISION,
    { decisionId, round },
    { key: `${decisionId}:admin:${at.toISOString()}`, shop },
  );

export async function rerouteDecision(
  db: PrismaClient,
  shop: string,
  id: string,
  options: { clientFor?: (shop: string) => Promise<GraphQLClient | null>; now?: () => Date } = {},
): Promise<RerouteResult | null> {
  const now = options.now ?? (() => new Date());
  const decision = await db.routingDecision.findFirst({ where: { id, shop } });
  if (!decision) return null;
  if (!(REROUTABLE as readonly string[]).includes(decision.status))
    return { ok: false, errors: { form: `a ${decision.status} decision cannot be routed again` } };
  if (decision.status === "PENDING") {
    await enqueueRerouteJob(db, shop, id, decisionJobRound(decision), now());
    pokeJobRunner();
    return { ok: true, message: "Re-route queued: its Shopify actions are applied in the background" };
  }
  const client = await (options.clientFor ?? ((s: string) => offlineAdminClient(db, s)))(shop);
  if (!client)
    return { ok: false, errors: { form: "the shop has no offline Admin API access (reinstall the app)" } };
  const input = storedRoutingInput(decision.input, decision);
  if (!input) return { ok: false, errors: { form: "this decision kept no order input to decide from" } };
  const history = supersedePending(decisionActions(decision.actions, decision));
  const round = history.length > 0 ? Math.max(...history.map((a) => a.round)) + 1 : 0;
  const outcome = await decideForOrder(db, client, shop, input, {
    decisionId: id,
    now: now(),
    excludedWarehouseKeys: refusedWarehouses(history),
    round,
  });
  // The new decision and the job that applies it, in one transaction (docs/jobs.md).
  const updated = await db.$transaction(async (tx) => {
    const written = await tx.routingDecision.updateMany({
      where: { id, shop, status: decision.status },
      data: {
        ...decisionColumns(outcome),
        actions: actionsJson([...history, ...(outcome.kind === "ROUTED" ? outcome.actions : [])]),
      },
    });
    if (written.count === 1 && outcome.kind === "ROUTED") await enqueueRerouteJob(tx, shop, id, round, now());
    return written.count;
  });
  if (updated === 0) return { ok: false, errors: { form: "the decision changed meanwhile; reload" } };
  if (outcome.kind !== "ROUTED") return { ok: true, message: `Decided again: ${outcome.kind}` };
  pokeJobRunner();
  return { ok: true, message: "Decided again: its Shopify actions are applied in the background" };
}
