import { gql, type GraphQLClient } from "graphql-request";
import { adminRequest, type RetryPolicy } from "./admin-retry.server";

// One read per order: its open fulfillment orders (assigned location, line items with remaining quantity
// and variant), the stock of each variant at every location (InventoryItem.inventoryLevels with the
// "available" quantity), and the order's current tags and note (so annotations append, never clobber).
export const ORDER_ROUTING_QUERY = gql`
  query TailrouteOrderRouting($id: ID!) {
    order(id: $id) {
      id
      name
      tags
      note
      pickupChoice: metafield(namespace: "$app", key: "pickup_point") {
        value
      }
      shippingAddress {
        company
      }
      fulfillmentOrders(first: 20) {
        nodes {
          id
          status
          requestStatus
          assignedLocation {
            location {
              id
            }
          }
          lineItems(first: 100) {
            nodes {
              id
              totalQuantity
              remainingQuantity
              variant {
                id
                inventoryItem {
                  inventoryLevels(first: 50) {
                    nodes {
                      location {
                        id
                      }
                      quantities(names: ["available"]) {
                        name
                        quantity
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

interface InventoryLevelNode {
  location: { id: string };
  quantities: { name: string; quantity: number }[];
}
interface FulfillmentOrderNode {
  id: string;
  status: string;
  requestStatus: string;
  assignedLocation: { location: { id: string } | null };
  lineItems: {
    nodes: {
      id: string;
      totalQuantity: number;
      remainingQuantity: number;
      variant: {
        id: string;
        inventoryItem: { inventoryLevels: { nodes: InventoryLevelNode[] } } | null;
      } | null;
    }[];
  };
}
interface OrderRoutingResponse {
  order: {
    id: string;
    name: string;
    tags: string[];
    note: string | null;
    /** The checkout extension's cart metafield, copied to the order (cartToOrderCopyable). */
    pickupChoice?: { value: string } | null;
    shippingAddress?: { company: string | null } | null;
    fulfillmentOrders: { nodes: FulfillmentOrderNode[] };
  } | null;
}

export interface FulfillmentOrderLine {
  id: string;
  /** Numeric variant id (the engine's form), null for custom items. */
  variantId: string | null;
  remainingQuantity: number;
}

export interface OpenFulfillmentOrder {
  id: string;
  locationId: string | null;
  lines: FulfillmentOrderLine[];
}

export interface OrderSnapshot {
  orderId: string;
  tags: string[];
  note: string | null;
  /** Fulfillment orders Tailroute may move: OPEN, not handed to a fulfillment service. */
  fulfillmentOrders: OpenFulfillmentOrder[];
  /**
   * OPEN fulfillment orders a fulfillment service (a 3PL's app) already holds a request for: Shopify refuses to move
   * them (fulfillmentOrderMove), so routing says why and what the merchant can do.
   */
  pinnedFulfillmentOrders?: PinnedFulfillmentOrder[];
  /** available units by location gid → numeric variant id. */
  availableByLocation: Map<string, Map<string, number>>;
  /** Raw value of the order metafield $app:pickup_point (JSON text), null when absent. */
  pickupChoiceValue: string | null;
  /** The shipping address's company line (a pickup point Tailroute wrote carries its form there). */
  shippingCompany?: string | null;
}

export interface PinnedFulfillmentOrder {
  id: string;
  locationId: string | null;
  /** SUBMITTED, ACCEPTED, CANCELLATION_REQUESTED, … (FulfillmentOrderRequestStatus). */
  requestStatus: string;
}

/** "gid://shopify/ProductVariant/123" → "123". */
export const numericId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

/** Reads what routing needs about an order; null when Shopify does not know the order (deleted, other shop). */
export async function readOrderSnapshot(
  client: GraphQLClient,
  orderId: string,
  retry?: RetryPolicy,
): Promise<OrderSnapshot | null> {
  const { order } = await adminRequest<OrderRoutingResponse>(
    client,
    ORDER_ROUTING_QUERY,
    { id: orderId },
    retry,
  );
  if (!order) return null;
  const availableByLocation = new Map<string, Map<string, number>>();
  const fulfillmentOrders: OpenFulfillmentOrder[] = [];
  const pinnedFulfillmentOrders: PinnedFulfillmentOrder[] = [];
  for (const fo of order.fulfillmentOrders.nodes) {
    for (const line of fo.lineItems.nodes) {
      if (!line.variant?.inventoryItem) continue;
      const variantId = numericId(line.variant.id);
      for (const level of line.variant.inventoryItem.inventoryLevels.nodes) {
        const available = level.quantities.find((q) => q.name === "available")?.quantity ?? 0;
        const byVariant = availableByLocation.get(level.location.id) ?? new Map<string, number>();
        byVariant.set(variantId, available);
        availableByLocation.set(level.location.id, byVariant);
      }
    }
    // A fulfillment service's request (SUBMITTED, ACCEPTED, CANCELLATION_*) pins the order: moving fails.
    const movable =
      fo.status === "OPEN" && (fo.requestStatus === "UNSUBMITTED" || fo.requestStatus === "REJECTED");
    if (!movable) {
      if (fo.status === "OPEN" || fo.status === "IN_PROGRESS")
        pinnedFulfillmentOrders.push({
          id: fo.id,
          locationId: fo.assignedLocation.location?.id ?? null,
          requestStatus: fo.requestStatus,
        });
      continue;
    }
    fulfillmentOrders.push({
      id: fo.id,
      locationId: fo.assignedLocation.location?.id ?? null,
      lines: fo.lineItems.nodes
        .filter((l) => l.remainingQuantity > 0)
        .map((l) => ({
          id: l.id,
          variantId: l.variant ? numericId(l.variant.id) : null,
          remainingQuantity: l.remainingQuantity,
        })),
    });
  }
  // Shopify's "available" already excludes units committed to this very order at its assigned location;
  // add them back so the current location is not penalised for holding the order's own stock.
  for (const fo of fulfillmentOrders) {
    if (!fo.locationId) continue;
    const byVariant = availableByLocation.get(fo.locationId) ?? new Map<string, number>();
    for (const line of fo.lines) {
      if (line.variantId)
        byVariant.set(line.variantId, (byVariant.get(line.variantId) ?? 0) + line.remainingQuantity);
    }
    availableByLocation.set(fo.locationId, byVariant);
  }
  return {
    orderId: order.id,
    tags: order.tags,
    note: order.note,
    fulfillmentOrders,
    pinnedFulfillmentOrders,
    availableByLocation,
    pickupChoiceValue: order.pickupChoice?.value ?? null,
    shippingCompany: order.shippingAddress?.company ?? null,
  };
}
