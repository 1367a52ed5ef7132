import { HANDOFF_VERSION, type HandoffDocument } from "../../contracts/warehouse-handoff";
import type { AssignedFulfillmentOrder } from "./shopify-fulfillment-service.server";

/** What Tailroute decided for the order, as the handoff tells the warehouse (null: no decision recorded). */
export type HandoffRouting = HandoffDocument["routing"];

/**
 * The document a warehouse receives for one fulfillment order (app/contracts/warehouse-handoff.ts): the lines
 * still to ship, where to, and how Tailroute decided to ship them. Pure: the caller reads Shopify and the database.
 */
export function buildHandoffDocument(input: {
  handoffId: string;
  shop: string;
  warehouse: { key: string; name: string };
  fulfillmentOrder: AssignedFulfillmentOrder;
  routing: HandoffRouting;
  requestedAt: Date;
  event?: HandoffDocument["event"];
}): HandoffDocument {
  const fo = input.fulfillmentOrder;
  const d = fo.destination;
  const name = [d?.firstName, d?.lastName].filter(Boolean).join(" ") || null;
  return {
    version: HANDOFF_VERSION,
    event: input.event ?? "fulfillment.requested",
    handoffId: input.handoffId,
    shop: input.shop,
    warehouse: input.warehouse,
    order: { id: fo.order.id, name: fo.order.name },
    fulfillmentOrder: {
      id: fo.id,
      lineItems: fo.lineItems.nodes
        .filter((l) => l.remainingQuantity > 0)
        .map((l) => ({
          id: l.id,
          sku: l.sku || null,
          variantId: l.variant?.id ?? null,
          title: l.productTitle,
          quantity: l.remainingQuantity,
        })),
    },
    shipTo: {
      name,
      company: d?.company ?? null,
      address1: d?.address1 ?? null,
      address2: d?.address2 ?? null,
      city: d?.city ?? null,
      province: d?.province ?? null,
      zip: d?.zip ?? null,
      countryCode: d?.countryCode ?? null,
      phone: d?.phone ?? null,
    },
    merchantMessage: fo.merchantRequests.nodes[0]?.message ?? null,
    routing: input.routing,
    requestedAt: input.requestedAt.toISOString(),
  };
}
