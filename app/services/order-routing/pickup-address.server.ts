import { gql, type GraphQLClient } from "graphql-request";
import { formatMailingAddress, isPickupAddress, sameAddress } from "../../engine/pickup/pickup-address-form";
import type {
  PlannedAction,
  RoutingAction,
  ShippingAddressActionFields,
  StaleDestination,
  StoredMailingAddress,
} from "./actions.server";
import { adminRequest, DEFAULT_RETRY, type RetryPolicy } from "./admin-retry.server";
import { updateOrderShippingAddress, type MutationResult } from "./admin-mutations.server";

// The SHIPPING_ADDRESS action: the order's shipping address becomes the pickup point's (in its carrier's form,
// with the buyer's name and phone), or goes back to the buyer's own. Before the first write the buyer's address is
// read and saved on the action; the write happens only when Shopify does not show the target address yet (a retry
// or a restart never writes twice); afterwards the order and its fulfillment orders are read back, because
// Shopify's FulfillmentOrder.destination is a copy of the address that is not documented to follow orderUpdate
// (docs/pickup-points.md#the-address-the-carrier-sees).

export type ShippingAddressAction = Extract<RoutingAction, { kind: "SHIPPING_ADDRESS" }>;

export const PICKUP_ADDRESS_ORDER_QUERY = gql`
  query TailroutePickupAddress($id: ID!) {
    order(id: $id) {
      id
      shippingAddress {
        firstName
        lastName
        phone
        company
        address1
        address2
        city
        provinceCode
        zip
        countryCodeV2
      }
      fulfillmentOrders(first: 20) {
        nodes {
          id
          status
          requestStatus
          destination {
            firstName
            lastName
            company
            address1
            address2
            city
            province
            zip
          }
        }
      }
    }
  }
`;

interface AddressNode {
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  provinceCode: string | null;
  zip: string | null;
  countryCodeV2: string | null;
}
interface DestinationNode {
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  zip: string | null;
}
interface PickupAddressOrder {
  shippingAddress: StoredMailingAddress | null;
  fulfillmentOrders: {
    id: string;
    status: string;
    requestStatus: string;
    destination: DestinationNode | null;
  }[];
}

const stored = (a: Partial<AddressNode> | null | undefined): StoredMailingAddress | null =>
  a
    ? {
        firstName: a.firstName ?? null,
        lastName: a.lastName ?? null,
        phone: a.phone ?? null,
        company: a.company ?? null,
        address1: a.address1 ?? null,
        address2: a.address2 ?? null,
        city: a.city ?? null,
        provinceCode: a.provinceCode ?? null,
        zip: a.zip ?? null,
        countryCode: a.countryCodeV2 ?? null,
      }
    : null;

async function readPickupAddressOrder(
  client: GraphQLClient,
  orderId: string,
  retry?: RetryPolicy,
): Promise<PickupAddressOrder | null> {
  const { order } = await adminRequest<{
    order: {
      shippingAddress: AddressNode | null;
      fulfillmentOrders: { nodes: PickupAddressOrder["fulfillmentOrders"] };
    } | null;
  }>(client, PICKUP_ADDRESS_ORDER_QUERY, { id: orderId }, retry);
  if (!order) return null;
  return { shippingAddress: stored(order.shippingAddress), fulfillmentOrders: order.fulfillmentOrders.nodes };
}

/** The planned action for a point's form (the buyer's name and phone are added when it is applied). */
export function shipToPickupAction(
  form: Omit<StoredMailingAddress, "firstName" | "lastName" | "phone">,
  pointLabel: string,
): PlannedAction {
  return { kind: "SHIPPING_ADDRESS", to: "PICKUP", pickup: form, pointLabel };
}

/** Back to the buyer's own address: planned when the order is no longer routed to a point but still shows one. */
export const shipHomeAction = (): PlannedAction => ({ kind: "SHIPPING_ADDRESS", to: "HOME" });

/** The buyer's own address: what Shopify shows now, unless that is a point Tailroute wrote before. */
function originalAddress(
  current: StoredMailingAddress | null,
  action: ShippingAddressAction,
  actions: RoutingAction[],
): StoredMailingAddress | null {
  if (current && !isPickupAddress(current)) return current;
  const earlier = actions.find(
    (a): a is ShippingAddressAction =>
      a !== action && a.kind === "SHIPPING_ADDRESS" && !!a.original && !isPickupAddress(a.original),
  );
  return earlier?.original ?? null;
}

function targetAddress(
  action: ShippingAddressAction,
  current: StoredMailingAddress | null,
): StoredMailingAddress | null {
  if (action.to === "HOME") return action.original ?? null;
  if (!action.pickup) return null;
  const buyer = action.original ?? current;
  return {
    firstName: buyer?.firstName ?? null,
    lastName: buyer?.lastName ?? null,
    phone: buyer?.phone ?? null,
    ...action.pickup,
  };
}

