import type { PrismaClient } from "@prisma/client";
import { gql, type GraphQLClient } from "graphql-request";
import type { PickupOrderState } from "../../contracts/pickup-api";
import { parsePickupChoice, PICKUP_METAFIELD, type PickupChoice } from "../../contracts/pickup-point";
import { checkPickupChoice, PICKUP_NETWORK_LABELS } from "../../engine/pickup";
import type { PickupPointRecord } from "../../engine/pickup";
import type { CartLine } from "../../engine/types";
import { AdminCallError, adminRequest, type RetryPolicy } from "../order-routing/admin-retry.server";
import { setOrderMetafield, updateOrderNote } from "../order-routing/admin-mutations.server";
import { dollarsToCents } from "../order-routing/order-input.server";
import { numericId } from "../order-routing/shopify-reads.server";
import type { PickupDirectoryCache } from "./pickup-directory-cache.server";
import { reroutePickupChoice, type PickupRerouteResult } from "./pickup-reroute.server";

/** What the post-purchase choice needs to know about the order (Admin GraphQL). */
export const PICKUP_ORDER_QUERY = gql`
  query TailroutePickupOrder($id: ID!) {
    order(id: $id) {
      id
      name
      note
      displayFulfillmentStatus
      pickupChoice: metafield(namespace: "$app", key: "pickup_point") {
        value
      }
      customer {
        id
      }
      shippingAddress {
        zip
        countryCodeV2
        provinceCode
        city
        address1
      }
      lineItems(first: 100) {
        nodes {
          quantity
          sku
          requiresShipping
          variant {
            id
          }
          originalUnitPriceSet {
            shopMoney {
              amount
            }
          }
        }
      }
    }
  }
`;

interface PickupOrderResponse {
  order: {
    id: string;
    name: string;
    note: string | null;
    displayFulfillmentStatus: string;
    pickupChoice?: { value: string } | null;
    customer: { id: string } | null;
    shippingAddress: {
      zip: string | null;
      countryCodeV2: string | null;
      provinceCode: string | null;
      city: string | null;
      address1: string | null;
    } | null;
    lineItems: {
      nodes: {
        quantity: number;
        sku: string | null;
        requiresShipping: boolean;
        variant: { id: string } | null;
        originalUnitPriceSet: { shopMoney: { amount: string } };
      }[];
    };
  } | null;
}

/** Statuses in which nothing has left the warehouse yet, so the destination may still change. */
const CHANGEABLE = new Set(["UNFULFILLED", "OPEN", "ON_HOLD", "SCHEDULED", "PENDING_FULFILLMENT"]);

/** Marks Tailroute's pickup line in the order note, so a new choice replaces the line instead of adding. */
export const PICKUP_NOTE_MARKER = "[Tailroute pickup]";

export type PickupChoiceOutcome =
  | {
      status: 200;
      body: { ok: true; choice: PickupChoice | null; note: string; routing: PickupRerouteResult };
    }
  | { status: 400 | 403 | 404 | 409 | 503; reason: string };

export function choiceOf(point: PickupPointRecord): PickupChoice {
  return { v: 1, pointId: point.id, network: point.network, externalId: point.externalId, name: point.name };
}

/** The order note with Tailroute's pickup line replaced (or removed when `line` is null). */
export function withPickupNoteLine(note: string | null, line: string | null): string {
  const kept = (note ?? "").split("\n").filter((l) => !l.startsWith(PICKUP_NOTE_MARKER));
  if (line) kept.push(`${PICKUP_NOTE_MARKER} ${line}`);
  return kept.join("\n").trim();
}

type LoadedOrder = NonNullable<PickupOrderResponse["order"]>;

/** The order, when it exists and belongs to the signed-in customer (another customer's looks missing). */
async function loadCustomerOrder(
  client: GraphQLClient,
  args: { customerId: string | null; orderId: string },
  retry?: RetryPolicy,
): Promise<{ order: LoadedOrder } | { status: 404 | 503; reason: string }> {
  let order: PickupOrderResponse["order"];
  try {
    ({ order } = await adminRequest<PickupOrderResponse>(
      client,
      PICKUP_ORDER_QUERY,
      { id: args.orderId },
      retry,
    ));
  } catch (error) {
    if (error instanceof AdminCallError)
      return { status: 503, reason: "Shopify is not answering; try again" };
    throw error;
  }
  if (!order || !args.customerId || order.customer?.id !== args.customerId)
    return { status: 404, reason: "Order not found" };
  return { order };
}

