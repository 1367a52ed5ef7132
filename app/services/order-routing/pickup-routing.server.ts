import type { PrismaClient } from "@prisma/client";
import { parsePickupChoice, type PickupChoice } from "../../contracts/pickup-point";
import { checkPickupChoice, PICKUP_NETWORK_LABELS } from "../../engine/pickup";
import type { PickupNetworkRule, PickupPointRecord } from "../../engine/pickup";
import type { ShopConfig, TierQuote } from "../../engine/types";
import { toPointRecord } from "../pickup/pickup-directory-cache.server";
import { loadPickupRules } from "../pickup/network-settings.server";
import type { OrderRoutingInput } from "./order-input.server";
import { serviceLabel } from "../../format";
import { isPickupAddress, pickupShippingAddress } from "../../engine/pickup/pickup-address-form";
import type { PlannedAction } from "./actions.server";
import { shipHomeAction, shipToPickupAction } from "./pickup-address.server";

/** The buyer's pickup choice with what re-checking it needs. */
export interface PickupRequest {
  choice: PickupChoice;
  /** METAFIELD: the cart metafield copied to the order; ATTRIBUTE: the note-attribute fallback. */
  source: "METAFIELD" | "ATTRIBUTE";
  rule: PickupNetworkRule;
  /** Null when the point is no longer in the shop's directory. */
  point: PickupPointRecord | null;
}

/** What RoutingDecision.pickupPoint stores. */
export interface PickupDecisionRecord extends PickupChoice {
  source: PickupRequest["source"];
  status: "ROUTED_TO_PICKUP" | "FALLBACK_HOME_DELIVERY";
  address?: { address1: string; city: string; province: string; zip: string };
  carrier?: string;
  service?: string;
  distanceMiles?: number | null;
  holdDays?: number;
  reason?: string;
}

export type PickupRouting =
  | {
      kind: "PICKUP";
      quote: TierQuote;
      reasons: string[];
      record: PickupDecisionRecord;
      tags: string[];
      noteLine: string;
      /** The order's shipping address becomes the point's (SHIPPING_ADDRESS). */
      actions: PlannedAction[];
    }
  | {
      kind: "FALLBACK";
      reasons: string[];
      record: PickupDecisionRecord;
      tags: string[];
      noteLine: string;
      actions: PlannedAction[];
    };

/**
 * Finds the buyer's pickup choice: the order metafield (the cart metafield Shopify copied) wins over the
 * note attribute. Loads the network's current rule and the point from the shop's directory (shop-scoped).
 */
export async function loadPickupRequest(
  db: PrismaClient,
  shop: string,
  input: OrderRoutingInput,
  metafieldValue: string | null,
): Promise<PickupRequest | null> {
  const fromMetafield = parsePickupChoice(metafieldValue);
  // A metafield set to null is the buyer going back to home delivery after purchase: it overrides the checkout's
  // note attribute. A malformed metafield counts as no choice, and the attribute is used.
  const cleared = metafieldValue !== null && metafieldValue.trim() === "null";
  const choice = cleared ? null : (fromMetafield ?? input.pickupPoint);
  if (!choice) return null;
  const rules = await loadPickupRules(db, shop);
  const rule = rules.find((r) => r.network === choice.network)!;
  const row = await db.pickupPoint.findFirst({ where: { shop, id: choice.pointId, active: true } });
  const point = row ? toPointRecord(row) : null;
  return { choice, source: fromMetafield ? "METAFIELD" : "ATTRIBUTE", rule, point };
}

/**
 * Re-checks the choice against today's rules, stock and packing (config carries Shopify's live stock) and
 * either routes the order to the network's carrier, addressed to the point, or falls back to home delivery
 * with the reason recorded and the order flagged (tag `tailroute:pickup-fallback`).
 */
export function routePickup(
  config: ShopConfig,
  request: PickupRequest,
  input: OrderRoutingInput,
  now: Date,
): PickupRouting {
  const { choice, rule, point } = request;
  const label = `${PICKUP_NETWORK_LABELS[choice.network]} "${choice.name}"`;
  const fallback = (why: string): PickupRouting => ({
    kind: "FALLBACK",
    reasons: [`Buyer chose pickup at ${label}, no longer possible: ${why}. Home delivery instead`],
    record: { ...choice, source: request.source, status: "FALLBACK_HOME_DELIVERY", reason: why },
    tags: ["tailroute:pickup-fallback"],
    noteLine: ` Pickup at ${label} NOT possible (${why}): shipping to the home address.`,
    actions: [],
  });
  if (!point) return fallback("the point is no longer in the directory");
  if (!input.destination) return fallback("the order has no shipping address to measure distance from");
  const check = checkPickupChoice(
    config,
    rule,
    point,
    { cart: input.cart, destination: input.destination, now, orderValueCents: input.orderValueCents },
    input.requestedServiceCode ?? undefined,
  );
  if (!check.eligible) return fallback(check.exclusions.map((e) => e.message).join("; "));
  const { plan } = check.eligibility;
  const address = { address1: point.address1, city: point.city, province: point.province, zip: point.zip };
  return {
    kind: "PICKUP",
    quote: plan.quote,
    reasons: [
      `Buyer chose pickup at ${label} (${point.address1}, ${point.city} ${point.province}); ${serviceLabel(plan.carrier, plan.serviceName)} to the point, held ${rule.holdDays} days`,
    ],
    record: {
      ...choice,
      source: request.source,
      status: "ROUTED_TO_PICKUP",
      address,
      carrier: plan.carrier,
      service: plan.serviceName,
      distanceMiles: check.distanceMiles === null ? null : Math.round(check.distanceMiles * 10) / 10,
      holdDays: rule.holdDays,
    },
    tags: ["tailroute:pickup", `tailroute:${choice.network.toLowerCase().replaceAll("_", "-")}`],
    noteLine: ` Ship to ${label}, ${point.address1}, ${point.city} ${point.province} ${point.zip} (id ${point.externalId}).`,
    actions: [pickupAddressAction(point, label)],
  };
}

/** SHIPPING_ADDRESS to the point, in its carrier's form (the buyer's name and phone are kept when applied). */
function pickupAddressAction(point: PickupPointRecord, label: string): PlannedAction {
  const a = pickupShippingAddress(point, { firstName: null, lastName: null, phone: null });
  const form = {
    company: a.company,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    provinceCode: a.provinceCode,
    zip: a.zip,
    countryCode: a.countryCode,
  };
  return shipToPickupAction(form, label);
}

/**
 * The address actions of an order routed for home delivery: when Shopify still shows a pickup point Tailroute
 * wrote (the buyer went back to home delivery, or the point is no longer possible), the buyer's own address goes
 * back on the order.
 */
export function homeAddressActions(currentShippingCompany: string | null | undefined): PlannedAction[] {
  return isPickupAddress({ company: currentShippingCompany ?? null }) ? [shipHomeAction()] : [];
}
