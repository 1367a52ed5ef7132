import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@prisma/client";
import type { PickupChoice } from "../../contracts/pickup-point";
import { enqueueJob } from "../../jobs/enqueue.server";
import { ROUTING_APPLY_DECISION } from "../../jobs/kinds/routing-apply-decision.server";
import { pokeJobRunner } from "../../jobs/startup.server";
import { decisionJobRound } from "../order-routing/reconciler.server";

/** Decisions a post-purchase choice routes again; an UNROUTABLE one stays (nothing to ship from, or no address). */
const REROUTE_FROM = ["PENDING", "APPLIED", "FAILED", "NEEDS_INPUT"];

export type PickupRerouteResult = "NOT_ROUTED_YET" | "REROUTE_QUEUED" | "NOT_REROUTABLE";

/**
 * A buyer's pickup choice made after purchase (already written to the order's `$app:pickup_point` metafield)
 * routes the order again the same way as at checkout: its routing decision goes back to NEEDS_INPUT, and its
 * `routing.apply-decision` job — queued in the same transaction, one per choice — decides it again from
 * Shopify's current state (the new choice, live stock, fulfillment orders) and applies the new round's actions,
 * including the shipping address (docs/pickup-points.md). A worker applying the previous round loses its lease
 * here, so it stops before its next write. No decision yet: orders/create will read the metafield.
 */
export async function reroutePickupChoice(
  db: PrismaClient,
  args: { shop: string; orderId: string; choice: PickupChoice | null; now: Date },
): Promise<PickupRerouteResult> {
  const decision = await db.routingDecision.findFirst({
    where: { shop: args.shop, orderId: args.orderId },
    orderBy: { createdAt: "desc" },
  });
  if (!decision) return "NOT_ROUTED_YET";
  const pickupPoint = (
    args.choice ? { ...args.choice, chosenAfterPurchase: true } : { cleared: true, chosenAfterPurchase: true }
  ) as Prisma.InputJsonValue;
  // A decision without its stored order input (written before inputs were kept) cannot be decided again.
  if (!REROUTE_FROM.includes(decision.status) || decision.input === null) {
    await db.routingDecision.updateMany({
      where: { id: decision.id, shop: args.shop },
      data: { pickupPoint },
    });
    return "NOT_REROUTABLE";
  }
  const round = decisionJobRound({ ...decision, status: "NEEDS_INPUT" });
  const why = args.choice
    ? `Buyer chose ${args.choice.name} after purchase: routing again`
    : "Buyer went back to home delivery after purchase: routing again";
  await db.$transaction(async (tx) => {
    await tx.routingDecision.updateMany({
      where: { id: decision.id, shop: args.shop },
      data: { status: "NEEDS_INPUT", error: why, leaseUntil: null, pickupPoint },
    });
    await enqueueJob(
      tx,
      ROUTING_APPLY_DECISION,
      { decisionId: decision.id, round },
      // Each choice is its own job: an earlier choice's job (COMPLETED, or FAILED) never swallows this one.
      { key: `${decision.id}:pickup:${args.now.toISOString()}:${randomUUID()}`, shop: args.shop },
    );
  });
  pokeJobRunner();
  return "REROUTE_QUEUED";
}
