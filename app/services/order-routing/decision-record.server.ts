import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import { StoredDecisionPlanSchema, StoredRoutingActionsSchema } from "../../contracts/stored-json";
import { readJsonColumn } from "../../db/json-column";
import type { RoutingAction } from "./actions.server";
import type { DecideOrderOutcome } from "./decide-for-order.server";

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** "2026-11-24" (a calendar day in the buyer's zone) stored as that day's UTC midnight. */
const day = (yyyyMmDd: string) => new Date(`${yyyyMmDd}T00:00:00.000Z`);

/** The RoutingDecision columns an outcome writes (the same for the first decision and a re-route). */
export function decisionColumns(outcome: DecideOrderOutcome) {
  if (outcome.kind !== "ROUTED") {
    return {
      status: outcome.kind,
      serviceCode: null,
      mode: null,
      carrier: null,
      service: null,
      costCents: null,
      promisedMinDate: null,
      promisedMaxDate: null,
      plan: json({}),
      reasons: json(outcome.kind === "UNROUTABLE" ? outcome.reasons : []),
      error: outcome.error,
    };
  }
  const q = outcome.quote;
  const unique = (values: string[]) => [...new Set(values)].join(", ");
  return {
    status: outcome.actions.length > 0 ? "PENDING" : "APPLIED",
    serviceCode: q.serviceCode,
    mode: q.mode,
    carrier: unique(q.shipments.map((s) => s.carrier)),
    service: unique(q.shipments.map((s) => s.serviceName)),
    costCents: q.carrierCostCents,
    promisedMinDate: day(q.delivery.minDate),
    promisedMaxDate: day(q.delivery.maxDate),
    plan: json(q),
    reasons: json(outcome.reasons),
    error: null,
    ...(outcome.pickupPoint ? { pickupPoint: json(outcome.pickupPoint) } : {}),
  };
}

/** RoutingDecision.actions through its zod reader; a corrupted column names the shop, column and decision. */
export const decisionActions = (
  value: Prisma.JsonValue,
  row: { shop: string; id: string },
): RoutingAction[] =>
  readJsonColumn(StoredRoutingActionsSchema, value, { ...row, column: "RoutingDecision.actions" });
/** RoutingDecision.plan as far as readers use it ({} when nothing was routed). */
export const decisionPlan = (value: Prisma.JsonValue, row: { shop: string; id: string }): DecisionPlan =>
  readJsonColumn(StoredDecisionPlanSchema, value, { ...row, column: "RoutingDecision.plan" }) ?? {};
export type DecisionPlan = NonNullable<z.output<typeof StoredDecisionPlanSchema>>;
export const actionsJson = (actions: RoutingAction[]) => json(actions);
