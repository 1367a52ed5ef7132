import type { Prisma, PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import type { HandoffDocument } from "../../contracts/warehouse-handoff";
import { enqueueHandoffSend } from "../../jobs/kinds/handoff-send.server";
import type { RetryPolicy } from "../order-routing/admin-retry.server";
import { redoOnConflict } from "../../db/portable.server";
import { formatDay, localNow } from "../../engine/transit/day-number";
import { decisionPlan } from "../order-routing/decision-record.server";
import { buildHandoffDocument, handoffRouting, type HandoffRouting } from "./handoff-document";
import {
  acceptCancellationRequest,
  acceptFulfillmentRequest,
  assignedFulfillmentOrders,
  type AssignedFulfillmentOrder,
} from "./shopify-fulfillment-service.server";

export interface RequestsReport {
  accepted: string[];
  cancelled: string[];
  /** Fulfillment orders left alone, with why (e.g. a cancellation after the warehouse shipped). */
  skipped: { fulfillmentOrderId: string; reason: string }[];
}

/** The stable id a warehouse sees for one fulfillment order (its idempotency key). */
export const handoffIdFor = (shop: string, fulfillmentOrderId: string) =>
  `${shop}/${fulfillmentOrderId.split("/").pop()}`;

async function routingFor(
  db: PrismaClient,
  shop: string,
  orderId: string,
  warehouseKey: string,
): Promise<HandoffRouting> {
  const d = await db.routingDecision.findFirst({
    where: { shop, orderId, status: { in: ["APPLIED", "PENDING"] } },
    orderBy: { createdAt: "desc" },
  });
  if (!d) return null;
  const appointment = await db.deliveryAppointment.findUnique({
    where: { shop_orderId: { shop, orderId } },
    select: { day: true, windowStart: true, windowEnd: true, timeZone: true },
  });
  return handoffRouting(
    { ...d, appointment, shipments: decisionPlan(d.plan, d).shipments ?? [] },
    warehouseKey,
  );
}

/** A pick-list warehouse gets no POST (docs/handoff.md). */
export const sendsWebhooks = (warehouse: { handoffMethod: string }) =>
  warehouse.handoffMethod !== "PICK_LIST";

/**
 * Takes the fulfillment requests Shopify holds for the shop's handed-off warehouses: each is accepted in Shopify,
 * then recorded with its send job in one transaction (keyed by the fulfillment order: a duplicate notification or
 * a second run records nothing twice). A request accepted before a crash is found again among the accepted ones
 * that have no record. Cancellation requests are accepted while the warehouse has not shipped, and the warehouse
 * is told.
 */
export async function takeFulfillmentRequests(
  db: PrismaClient,
  client: GraphQLClient,
  shop: string,
  options: { now?: Date; retry?: RetryPolicy } = {},
): Promise<RequestsReport> {
  const now = options.now ?? new Date();
  const report: RequestsReport = { accepted: [], cancelled: [], skipped: [] };
  const warehouses = await db.warehouse.findMany({
    where: { shop, handoffEnabled: true, shopifyLocationId: { not: null } },
    select: { key: true, name: true, shopifyLocationId: true, timeZone: true, handoffMethod: true },
  });
  if (warehouses.length === 0) return report;
  const byLocation = new Map(warehouses.map((w) => [w.shopifyLocationId!, w]));
  const locationIds = [...byLocation.keys()];

  const requested = await assignedFulfillmentOrders(
    client,
    "FULFILLMENT_REQUESTED",
    locationIds,
    options.retry,
  );
  for (const fo of requested) {
    await acceptFulfillmentRequest(client, fo.id, "Handed to the warehouse by Tailroute", options.retry);
  }
  const accepted = await assignedFulfillmentOrders(
    client,
    "FULFILLMENT_ACCEPTED",
    locationIds,
    options.retry,
  );
  // A handoff the warehouse gave back (CLOSED) that Shopify shows accepted again was requested again by the merchant.
  const known = new Set(
    (
      await db.warehouseHandoff.findMany({
        where: { shop, fulfillmentOrderId: { in: accepted.map((fo) => fo.id) }, state: { not: "CLOSED" } },
        select: { fulfillmentOrderId: true },
      })
    ).map((h) => h.fulfillmentOrderId),
  );
  for (const fo of accepted.filter((f) => !known.has(f.id))) {
    const warehouse = byLocation.get(fo.assignedLocation.location?.id ?? "");
    if (!warehouse) continue;
    const routing = await routingFor(db, shop, fo.order.id, warehouse.key);
    const recorded = await record(db, shop, fo, warehouse, routing, now);
    if (recorded) report.accepted.push(fo.id);
    else report.skipped.push({ fulfillmentOrderId: fo.id, reason: "no line item left to fulfil" });
  }

  const cancelling = await assignedFulfillmentOrders(
    client,
    "CANCELLATION_REQUESTED",
    locationIds,
    options.retry,
  );
  for (const fo of cancelling) {
    const handoff = await db.warehouseHandoff.findUnique({
      where: { shop_fulfillmentOrderId: { shop, fulfillmentOrderId: fo.id } },
    });
    if (handoff?.trackingNumber) {
      report.skipped.push({ fulfillmentOrderId: fo.id, reason: "the warehouse already shipped it" });
      continue;
    }
    await acceptCancellationRequest(client, fo.id, "Cancelled before the warehouse shipped", options.retry);
    if (handoff) {
      await db.$transaction(async (tx) => {
        await tx.warehouseHandoff.update({ where: { id: handoff.id }, data: { state: "CANCELLED" } });
        // A pick-list warehouse learns it from the list: a cancelled order is no longer on it.
        const warehouse = byLocation.get(fo.assignedLocation.location?.id ?? "");
        if (!warehouse || sendsWebhooks(warehouse))
          await enqueueHandoffSend(tx, shop, fo.id, "fulfillment.cancelled");
      });
    }
    report.cancelled.push(fo.id);
  }
  return report;
}

async function record(
  db: PrismaClient,
  shop: string,
  fo: AssignedFulfillmentOrder,
  warehouse: { key: string; name: string; timeZone: string; handoffMethod: string },
  routing: HandoffRouting,
  now: Date,
): Promise<boolean> {
  const document: HandoffDocument = buildHandoffDocument({
    handoffId: handoffIdFor(shop, fo.id),
    shop,
    warehouse: { key: warehouse.key, name: warehouse.name },
    fulfillmentOrder: fo,
    routing,
    requestedAt: now,
  });
  if (document.fulfillmentOrder.lineItems.length === 0) return false;
  const shipDate = routing?.shipDate ?? formatDay(localNow(now, warehouse.timeZone).day);
  // Redone on a conflict: a second run recording the same request at once then finds the row and adds nothing.
  await redoOnConflict(() =>
    db.$transaction(async (tx) => {
      const where = { shop_fulfillmentOrderId: { shop, fulfillmentOrderId: fo.id } };
      const existing = await tx.warehouseHandoff.findUnique({ where });
      let requestCount = 1;
      if (!existing) {
        await tx.warehouseHandoff.create({
          data: {
            shop,
            warehouseKey: warehouse.key,
            fulfillmentOrderId: fo.id,
            orderId: fo.order.id,
            orderName: fo.order.name,
            document: document as unknown as Prisma.InputJsonValue,
            shipDate,
          },
        });
      } else if (existing.state === "CLOSED") {
        // Requested again after the warehouse gave it back: a new request, sent under a new idempotency key.
        requestCount = existing.requestCount + 1;
        const reopened = await tx.warehouseHandoff.updateMany({
          where: { id: existing.id, state: "CLOSED", requestCount: existing.requestCount },
          data: {
            state: "ACCEPTED",
            warehouseKey: warehouse.key,
            document: document as unknown as Prisma.InputJsonValue,
            shipDate,
            requestCount,
            attempts: 0,
            lastError: null,
            sentAt: null,
            closedReason: null,
            closedAt: null,
          },
        });
        if (reopened.count === 0) return;
      } else return;
      // A pick-list warehouse gets no POST: the order is on its list for the ship date.
      if (sendsWebhooks(warehouse))
        await enqueueHandoffSend(
          tx,
          shop,
          fo.id,
          "fulfillment.requested",
          requestCount > 1 ? requestCount : undefined,
        );
    }),
  );
  return true;
}
