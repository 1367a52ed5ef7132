import type { RoutingAction } from "../../services/order-routing/actions.server";
import { StoredReasonsSchema } from "../../contracts/stored-json";
import { readJsonColumn } from "../../db/json-column";
import { formatMoney } from "../../format";
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from "./types";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

/** Lists a shop's routing decisions with the state of every Admin action they imply. */
export const decisionsCommand: CliCommand = {
  name: "decisions",
  summary: "List a shop's order routing decisions and the state of their Shopify actions",
  usage: "tailroute decisions --shop <shop.myshopify.com> [--json] [--limit <n>]",
  async run(args, io) {
    const json = args.includes("--json");
    const shopIndex = args.indexOf("--shop");
    const shop = shopIndex >= 0 ? args[shopIndex + 1] : undefined;
    if (!shop || shop.startsWith("--")) {
      io.stderr("--shop <shop.myshopify.com> is required\n");
      return EXIT_BAD_INPUT;
    }
    const limitIndex = args.indexOf("--limit");
    const limit = limitIndex >= 0 ? Number(args[limitIndex + 1]) : 50;
    if (!Number.isInteger(limit) || limit <= 0) {
      io.stderr("--limit needs a positive whole number\n");
      return EXIT_BAD_INPUT;
    }
    // Imported lazily so `tailroute --help` works without a database.
    const { default: db } = await import("../../db.server");
    const { decisionActions, decisionPlan } =
      await import("../../services/order-routing/decision-record.server");
    const { describeAction } = await import("../../services/order-routing/actions.server");
    const rows = await db.routingDecision.findMany({
      where: { shop },
      orderBy: { createdAt: "desc" },
      take: limit,
    });
    const decisions = rows.map((r) => {
      const plan = decisionPlan(r.plan, r);
      const actions = decisionActions(r.actions, r);
      return {
        id: r.id,
        orderId: r.orderId,
        orderName: r.orderName,
        status: r.status,
        warehouses: [...new Set((plan.shipments ?? []).map((s) => s.warehouseId))],
        mode: r.mode,
        serviceCode: r.serviceCode,
        carrier: r.carrier,
        service: r.service,
        freightLevel: (plan.shipments ?? []).find((s) => s.freightLevel)?.freightLevel ?? null,
        costCents: r.costCents,
        promisedWindow: r.promisedMinDate
          ? { min: day(r.promisedMinDate), max: day(r.promisedMaxDate) }
          : null,
        reasons: readJsonColumn(StoredReasonsSchema, r.reasons, {
          shop: r.shop,
          column: "RoutingDecision.reasons",
          id: r.id,
        }),
        error: r.error,
        actions: actions.map((a: RoutingAction) => ({
          key: a.key,
          kind: a.kind,
          status: a.status,
          attempts: a.attempts,
          error: a.error ?? null,
        })),
        actionSummary: actions.map(describeAction),
        createdAt: r.createdAt.toISOString(),
      };
    });
    if (json) {
      io.stdout(JSON.stringify({ shop, decisions }, null, 2) + "\n");
    } else if (decisions.length === 0) {
      io.stdout(`No routing decisions for ${shop}.\n`);
    } else {
      for (const d of decisions) {
        io.stdout(
          `${d.orderName ?? d.orderId}  ${d.status}  ${d.warehouses.join("+") || "—"}  ${d.mode ?? "—"}  ` +
            `${d.serviceCode ?? "—"} ${d.service ?? ""}${d.freightLevel ? ` (${d.freightLevel})` : ""}  ${formatMoney(d.costCents)}  ` +
            `promised ${d.promisedWindow ? `${d.promisedWindow.min}…${d.promisedWindow.max}` : "—"}\n`,
        );
        if (d.error) io.stdout(`  error: ${d.error}\n`);
        for (const reason of d.reasons.slice(0, 4)) io.stdout(`  why: ${reason}\n`);
        for (const line of d.actionSummary) io.stdout(`  action: ${line}\n`);
      }
    }
    await db.$disconnect();
    return EXIT_OK;
  },
};
