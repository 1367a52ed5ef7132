import { compileShopConfig, quote } from "../../engine";
import type { LaneStat, ShipmentPlan, ShopConfig, TierQuote } from "../../engine/types";
import { newAction, type PlannedAction, type RoutingAction, type SplitLine } from "./actions.server";
import type { OrderRoutingInput } from "./order-input.server";
import {
  homeAddressActions,
  routePickup,
  type PickupDecisionRecord,
  type PickupRequest,
} from "./pickup-routing.server";
import type { OpenFulfillmentOrder, OrderSnapshot, PinnedFulfillmentOrder } from "./shopify-reads.server";
import { serviceLabel } from "../../format";

export const METAFIELD_NAMESPACE = "tailroute";
export const METAFIELD_KEY = "routing";

/** A warehouse as routing sees it: engine key plus the Shopify location that mirrors it. */
export interface RoutableWarehouse {
  key: string;
  name: string;
  shopifyLocationId: string | null;
}

export type RoutingOutcome =
  | {
      kind: "ROUTED";
      quote: TierQuote;
      reasons: string[];
      actions: RoutingAction[];
      /** The buyer's pickup choice and what became of it (RoutingDecision.pickupPoint). */
      pickupPoint?: PickupDecisionRecord;
    }
  | { kind: "UNROUTABLE"; reasons: string[]; error: string };

export interface DecideArgs {
  config: ShopConfig;
  warehouses: RoutableWarehouse[];
  snapshot: OrderSnapshot;
  input: OrderRoutingInput;
  now: Date;
  /** Warehouses that refused an earlier move for this order. */
  excludedWarehouseKeys?: string[];
  /** Routing round (0 = first decision); names the planned actions. */
  round?: number;
  decisionId: string;
  /** The buyer's pickup point choice, re-checked here (docs/pickup-points.md). */
  pickup?: PickupRequest;
  /** Learned transit per lane (docs/tracking.md); the engine uses lanes with enough deliveries. */
  laneStats?: LaneStat[];
}

/**
 * Chooses where the order ships from and what Shopify must be told: runs the engine with Shopify's live
 * stock per warehouse location, picks the buyer's tier (or the best-scored one for a non-Tailroute rate),
 * and plans split / move / annotate actions. Pure apart from the engine's own work.
 */
export function decideRouting(args: DecideArgs): RoutingOutcome {
  const { config, snapshot, input, now } = args;
  const laneStats = args.laneStats ?? [];
  const excluded = new Set(args.excludedWarehouseKeys ?? []);
  const reasons: string[] = [];
  if (!input.destination) return unroutable("The order has no shipping address", reasons);
  if (input.cart.length === 0) return unroutable("Nothing in the order needs shipping", reasons);

  const locationByKey = new Map(args.warehouses.map((w) => [w.key, w.shopifyLocationId]));
  const usable = config.warehouses.filter((w) => {
    if (excluded.has(w.id)) {
      reasons.push(`${w.name}: skipped, Shopify refused the move there`);
      return false;
    }
    if (!locationByKey.get(w.id)) {
      reasons.push(`${w.name}: skipped, not linked to a Shopify location`);
      return false;
    }
    return true;
  });
  if (config.warehouses.length === 0) return unroutable("The shop has no active warehouses", reasons);
  if (usable.length === 0)
    return unroutable("No warehouse linked to a Shopify location can take the order", reasons);

  // Shopify's inventory levels replace the configuration's snapshot for the variants of this order.
  const warehouses = usable.map((w) => {
    const live = snapshot.availableByLocation.get(locationByKey.get(w.id)!);
    const inventory = { ...(w.inventory ?? {}) };
    for (const line of input.cart) {
      if (line.variantId) inventory[line.variantId] = Math.max(0, live?.get(line.variantId) ?? 0);
    }
    // Read from Shopify for this decision: confirmed now (reasons may say "in stock").
    return { ...w, inventory, stockSyncedAt: now.toISOString() };
  });
  const pickup = args.pickup ? routePickup({ ...config, warehouses }, args.pickup, input, now) : undefined;
  const round = args.round ?? 0;
  const annotate = {
    tags: pickup?.tags ?? [],
    noteLine: pickup?.noteLine ?? "",
    // The order's shipping address: to the point, or back home when Shopify still shows one Tailroute wrote.
    actions: pickup?.kind === "PICKUP" ? pickup.actions : homeAddressActions(snapshot.shippingCompany),
  };
  if (pickup?.kind === "PICKUP") {
    reasons.push(...pickup.reasons, ...pickup.quote.reasons);
    const planned = planActions(
      pickup.quote,
      snapshot.fulfillmentOrders,
      locationByKey,
      args.decisionId,
      reasons,
      round,
      annotate,
    );
    return {
      kind: "ROUTED",
      quote: pickup.quote,
      reasons,
      actions: planned.map((a, i) => newAction(a, round, i)),
      pickupPoint: pickup.record,
    };
  }
  if (pickup) reasons.push(...pickup.reasons);
  const result = quote(compileShopConfig({ ...config, warehouses }), {
    cart: input.cart,
    destination: input.destination,
    now,
    orderValueCents: input.orderValueCents,
    ...(laneStats.length > 0 ? { laneStats } : {}),
    // The tier the buyer paid for stays on offer even where a cheaper tier is as fast today.
    ...(input.requestedServiceCode ? { keepTier: input.requestedServiceCode } : {}),
  });
  if (result.quotes.length === 0) {
    const why = result.issues.filter((i) => i.level === "error").map((i) => i.message);
    return unroutable(why[0] ?? "The engine found no way to ship the order", [...reasons, ...why]);
  }
  const best = [...result.quotes].sort((a, b) => a.score - b.score)[0];
  let chosen = best;
  if (input.requestedServiceCode) {
    const requested = result.quotes.find((q) => q.serviceCode === input.requestedServiceCode);
    if (requested) {
      chosen = requested;
      reasons.push(`Buyer chose ${requested.serviceName} (${requested.serviceCode}) at checkout`);
    } else {
      reasons.push(
        `${input.requestedServiceCode} is no longer available; best tier ${best.serviceName} instead`,
      );
    }
  } else {
    reasons.push(
      `Non-Tailroute shipping line${input.shippingLineTitle ? ` "${input.shippingLineTitle}"` : ""}: shop's best tier ${best.serviceName}`,
    );
  }
  reasons.push(...chosen.reasons, ...pinnedReasons(snapshot.pinnedFulfillmentOrders ?? [], args.warehouses));
  const planned = planActions(
    chosen,
    snapshot.fulfillmentOrders,
    locationByKey,
    args.decisionId,
    reasons,
    round,
    annotate,
  );
  return {
    kind: "ROUTED",
    quote: chosen,
    reasons,
    actions: planned.map((a, i) => newAction(a, round, i)),
    ...(pickup ? { pickupPoint: pickup.record } : {}),
  };
}

