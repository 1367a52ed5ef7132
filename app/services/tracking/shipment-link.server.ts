import type { Prisma, PrismaClient } from "@prisma/client";
import type { FulfillmentsCreatePayload } from "../../contracts/tracking-fulfillment-webhook";
import { carrierKey } from "../../engine/tracking";
import { readJsonColumn, StoredJsonError } from "../../db/json-column";
import { redoOnConflict } from "../../db/portable.server";
import { decisionPlan, type DecisionPlan } from "../order-routing/decision-record.server";
import { StoredInputZipSchema } from "../../contracts/stored-json";
import { catchUpAfterLink } from "./catch-up-after-link.server";
import { pickupPointIdFor } from "./pickup-hold.server";

type Tx = Prisma.TransactionClient | PrismaClient;

/**
 * The decision's plan and input through their readers. A row that no longer reads is reported and the shipment is
 * linked without a lane or promise: tracking the parcel matters more than the statistics it would feed.
 */
function storedDecision(
  decision: { id: string; plan: Prisma.JsonValue; input: Prisma.JsonValue },
  shop: string,
) {
  try {
    return {
      plan: decisionPlan(decision.plan, { shop, id: decision.id }),
      input: readJsonColumn(StoredInputZipSchema, decision.input, {
        shop,
        id: decision.id,
        column: "RoutingDecision.input",
      }),
    };
  } catch (error) {
    if (!(error instanceof StoredJsonError)) throw error;
    console.warn(`[tracking] ${error.message}; shipment linked without its lane and promise`);
    return null;
  }
}

/** The lane and promise a shipment inherits from its order's routing decision (null fields when unknown). */
export interface ShipmentPlanLink {
  decisionId: string | null;
  orderName: string | null;
  warehouseId: string | null;
  serviceId: string | null;
  destZip3: string | null;
  destTimeZone: string | null;
  plannedShipDate: string | null;
  promisedMinDate: Date | null;
  promisedMaxDate: Date | null;
  outboundCostCents: number | null;
  /** The shop's PickupPoint the order was routed to (its network and hold days drive the hold clock). */
  pickupPointId: string | null;
}

const EMPTY: ShipmentPlanLink = {
  decisionId: null,
  orderName: null,
  warehouseId: null,
  serviceId: null,
  destZip3: null,
  destTimeZone: null,
  plannedShipDate: null,
  promisedMinDate: null,
  promisedMaxDate: null,
  outboundCostCents: null,
  pickupPointId: null,
};

const utcDay = (yyyyMmDd: string) => new Date(`${yyyyMmDd}T00:00:00.000Z`);

/** What Shopify says about one parcel besides its carrier: where it left from and what it holds. */
export interface ParcelHints {
  /** gid://shopify/Location/… the fulfillment left from. */
  locationId?: string | null;
  /** Units per variant id (legacy numeric id, as plans store them). */
  units?: ReadonlyMap<string, number>;
}

type PlannedShipment = NonNullable<DecisionPlan["shipments"]>[number];

/** Units of each variant a planned shipment carries (from its packages' contents). */
function plannedUnits(shipment: PlannedShipment): Map<string, number> {
  const units = new Map<string, number>();
  for (const pkg of shipment.packages ?? []) {
    const contents = (pkg as { contents?: { variantId?: string; quantity?: number }[] } | null)?.contents;
    for (const c of contents ?? [])
      if (c.variantId) units.set(c.variantId, (units.get(c.variantId) ?? 0) + (c.quantity ?? 0));
  }
  return units;
}

/**
 * Which planned shipment a parcel is, narrowing step by step and never to nothing: the shipments of the warehouse
 * at the parcel's location; then those sharing the most units with it; then those of its carrier; then the first.
 */
async function matchPlannedShipment(
  tx: Tx,
  shop: string,
  shipments: PlannedShipment[],
  carrier: string,
  hints: ParcelHints,
): Promise<PlannedShipment | undefined> {
  let candidates = shipments;
  if (hints.locationId && candidates.length > 1) {
    const warehouses = await tx.warehouse.findMany({
      where: { shop, shopifyLocationId: hints.locationId },
      select: { key: true },
    });
    const keys = new Set(warehouses.map((w) => w.key));
    const here = candidates.filter((s) => keys.has(s.warehouseId));
    if (here.length > 0) candidates = here;
  }
  if (hints.units && hints.units.size > 0 && candidates.length > 1) {
    const shared = candidates.map((s) => {
      let n = 0;
      for (const [variantId, quantity] of plannedUnits(s))
        n += Math.min(quantity, hints.units!.get(variantId) ?? 0);
      return n;
    });
    const most = Math.max(...shared);
    if (most > 0) candidates = candidates.filter((_, i) => shared[i] === most);
  }
  return candidates.find((s) => carrierKey(s.carrier ?? "") === carrier) ?? candidates[0];
}