/**
 * What the post-purchase targets show: whether the order's destination may still change (nothing has left
 * the warehouse) and the buyer's current choice (the order metafield; null = home delivery). Same ownership
 * rule as recording: only the signed-in customer's own order, else 404.
 */
export async function readPickupOrderState(
  client: GraphQLClient,
  args: { customerId: string | null; orderId: string },
  retry?: RetryPolicy,
): Promise<{ status: 200; body: PickupOrderState } | { status: 404 | 503; reason: string }> {
  const loaded = await loadCustomerOrder(client, args, retry);
  if ("status" in loaded) return loaded;
  const { order } = loaded;
  return {
    status: 200,
    body: {
      order: {
        id: order.id,
        status: order.displayFulfillmentStatus,
        changeable: CHANGEABLE.has(order.displayFulfillmentStatus),
        choice: parsePickupChoice(order.pickupChoice?.value),
      },
    },
  };
}

/**
 * Records (or clears) the buyer's pickup point on an order after purchase: the order must belong to the
 * signed-in customer and be unfulfilled, and the point must still be eligible for the order's items. Writes
 * the order metafield `$app:pickup_point` and a note line; an order already routed is routed again through its
 * job (the shipping address follows the point, or goes back home): `routing` says which.
 */
export async function recordPickupChoice(
  db: PrismaClient,
  cache: PickupDirectoryCache,
  client: GraphQLClient,
  args: { shop: string; customerId: string | null; orderId: string; pointId: string | null; now: Date },
  retry?: RetryPolicy,
): Promise<PickupChoiceOutcome> {
  const runtime = await cache.get(args.shop, args.now);
  if (!runtime || !runtime.installed) return { status: 404, reason: "Unknown shop" };
  const point = args.pointId === null ? null : runtime.byId.get(args.pointId);
  if (point === undefined) return { status: 400, reason: "Unknown pickup point" };

  const loaded = await loadCustomerOrder(client, args, retry);
  if ("status" in loaded) return loaded;
  const { order } = loaded;
  if (!CHANGEABLE.has(order.displayFulfillmentStatus))
    return {
      status: 409,
      reason: `The order is ${order.displayFulfillmentStatus.toLowerCase().replaceAll("_", " ")}; the pickup point can no longer change`,
    };

  let noteLine: string | null = null;
  if (point) {
    const cart: CartLine[] = order.lineItems.nodes
      .filter((l) => l.requiresShipping && l.quantity > 0)
      .map((l) => ({
        ...(l.variant ? { variantId: numericId(l.variant.id) } : {}),
        ...(l.sku ? { sku: l.sku } : {}),
        quantity: l.quantity,
        grams: 0,
        priceCents: dollarsToCents(l.originalUnitPriceSet.shopMoney.amount),
      }));
    const rule = runtime.rules.find((r) => r.network === point.network)!;
    const address = order.shippingAddress;
    const check = checkPickupChoice(runtime.config, rule, point, {
      cart,
      destination: {
        country: address?.countryCodeV2 ?? "US",
        zip: address?.zip ?? point.zip,
        addressLines: address?.address1 ? [address.address1] : [],
      },
      now: args.now,
    });
    if (!check.eligible) return { status: 409, reason: check.exclusions.map((e) => e.message).join("; ") };
    noteLine = `Buyer chose ${PICKUP_NETWORK_LABELS[point.network]} "${point.name}", ${point.address1}, ${point.city} ${point.province} ${point.zip} (id ${point.externalId})`;
  }

  const choice = point ? choiceOf(point) : null;
  const metafield = await setOrderMetafield(
    client,
    order.id,
    { namespace: PICKUP_METAFIELD.namespace, key: PICKUP_METAFIELD.key, value: JSON.stringify(choice) },
    retry,
  );
  if (!metafield.ok) return { status: 409, reason: `Shopify refused the metafield: ${metafield.error}` };
  const note = withPickupNoteLine(order.note, noteLine ?? "Buyer cleared the pickup point: home delivery");
  const noted = await updateOrderNote(client, order.id, note, retry);
  if (!noted.ok) return { status: 409, reason: `Shopify refused the note: ${noted.error}` };
  const routing = await reroutePickupChoice(db, {
    shop: args.shop,
    orderId: order.id,
    choice,
    now: args.now,
  });
  return { status: 200, body: { ok: true, choice, note, routing } };
}