/**
 * Fulfillment orders a 3PL's fulfillment service already holds stay where they are: Shopify refuses to move a
 * fulfillment order whose request is submitted or accepted (docs/order-routing.md#3pl-locations).
 */
function pinnedReasons(pinned: PinnedFulfillmentOrder[], warehouses: DecideArgs["warehouses"]): string[] {
  return pinned.map((fo) => {
    const warehouse = warehouses.find((w) => w.shopifyLocationId && w.shopifyLocationId === fo.locationId);
    const where = warehouse ? warehouse.name : (fo.locationId ?? "its location");
    const status = fo.requestStatus.toLowerCase().replaceAll("_", " ");
    return (
      `${fo.id} stays at ${where}: its fulfillment service already has the request (${status}), so Shopify will ` +
      "not move it. To route it elsewhere, ask the 3PL to reject the request (or send it a cancellation request " +
      "from the order page), then re-route the order."
    );
  });
}

function unroutable(error: string, reasons: string[]): RoutingOutcome {
  return { kind: "UNROUTABLE", error, reasons: [error, ...reasons] };
}

/** Units per variant each shipment carries (from the engine's package contents). */
function variantNeeds(shipments: ShipmentPlan[]): Map<string, Map<string, number>> {
  const needs = new Map<string, Map<string, number>>();
  for (const s of shipments) {
    const byVariant = needs.get(s.warehouseId) ?? new Map<string, number>();
    for (const pkg of s.packages) {
      for (const c of pkg.contents) {
        if (c.variantId) byVariant.set(c.variantId, (byVariant.get(c.variantId) ?? 0) + c.quantity);
      }
    }
    needs.set(s.warehouseId, byVariant);
  }
  return needs;
}

/** Splits one fulfillment order's lines between warehouses; unmatched lines stay with `primary`. */
function groupLines(fo: OpenFulfillmentOrder, needs: Map<string, Map<string, number>>, primary: string) {
  const groups = new Map<string, SplitLine[]>();
  const add = (key: string, line: SplitLine) => groups.set(key, [...(groups.get(key) ?? []), line]);
  for (const line of fo.lines) {
    let left = line.remainingQuantity;
    for (const [warehouseKey, byVariant] of needs) {
      const want = line.variantId ? (byVariant.get(line.variantId) ?? 0) : 0;
      const take = Math.min(want, left);
      if (take <= 0) continue;
      byVariant.set(line.variantId!, want - take);
      left -= take;
      add(warehouseKey, { id: line.id, quantity: take, variantId: line.variantId });
    }
    if (left > 0) add(primary, { id: line.id, quantity: left, variantId: line.variantId });
  }
  return groups;
}