/**
 * The order's routing decision (same shop) and, in its plan, the shipment this parcel is (`matchPlannedShipment`:
 * by location, then line items, then carrier). Without hints (a tracking event naming only the order) that is the
 * first shipment of the same carrier, else the first shipment of the plan.
 */
export async function planLinkFor(
  tx: Tx,
  shop: string,
  orderId: string,
  carrier: string,
  hints: ParcelHints = {},
): Promise<ShipmentPlanLink> {
  // The order's current decision: a re-decided order keeps its superseded ones (lower revisions).
  const decision = await tx.routingDecision.findFirst({
    where: { shop, orderId },
    orderBy: { revision: "desc" },
    select: { id: true, orderName: true, plan: true, input: true, pickupPoint: true },
  });
  if (!decision) return EMPTY;
  const stored = storedDecision(decision, shop);
  const shipments = stored?.plan.shipments ?? [];
  const chosen = await matchPlannedShipment(tx, shop, shipments, carrier, hints);
  const zip = stored?.input?.destination?.zip ?? null;
  const pickupPointId = await pickupPointIdFor(tx, shop, decision.pickupPoint);
  if (!chosen) return { ...EMPTY, decisionId: decision.id, orderName: decision.orderName, pickupPointId };
  return {
    decisionId: decision.id,
    orderName: decision.orderName,
    warehouseId: chosen.warehouseId,
    serviceId: chosen.serviceId ?? null,
    destZip3: zip ? zip.slice(0, 3) : null,
    destTimeZone: chosen.delivery?.timeZone ?? null,
    plannedShipDate: chosen.shipDate ?? null,
    promisedMinDate: chosen.delivery?.minDate ? utcDay(chosen.delivery.minDate) : null,
    promisedMaxDate: chosen.delivery?.maxDate ? utcDay(chosen.delivery.maxDate) : null,
    outboundCostCents: chosen.costCents ?? null,
    pickupPointId,
  };
}

export interface FulfillmentLinkResult {
  shipmentIds: string[];
  /** Tracking numbers seen before Shopify told us about the fulfillment (created from a tracking event). */
  linkedExisting: number;
}

/** REST Fulfillment `status` values of a fulfillment that will not ship (shopify.dev, Fulfillment resource). */
const DEAD_FULFILLMENT_STATUSES = new Set(["cancelled", "error", "failure"]);

/**
 * fulfillments/create and fulfillments/update: one shipment per tracking number, linked to the order, the
 * fulfillment and the order's routing decision (lane, promise, pickup point). A shipment first seen through a
 * tracking event is completed, not duplicated, and catches up on what needed the order (catchUpAfterLink).
 */
export async function linkFulfillment(
  db: PrismaClient,
  shop: string,
  payload: FulfillmentsCreatePayload,
  now: Date = new Date(),
): Promise<FulfillmentLinkResult> {
  // A cancelled or failed fulfillment ships nothing: its tracking numbers create or link no shipment.
  if (DEAD_FULFILLMENT_STATUSES.has((payload.status ?? "").toLowerCase()))
    return { shipmentIds: [], linkedExisting: 0 };
  const numbers = [
    ...new Set([...payload.tracking_numbers, ...(payload.tracking_number ? [payload.tracking_number] : [])]),
  ]
    .map((n) => n.trim())
    .filter(Boolean);
  const carrier = carrierKey(payload.tracking_company || "UNKNOWN");
  const orderId = `gid://shopify/Order/${payload.order_id}`;
  const units = new Map<string, number>();
  for (const line of payload.line_items ?? [])
    if (line.variant_id) units.set(line.variant_id, (units.get(line.variant_id) ?? 0) + line.quantity);
  const link = await planLinkFor(db, shop, orderId, carrier, {
    locationId: payload.location_id ? `gid://shopify/Location/${payload.location_id}` : null,
    units,
  });
  const result: FulfillmentLinkResult = { shipmentIds: [], linkedExisting: 0 };
  const data = { orderId, fulfillmentId: payload.admin_graphql_api_id, ...link };
  for (const trackingNumber of numbers) {
    // A tracking event for the same parcel may create its shipment at the same moment (the unique index then
    // refuses one of the two writes): the loser looks again and links the winner's.
    const linked = await redoOnConflict(async () => {
      const existing = await db.shipment.findFirst({ where: { shop, trackingNumber } });
      if (existing) {
        await db.$transaction(async (tx) => {
          await tx.shipment.updateMany({ where: { id: existing.id, shop }, data });
          await catchUpAfterLink(tx, shop, existing.id, now);
        });
        return { id: existing.id, existed: true };
      }
      const created = await db.shipment.upsert({
        where: { shop_carrier_trackingNumber: { shop, carrier, trackingNumber } },
        create: { shop, carrier, trackingNumber, source: "SHOPIFY", ...data },
        update: data,
      });
      return { id: created.id, existed: false };
    });
    result.shipmentIds.push(linked.id);
    if (linked.existed) result.linkedExisting += 1;
  }
  return result;
}