/** Fulfillment orders that can still ship: their destination must be the new address. */
const OPEN_FO = new Set(["OPEN", "IN_PROGRESS", "SCHEDULED", "ON_HOLD", "INCOMPLETE"]);
/** A fulfillment service holds the request (and the address it was sent with). */
const WITH_SERVICE = new Set([
  "SUBMITTED",
  "ACCEPTED",
  "CANCELLATION_REQUESTED",
  "CANCELLATION_ACCEPTED",
  "CANCELLATION_REJECTED",
]);

function adviceFor(requestStatus: string): string {
  return WITH_SERVICE.has(requestStatus)
    ? "Its fulfillment service already has the request with the old address: send the 3PL the new address, or " +
        "send a cancellation request from the order page and submit the request again."
    : "Shopify kept the old destination on this fulfillment order: before printing a label, edit the shipping " +
        "address on the order page in Shopify admin, or address the label to the point by hand.";
}

function staleDestinations(target: StoredMailingAddress, order: PickupAddressOrder): StaleDestination[] {
  return order.fulfillmentOrders
    .filter((fo) => OPEN_FO.has(fo.status) && !sameAddress(target, fo.destination))
    .map((fo) => ({
      fulfillmentOrderId: fo.id,
      requestStatus: fo.requestStatus,
      destination: formatMailingAddress(fo.destination),
      advice: adviceFor(fo.requestStatus),
    }));
}

export interface ShippingAddressOptions {
  retry?: RetryPolicy;
  now: Date;
  /** Saves the action (its `original`) before Shopify sees the write, so a crash cannot lose the buyer's address. */
  persist: () => Promise<void>;
  /** Wait before the one re-read of fulfillment orders whose destination has not followed yet. */
  recheckMs?: number;
}

/**
 * Applies a SHIPPING_ADDRESS action (idempotent: the write is skipped when Shopify already shows the target).
 * A refusal (userErrors) or an order that keeps its old address after an answer without errors fails the action
 * with the reason. Fulfillment orders whose destination did not follow are recorded on the action (not retried:
 * the merchant is told what to do).
 */
export async function applyShippingAddress(
  client: GraphQLClient,
  orderId: string,
  action: ShippingAddressAction,
  actions: RoutingAction[],
  options: ShippingAddressOptions,
): Promise<MutationResult<null>> {
  const { retry } = options;
  const before = await readPickupAddressOrder(client, orderId, retry);
  if (!before) return { ok: false, error: "Shopify does not know this order" };
  if (action.original === undefined) {
    action.original = originalAddress(before.shippingAddress, action, actions);
    await options.persist();
  }
  const target = targetAddress(action, before.shippingAddress);
  if (!target)
    return {
      ok: false,
      error:
        "the buyer's original address is not known to Tailroute: set the shipping address on the order in Shopify admin",
    };
  if (!sameAddress(target, before.shippingAddress)) {
    const written = await updateOrderShippingAddress(client, orderId, writable(target), retry);
    if (!written.ok) return written;
  }
  action.written = target;
  let after = await readPickupAddressOrder(client, orderId, retry);
  if (!after || !sameAddress(target, after.shippingAddress))
    return {
      ok: false,
      error: `Shopify answered without errors but the order still ships to ${formatMailingAddress(after?.shippingAddress ?? null)}; set the address in Shopify admin`,
    };
  let stale = staleDestinations(target, after);
  if (stale.length > 0) {
    // One more read: a copy made just after the answer shows here. Never more (no loop on Shopify's state).
    await (retry?.sleep ?? DEFAULT_RETRY.sleep)(options.recheckMs ?? 1_000);
    after = (await readPickupAddressOrder(client, orderId, retry)) ?? after;
    stale = staleDestinations(target, after);
  }
  action.destinations = {
    checkedAt: options.now.toISOString(),
    checked: after.fulfillmentOrders.filter((fo) => OPEN_FO.has(fo.status)).length,
    stale,
  };
  return { ok: true, value: null };
}

/** MailingAddressInput fields (Admin API 2026-10): empty lines are sent as null. */
function writable(address: StoredMailingAddress): Record<string, string | null> {
  const { countryCode, ...rest } = address;
  return { ...rest, countryCode: countryCode ?? "US" };
}

/** What the admin's order page shows about the address change (the latest round's action), or null. */
export function shippingAddressView(actions: RoutingAction[]) {
  const action = [...actions]
    .reverse()
    .find((a): a is ShippingAddressAction => a.kind === "SHIPPING_ADDRESS" && a.status !== "SUPERSEDED");
  if (!action) return null;
  return {
    to: action.to,
    status: action.status,
    error: action.error ?? null,
    pointLabel: action.pointLabel ?? null,
    original: action.original === undefined ? null : formatMailingAddress(action.original),
    written: action.written ? formatMailingAddress(action.written) : null,
    checked: action.destinations?.checked ?? null,
    stale: action.destinations?.stale ?? [],
  } satisfies Record<string, unknown> & Pick<ShippingAddressActionFields, "to">;
}
