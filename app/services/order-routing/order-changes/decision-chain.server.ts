import type { Prisma, PrismaClient } from "@prisma/client";
import { StoredOrderChangesSchema, type StoredOrderChange } from "../../../contracts/order-change-webhooks";
import { readJsonColumn } from "../../../db/json-column";
import { storedRoutingInput, type OrderRoutingInput } from "../order-input.server";
import { orderFingerprint } from "./order-fingerprint.server";

type Reader = Pick<PrismaClient, "routingDecision"> | Pick<Prisma.TransactionClient, "routingDecision">;

/** The order's current decision: its latest revision (earlier ones are SUPERSEDED), or null. */
export function currentDecision(db: Reader, shop: string, orderId: string) {
  return db.routingDecision.findFirst({ where: { shop, orderId }, orderBy: { revision: "desc" } });
}
export type DecisionRow = NonNullable<Awaited<ReturnType<typeof currentDecision>>>;

/** Statuses after which the decision no longer acts on the order. */
export const CLOSED_STATUSES = ["SUPERSEDED", "CANCELLED"] as const;
export const isClosed = (status: string) => (CLOSED_STATUSES as readonly string[]).includes(status);

/** RoutingDecision.changes through its zod reader ([] when none). */
export const decisionChanges = (row: {
  shop: string;
  id: string;
  changes: Prisma.JsonValue | null;
}): StoredOrderChange[] =>
  readJsonColumn(StoredOrderChangesSchema, row.changes ?? null, {
    shop: row.shop,
    id: row.id,
    column: "RoutingDecision.changes",
  }) ?? [];

/** The changes column with one more entry. */
export const withChange = (row: Parameters<typeof decisionChanges>[0], entry: StoredOrderChange) =>
  [...decisionChanges(row), entry] as unknown as Prisma.InputJsonValue;

/** The input a decision was taken on (null for a decision that kept none). */
export const decisionInput = (row: DecisionRow): OrderRoutingInput | null =>
  storedRoutingInput(row.input, row);

/** The fingerprint of the order state the decision reflects: stored, else computed from its input. */
export function decisionFingerprint(row: DecisionRow): string | null {
  if (row.orderFingerprint) return row.orderFingerprint;
  const input = decisionInput(row);
  return input ? orderFingerprint(input) : null;
}
