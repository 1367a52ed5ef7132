import type { OrdersCreatePayload } from "../../contracts/order-webhook";
import { parsePickupChoice, PICKUP_ATTRIBUTE_KEY, type PickupChoice } from "../../contracts/pickup-point";
import { StoredRoutingInputSchema } from "../../contracts/stored-json";
import {
  PAGE_PROMISE_ATTRIBUTE_KEY,
  parsePagePromise,
  type PagePromise,
} from "../../contracts/storefront-promise";
import { readJsonColumn } from "../../db/json-column";
import { TIER_DEFINITIONS } from "../../engine";
import type { CartLine, Destination, TierCode } from "../../engine/types";

// The engine's tier table is the one list of stable service codes.
const TIER_CODES: readonly TierCode[] = TIER_DEFINITIONS.map((d) => d.code);

/** What routing needs from an order, in engine units; stored on the decision so it can be decided again. */
export interface OrderRoutingInput {
  orderId: string;
  orderName: string | null;
  cart: CartLine[];
  /** null when the order has no shipping address (digital goods, local pickup). */
  destination: Destination | null;
  /** The Tailroute tier the buyer chose at checkout; null = a non-Tailroute rate → the shop's best tier. */
  requestedServiceCode: TierCode | null;
  /** Title of the buyer's shipping line, for the operator's view. */
  shippingLineTitle: string | null;
  orderValueCents: number;
  /**
   * Pickup point chosen at checkout, from the cart attribute fallback (`note_attributes`); the cart
   * metafield copied to the order is read from Shopify in decide-order and takes precedence.
   */
  pickupPoint: PickupChoice | null;
  /** The windows the product page showed (the `_tailroute_promise` note attribute), for "promise kept". */
  pagePromise?: PagePromise;
}

/** RoutingDecision.input through its zod reader (null when the decision stored none). */
export function storedRoutingInput(
  value: unknown,
  row: { shop: string; id: string },
): OrderRoutingInput | null {
  return readJsonColumn(StoredRoutingInputSchema.nullable(), value, {
    ...row,
    column: "RoutingDecision.input",
  });
}

/** "19.99" → 1999. Shopify sends decimal strings; rounding to the nearest cent absorbs float noise. */
export function dollarsToCents(value: string | number | null | undefined): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? Math.round(n * 100) : 0;
}

export function isTierCode(code: string | null | undefined): code is TierCode {
  return !!code && (TIER_CODES as readonly string[]).includes(code);
}

/** Builds the routing input from a validated orders/create payload (pure). */
export function orderRoutingInput(payload: OrdersCreatePayload): OrderRoutingInput {
  const cart: CartLine[] = payload.line_items
    .filter((line) => line.requires_shipping !== false && line.quantity > 0)
    .map((line) => ({
      ...(line.variant_id ? { variantId: line.variant_id } : {}),
      ...(line.sku ? { sku: line.sku } : {}),
      ...((line.name ?? line.title) ? { name: (line.name ?? line.title)! } : {}),
      quantity: line.quantity,
      grams: line.grams ?? 0,
      priceCents: dollarsToCents(line.price),
    }));
  const address = payload.shipping_address;
  const destination: Destination | null =
    address?.zip && address.country_code
      ? {
          country: address.country_code,
          zip: address.zip,
          ...(address.province_code ? { state: address.province_code } : {}),
          ...(address.city ? { city: address.city } : {}),
          addressLines: [address.address1, address.address2].filter((l): l is string => !!l),
          ...(address.company ? { company: address.company } : {}),
        }
      : null;
  // The first shipping line is the buyer's choice; our rates carry a TR_* service code.
  const shippingLine = payload.shipping_lines[0];
  const requested = shippingLine?.code;
  return {
    orderId: payload.admin_graphql_api_id,
    orderName: payload.name ?? null,
    cart,
    destination,
    requestedServiceCode: isTierCode(requested) ? requested : null,
    shippingLineTitle: shippingLine?.title ?? null,
    orderValueCents:
      payload.subtotal_price != null
        ? dollarsToCents(payload.subtotal_price)
        : cart.reduce((s, l) => s + l.priceCents * l.quantity, 0),
    pickupPoint: pickupChoiceFromAttributes(payload),
    ...pagePromiseFromAttributes(payload),
  };
}

/** The product page's promise from the `_tailroute_promise` note attribute, when there is a valid one. */
function pagePromiseFromAttributes(payload: OrdersCreatePayload): { pagePromise?: PagePromise } {
  const attributes = (payload as { note_attributes?: unknown }).note_attributes;
  if (!Array.isArray(attributes)) return {};
  const entry = attributes.find(
    (a): a is { name: string; value: unknown } =>
      typeof a === "object" && a !== null && (a as { name?: unknown }).name === PAGE_PROMISE_ATTRIBUTE_KEY,
  );
  const pagePromise = entry ? parsePagePromise(entry.value) : null;
  return pagePromise ? { pagePromise } : {};
}

/** The `_tailroute_pickup_point` note attribute written by the checkout extension's fallback, or null. */
export function pickupChoiceFromAttributes(payload: OrdersCreatePayload): PickupChoice | null {
  const attributes = (payload as { note_attributes?: unknown }).note_attributes;
  if (!Array.isArray(attributes)) return null;
  const entry = attributes.find(
    (a): a is { name: string; value: unknown } =>
      typeof a === "object" && a !== null && (a as { name?: unknown }).name === PICKUP_ATTRIBUTE_KEY,
  );
  return entry ? parsePickupChoice(entry.value) : null;
}
