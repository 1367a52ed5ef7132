import type { PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import type { RetryPolicy } from "../order-routing/admin-retry.server";
import { createFulfillment } from "./shopify-fulfillment-service.server";

/**
 * Creates the Shopify fulfillment for a handoff the warehouse shipped (once: a recorded fulfillment id ends it).
 * Shopify notifies the buyer and sends fulfillments/create, which links the parcel into tracking.
 */
export async function fulfillHandoff(
  db: PrismaClient,
  client: GraphQLClient,
  shop: string,
  fulfillmentOrderId: string,
  retry?: RetryPolicy,
): Promise<{ fulfillmentId: string } | { drop: string }> {
  const handoff = await db.warehouseHandoff.findUnique({
    where: { shop_fulfillmentOrderId: { shop, fulfillmentOrderId } },
  });
  if (!handoff?.trackingNumber) return { drop: "no tracking recorded for this fulfillment order" };
  if (handoff.fulfillmentId) return { fulfillmentId: handoff.fulfillmentId };
  const fulfillmentId = await createFulfillment(
    client,
    fulfillmentOrderId,
    { company: handoff.trackingCompany ?? "Other", number: handoff.trackingNumber, url: handoff.trackingUrl },
    retry,
  );
  await db.warehouseHandoff.update({
    where: { id: handoff.id },
    data: { fulfillmentId, state: "FULFILLED" },
  });
  return { fulfillmentId };
}