function planActions(
  chosen: TierQuote,
  fulfillmentOrders: OpenFulfillmentOrder[],
  locationByKey: Map<string, string | null>,
  decisionId: string,
  reasons: string[],
  round: number,
  /** Pickup tags, note line and address actions (empty when the buyer chose no pickup point). */
  annotate: { tags: string[]; noteLine: string; actions?: PlannedAction[] } = { tags: [], noteLine: "" },
): PlannedAction[] {
  const moves: PlannedAction[] = [];
  const splits: PlannedAction[] = [];
  const primary = chosen.shipments[0].warehouseId;
  const needs = variantNeeds(chosen.shipments);
  let splitIndex = 0;
  for (const fo of fulfillmentOrders) {
    const groups = groupLines(fo, needs, primary);
    // The group already at the fulfillment order's location keeps the original; the others are split out.
    const keys = [...groups.keys()];
    const stay = keys.find((k) => locationByKey.get(k) === fo.locationId) ?? keys[0];
    for (const key of keys) {
      const locationId = locationByKey.get(key)!;
      if (key === stay) {
        if (locationId === fo.locationId) reasons.push(`${fo.id}: already assigned to ${key}`);
        else
          moves.push({
            kind: "MOVE",
            fulfillmentOrderId: fo.id,
            newLocationId: locationId,
            warehouseKey: key,
          });
        continue;
      }
      // Splits lead the action list, so split n gets the key newAction gives index n.
      const splitKey = `r${round}:split:${splitIndex++}`;
      splits.push({
        kind: "SPLIT",
        fulfillmentOrderId: fo.id,
        lineItems: groups.get(key)!,
        warehouseKey: key,
      });
      moves.push({ kind: "MOVE", fromSplit: splitKey, newLocationId: locationId, warehouseKey: key });
    }
  }
  const warehouseKeys = [...new Set(chosen.shipments.map((s) => s.warehouseId))];
  const modes = [...new Set(chosen.shipments.map((s) => s.mode))];
  const freight = chosen.shipments.find((s) => s.freightLevel)?.freightLevel;
  const tags = [
    ...warehouseKeys.map((k) => `tailroute:${k}`),
    ...modes.map((m) => `tailroute:${m.toLowerCase().replace("_", "-")}`),
    ...(freight ? [`tailroute:${freight.toLowerCase().replaceAll("_", "-")}`] : []),
    ...(warehouseKeys.length > 1 ? ["tailroute:split"] : []),
    ...annotate.tags,
  ];
  const summary = routingSummary(chosen, decisionId);
  return [
    ...splits,
    ...moves,
    ...(annotate.actions ?? []),
    {
      kind: "METAFIELD",
      namespace: METAFIELD_NAMESPACE,
      metafieldKey: METAFIELD_KEY,
      value: JSON.stringify(summary),
    },
    { kind: "TAGS", tags },
    { kind: "NOTE", text: noteText(chosen, decisionId) + annotate.noteLine, marker: noteMarker(decisionId) },
  ];
}

/** The JSON written to the order metafield tailroute.routing. */
export function routingSummary(chosen: TierQuote, decisionId: string) {
  return {
    decisionId,
    serviceCode: chosen.serviceCode,
    serviceName: chosen.serviceName,
    mode: chosen.mode,
    shipments: chosen.shipments.map((s) => ({
      warehouse: s.warehouseId,
      carrier: s.carrier,
      service: s.serviceName,
      mode: s.mode,
      freightLevel: s.freightLevel ?? null,
      packages: s.packages.length,
      costCents: s.costCents,
      delivery: { min: s.delivery.minDate, max: s.delivery.maxDate },
    })),
    carrierCostCents: chosen.carrierCostCents,
    promised: { min: chosen.delivery.minDate, max: chosen.delivery.maxDate },
    reasons: chosen.reasons,
  };
}

/** The marker that makes the note idempotent: a re-run finds it and does not append twice. */
export const noteMarker = (decisionId: string) => `[Tailroute ${decisionId}]`;

function noteText(chosen: TierQuote, decisionId: string): string {
  const legs = chosen.shipments.map((s) => {
    const freight = s.freightLevel ? `, freight ${s.freightLevel.toLowerCase().replaceAll("_", " ")}` : "";
    return `${s.warehouseLabel}: ${serviceLabel(s.carrier, s.serviceName)}${freight}, ${s.packages.length} pkg, ship ${s.shipDate}`;
  });
  return `${noteMarker(decisionId)} ${legs.join("; ")}. Promised ${chosen.delivery.minDate}–${chosen.delivery.maxDate}.`;
}
