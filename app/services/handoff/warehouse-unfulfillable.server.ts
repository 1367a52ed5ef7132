import type { PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import { WarehouseUnfulfillableBody } from "../../contracts/warehouse-handoff";
import { zodIssuesText } from "../../contracts/zod-issues";
import { enqueueHandoffClose } from "../../jobs/kinds/handoff-close.server";
import type { QueuedWorkAnswer } from "../http/queued-work-response.server";
import type { RetryPolicy } from "../order-routing/admin-retry.server";
import { WITH_WAREHOUSE } from "./handoff-states";
import { closeFulfillmentOrder } from "./shopify-fulfillment-service.server";
import { readWarehouseReport, warehouseAnswer as answer } from "./warehouse-report.server";

/**
 * A warehouse cannot ship a handed-off fulfillment order: POST /api/warehouse/unfulfillable?shop=<shop>&warehouse=<key>,
 * signed like its tracking reports, with `{ fulfillmentOrderId, reason }`. The handoff becomes CLOSED with the reason
 * and a `handoff.close` job closes the fulfillment order as incomplete in Shopify, which gives it back to the
 * merchant. 202 when recorded; 200 `duplicate: true` for a repeat; 409 for a shipped or cancelled order; 404 for an
 * order not handed to this warehouse; 400 / 401 / 413 as every warehouse report (`readWarehouseReport`).
 */
export async function receiveWarehouseUnfulfillable(
  db: PrismaClient,
  request: Request,
  now: Date = new Date(),
): Promise<QueuedWorkAnswer> {
  const report = await readWarehouseReport(db, request, now);
  if (!report.ok) return report.answer;
  const { shop, warehouseKey } = report;
  const parsed = WarehouseUnfulfillableBody.safeParse(report.json);
  if (!parsed.success)
    return answer(400, { error: zodIssuesText(parsed.error, { root: "(body)", limit: 5 }) });
  const { fulfillmentOrderId, reason } = parsed.data;
  const handoff = await db.warehouseHandoff.findUnique({
    where: { shop_fulfillmentOrderId: { shop, fulfillmentOrderId } },
  });
  if (!handoff || handoff.warehouseKey !== warehouseKey)
    return answer(404, { error: "no handoff of this fulfillment order to this warehouse" });
  const recorded = await db.$transaction(async (tx) => {
    // Conditional: a tracking report or a cancellation that lands first wins, and this one is refused below.
    const closed = await tx.warehouseHandoff.updateMany({
      where: { id: handoff.id, state: { in: WITH_WAREHOUSE }, trackingNumber: null },
      data: { state: "CLOSED", closedReason: reason, closedAt: null },
    });
    if (closed.count === 1) await enqueueHandoffClose(tx, shop, fulfillmentOrderId, handoff.requestCount);
    return closed.count === 1;
  });
  if (recorded) return answer(202, { fulfillmentOrderId, duplicate: false }, true);
  const current = await db.warehouseHandoff.findUniqueOrThrow({ where: { id: handoff.id } });
  if (current.state === "CLOSED") return answer(200, { fulfillmentOrderId, duplicate: true });
  if (current.trackingNumber)
    return answer(409, { error: `already shipped with tracking number ${current.trackingNumber}` });
  return answer(409, { error: "the merchant cancelled this fulfillment order; nothing to give back" });
}

/**
 * Closes a CLOSED handoff's fulfillment order as incomplete in Shopify with the warehouse's reason (once: a recorded
 * `closedAt` ends it). A handoff requested again since (no longer CLOSED) is left alone.
 */
export async function closeUnfulfillableHandoff(
  db: PrismaClient,
  client: GraphQLClient,
  shop: string,
  fulfillmentOrderId: string,
  retry?: RetryPolicy,
): Promise<{ closedAt: Date } | { drop: string }> {
  const handoff = await db.warehouseHandoff.findUnique({
    where: { shop_fulfillmentOrderId: { shop, fulfillmentOrderId } },
  });
  if (handoff?.state !== "CLOSED") return { drop: "the handoff is no longer closed by the warehouse" };
  if (handoff.closedAt) return { closedAt: handoff.closedAt };
  await closeFulfillmentOrder(
    client,
    fulfillmentOrderId,
    `The warehouse cannot ship it: ${handoff.closedReason ?? "no reason given"}`,
    retry,
  );
  const closedAt = new Date();
  await db.warehouseHandoff.updateMany({
    where: { id: handoff.id, state: "CLOSED", closedAt: null },
    data: { closedAt },
  });
  return { closedAt };
}
