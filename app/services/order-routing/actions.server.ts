// The Admin actions a routing decision implies, stored in RoutingDecision.actions with their state so that
// each is applied exactly once (see apply-actions.server.ts). Data only: building them is pure.

/** SUPERSEDED: planned, never applied, because a refused move made a new routing round. */
export type ActionStatus = "PENDING" | "APPLIED" | "FAILED" | "SUPERSEDED";

interface ActionState {
  /** Unique within the decision, e.g. "r0:move:1". */
  key: string;
  /** Which routing attempt planned it: a refused move makes a new round with the warehouse excluded. */
  round: number;
  status: ActionStatus;
  /** Calls started; > 0 while PENDING means a crash may have left it applied: verify before repeating. */
  attempts: number;
  error?: string;
  appliedAt?: string;
}

export interface SplitLine {
  /** FulfillmentOrderLineItem gid. */
  id: string;
  quantity: number;
  variantId: string | null;
}

export type RoutingAction = ActionState &
  (
    | {
        kind: "SPLIT";
        fulfillmentOrderId: string;
        lineItems: SplitLine[];
        warehouseKey: string;
        /** The new fulfillment order holding `lineItems`, once applied. */
        resultFulfillmentOrderId?: string;
      }
    | {
        kind: "MOVE";
        /** The fulfillment order to move, or the key of the SPLIT action whose result moves. */
        fulfillmentOrderId?: string;
        fromSplit?: string;
        newLocationId: string;
        warehouseKey: string;
      }
    | { kind: "METAFIELD"; namespace: string; metafieldKey: string; value: string }
    /** `removeTags`: the superseded decision's tags this one does not keep (removed first). */
    | { kind: "TAGS"; tags: string[]; removeTags?: string[] }
    /**
     * `marker` (in `text`) makes the append idempotent: a note that contains it is not appended again.
     * `replacesMarker`: the superseded decision's marker, whose line the new one replaces.
     */
    | { kind: "NOTE"; text: string; marker: string; replacesMarker?: string }
    /** The order's shipping address to the buyer's pickup point, or back home (pickup-address.server.ts). */
    | ({ kind: "SHIPPING_ADDRESS" } & ShippingAddressActionFields)
  );

/** A stored mailing address (Shopify MailingAddress fields Tailroute reads and writes). */
export interface StoredMailingAddress {
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  provinceCode: string | null;
  zip: string | null;
  countryCode: string | null;
}

/** A fulfillment order whose destination did not follow the order's new shipping address. */
export interface StaleDestination {
  fulfillmentOrderId: string;
  requestStatus: string;
  destination: string;
  /** What the merchant can do about it. */
  advice: string;
}

export interface ShippingAddressActionFields {
  /** PICKUP: the point's address in its carrier's form; HOME: the buyer's original address back. */
  to: "PICKUP" | "HOME";
  /** PICKUP: the point's form without the buyer's name and phone (those are kept from the order). */
  pickup?: Omit<StoredMailingAddress, "firstName" | "lastName" | "phone">;
  /** "UPS Access Point "The UPS Store #1234"", for people. */
  pointLabel?: string;
  /** The order's address before Tailroute's first change (null: not known), read and saved before the write. */
  original?: StoredMailingAddress | null;
  /** What was written. */
  written?: StoredMailingAddress;
  /** The fulfillment orders' destinations read back after the write (once, plus one re-read). */
  destinations?: { checkedAt: string; checked: number; stale: StaleDestination[] };
}

export type RoutingActionKind = RoutingAction["kind"];

/** Distributive Omit, so each union member keeps its own fields. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type PlannedAction = DistributiveOmit<RoutingAction, keyof ActionState>;

export function newAction(planned: PlannedAction, round: number, index: number): RoutingAction {
  return {
    ...planned,
    key: `r${round}:${planned.kind.toLowerCase()}:${index}`,
    round,
    status: "PENDING",
    attempts: 0,
  } as RoutingAction;
}

/** One line for the operator: "MOVE → dallas-tx: applied". */
export function describeAction(action: RoutingAction): string {
  const target =
    action.kind === "MOVE" || action.kind === "SPLIT"
      ? ` → ${action.warehouseKey}`
      : action.kind === "TAGS"
        ? ` ${action.tags.join(",")}`
        : action.kind === "SHIPPING_ADDRESS"
          ? action.to === "PICKUP"
            ? ` → ${action.pointLabel ?? "pickup point"}`
            : " → home address"
          : "";
  const state =
    action.status === "FAILED" ? `failed (${action.error ?? "unknown"})` : action.status.toLowerCase();
  const stale = action.kind === "SHIPPING_ADDRESS" ? (action.destinations?.stale.length ?? 0) : 0;
  return `${action.kind}${target}: ${state}${stale ? ` (${stale} fulfillment order(s) kept the old destination)` : ""}`;
}
