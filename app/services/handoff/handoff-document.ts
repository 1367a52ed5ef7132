import { z } from "zod";
import { HANDOFF_VERSION, HandoffPackage, type HandoffDocument } from "../../contracts/warehouse-handoff";
import type { AssignedFulfillmentOrder } from "./shopify-fulfillment-service.server";

/** What Tailroute decided for the order, as the handoff tells the warehouse (null: no decision recorded). */
export type HandoffRouting = HandoffDocument["routing"];

/** A RatedPackage of the engine's stored plan, as far as the handoff reads it (older rows may lack fields). */
const PlanPackage = z.looseObject({
  cartonId: z.string().nullable().optional(),
  lengthIn: z.number(),
  widthIn: z.number(),
  heightIn: z.number(),
  weightOz: z.number(),
  contents: z
    .array(
      z.looseObject({
        sku: z.string().optional(),
        variantId: z.string().optional(),
        quantity: z.number(),
      }),
    )
    .optional(),
});

/** The parts of a routing decision (its columns and stored plan) the handoff document carries. */
export interface DecisionForHandoff {
  serviceCode: string | null;
  mode: string | null;
  carrier: string | null;
  service: string | null;
  promisedMinDate: Date | null;
  promisedMaxDate: Date | null;
  pickupPoint: unknown;
  /** The freight delivery window the buyer booked, if any. */
  appointment?: { day: string; windowStart: string; windowEnd: string; timeZone: string } | null;
  shipments: {
    warehouseId: string;
    freightLevel?: string | undefined;
    shipDate?: string | undefined;
    packages?: unknown[] | undefined;
  }[];
}

/**
 * The routing part of the document for one warehouse: the decision's service and window, and the plan's shipment
 * from this warehouse (its freight level, ship date and packages; a split order ships from several). Pure.
 */
export function handoffRouting(decision: DecisionForHandoff | null, warehouseKey: string): HandoffRouting {
  if (!decision) return null;
  const shipment =
    decision.shipments.find((s) => s.warehouseId === warehouseKey) ?? decision.shipments[0] ?? null;
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const packages: HandoffPackage[] = [];
  for (const raw of shipment?.packages ?? []) {
    const p = PlanPackage.safeParse(raw);
    if (!p.success) continue;
    packages.push({
      cartonId: p.data.cartonId ?? null,
      lengthIn: p.data.lengthIn,
      widthIn: p.data.widthIn,
      heightIn: p.data.heightIn,
      weightOz: p.data.weightOz,
      contents: (p.data.contents ?? []).map((c) => ({
        sku: c.sku ?? null,
        variantId: c.variantId ?? null,
        quantity: c.quantity,
      })),
    });
  }
  return {
    serviceCode: decision.serviceCode,
    mode: decision.mode,
    carrier: decision.carrier,
    service: decision.service,
    freightLevel: shipment?.freightLevel ?? null,
    promisedWindow:
      decision.promisedMinDate && decision.promisedMaxDate
        ? { min: day(decision.promisedMinDate), max: day(decision.promisedMaxDate) }
        : null,
    pickupPoint: decision.pickupPoint ?? null,
    shipDate: shipment?.shipDate ?? null,
    packages,
    appointment: decision.appointment ?? null,
  };
}

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
