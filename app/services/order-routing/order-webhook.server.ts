import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import type { OrdersCreatePayload } from "../../contracts/order-webhook";
import { offlineAdminClient } from "../admin/admin-graphql.server";
import { markWebhookProcessed, recordWebhookReceipt } from "../webhooks/receipts.server";
import { DEFAULT_RETRY, type RetryPolicy } from "./admin-retry.server";
import { decideForOrder } from "./decide-for-order.server";
import { actionsJson, decisionColumns } from "./decision-record.server";
import { orderRoutingInput } from "./order-input.server";
import { isUniqueConstraintViolation, jsonDbNull } from "../../db/portable.server";
import { enqueueApplyDecision } from "../../jobs/kinds/routing-apply-decision.server";

export interface RouteOrderDeps {
  /** The shop's Admin client; null = no offline token (not installed). Defaults to the stored session. */
  clientFor?: (shop: string) => Promise<GraphQLClient | null>;
  now?: () => Date;
  /** Retries while Shopify is waiting for our answer: short, so the webhook answers within 5 s. */
  decideRetry?: RetryPolicy;
}

export type RouteOrderResult =
  | { outcome: "REDELIVERY" | "NOT_INSTALLED" | "ALREADY_DECIDED" }
  | { outcome: "DECIDED"; decisionId: string; status: string };

/** While Shopify waits (5 s), reads get about 3 s of retries; anything later is the decision's job. */
export const WEBHOOK_DECIDE_RETRY: RetryPolicy = {
  ...DEFAULT_RETRY,
  maxAttempts: 3,
  budgetMs: 3_000,
  maxDelayMs: 1_000,
};

/**
 * orders/create: record the delivery, decide (or record why the order cannot be routed), store the decision with
 * the job that completes it, and only then let the caller answer Shopify. The Admin actions (and, for a decision
 * still waiting for Shopify's data, the decision itself) run in that `routing.apply-decision` job only
 * (docs/jobs.md): nothing runs beside it after the answer, so nothing contends with it for the decision's lease.
 */
export async function routeOrderWebhook(
  db: PrismaClient,
  delivery: { shop: string; webhookId: string; topic: string; payload: OrdersCreatePayload },
  deps: RouteOrderDeps = {},
): Promise<RouteOrderResult> {
  const { shop, webhookId, topic } = delivery;
  const now = deps.now ?? (() => new Date());
  const receipt = await recordWebhookReceipt(db, { shop, webhookId, topic });
  if (receipt === "REDELIVERY") {
    // Processed already: a no-op. Not processed (a crash before the decision): go on, the decision is unique.
    const seen = await db.webhookReceipt.findFirst({
      where: { shop, webhookId },
      select: { processedAt: true },
    });
    if (seen?.processedAt) return { outcome: "REDELIVERY" };
  }
  const installed = await db.shop.findFirst({ where: { shop, uninstalledAt: null }, select: { id: true } });
  const client = installed
    ? await (deps.clientFor ?? ((s: string) => offlineAdminClient(db, s)))(shop)
    : null;
  if (!client) {
    await markWebhookProcessed(db, shop, webhookId, now());
    return { outcome: "NOT_INSTALLED" };
  }
  const input = orderRoutingInput(delivery.payload);
  if (await db.routingDecision.findFirst({ where: { shop, orderId: input.orderId }, select: { id: true } })) {
    await markWebhookProcessed(db, shop, webhookId, now());
    return { outcome: "ALREADY_DECIDED" };
  }
  const decisionId = randomUUID();
  const outcome = await decideForOrder(db, client, shop, input, {
    decisionId,
    now: now(),
    retry: deps.decideRetry ?? WEBHOOK_DECIDE_RETRY,
  });
  const columns = decisionColumns(outcome);
  try {
    // The decision and the job completing it commit together (docs/jobs.md): a crash after the answer never
    // loses the actions. PENDING = actions to apply; NEEDS_INPUT = Shopify could not be read, decide again.
    await db.$transaction(async (tx) => {
      await tx.routingDecision.create({
        data: {
          id: decisionId,
          shop,
          orderId: input.orderId,
          orderName: input.orderName,
          pickupPoint: jsonDbNull(db),
          ...columns,
          actions: actionsJson(outcome.kind === "ROUTED" ? outcome.actions : []),
          input: input as unknown as Prisma.InputJsonValue,
        },
      });
      if (columns.status === "PENDING" || columns.status === "NEEDS_INPUT")
        await enqueueApplyDecision(tx, shop, decisionId);
    });
  } catch (error) {
    // A concurrent delivery of the same order won the race: its decision stands.
    if (isUniqueConstraintViolation(error)) {
      await markWebhookProcessed(db, shop, webhookId, now());
      return { outcome: "ALREADY_DECIDED" };
    }
    throw error;
  }
  await markWebhookProcessed(db, shop, webhookId, now());
  return { outcome: "DECIDED", decisionId, status: columns.status };
}
