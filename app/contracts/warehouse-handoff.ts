import { z } from "zod";

// The wire formats of the warehouse handoff (docs/handoff.md): what Shopify posts to the fulfillment service's
// callback, what Tailroute sends a warehouse, and what the warehouse sends back.

/**
 * Shopify's POST to `<callbackUrl>/fulfillment_order_notification`: only the kind of request; the fulfillment
 * orders themselves are read with `assignedFulfillmentOrders` (shopify.dev, "Build for fulfillment services").
 */
export const FulfillmentOrderNotification = z.object({
  kind: z.enum(["FULFILLMENT_REQUEST", "CANCELLATION_REQUEST"]),
});
export type FulfillmentOrderNotification = z.infer<typeof FulfillmentOrderNotification>;

/** How a handed-off warehouse takes its orders: a signed POST per order, or the day's pick list (no POST). */
export const HandoffMethod = z.enum(["WEBHOOK", "PICK_LIST"]);
export type HandoffMethod = z.infer<typeof HandoffMethod>;

/** The version of the document below; a change that is not purely additive gets a new one. */
export const HANDOFF_VERSION = "2026-12-01";

const Address = z.object({
  name: z.string().nullable(),
  company: z.string().nullable(),
  address1: z.string().nullable(),
  address2: z.string().nullable(),
  city: z.string().nullable(),
  province: z.string().nullable(),
  zip: z.string().nullable(),
  countryCode: z.string().nullable(),
  phone: z.string().nullable(),
});

/** One package of Tailroute's plan: outer dimensions (inches), weight (ounces) and what goes in it. */
export const HandoffPackage = z.object({
  /** The merchant's carton id, or null when the item ships in its own packaging. */
  cartonId: z.string().nullable(),
  lengthIn: z.number(),
  widthIn: z.number(),
  heightIn: z.number(),
  weightOz: z.number(),
  contents: z.array(
    z.object({ sku: z.string().nullable(), variantId: z.string().nullable(), quantity: z.number() }),
  ),
});
export type HandoffPackage = z.infer<typeof HandoffPackage>;

/**
 * What Tailroute POSTs to a warehouse: one fulfillment order to ship (or to stop), with Tailroute's decision.
 * `fulfillment.updated` carries the whole document again after something in it changed once the order was sent
 * (today: the buyer booked or moved the freight delivery appointment, `routing.appointment`).
 */
export const HandoffDocument = z.object({
  version: z.literal(HANDOFF_VERSION),
  event: z.enum(["fulfillment.requested", "fulfillment.cancelled", "fulfillment.updated"]),
  /** Stable per fulfillment order: the warehouse's idempotency key. */
  handoffId: z.string(),
  shop: z.string(),
  warehouse: z.object({ key: z.string(), name: z.string() }),
  order: z.object({ id: z.string(), name: z.string().nullable() }),
  fulfillmentOrder: z.object({
    id: z.string(),
    lineItems: z.array(
      z.object({
        id: z.string(),
        sku: z.string().nullable(),
        variantId: z.string().nullable(),
        title: z.string(),
        quantity: z.number().int().positive(),
      }),
    ),
  }),
  shipTo: Address,
  /** The merchant's note on the fulfillment request, if any. */
  merchantMessage: z.string().nullable(),
  /** Tailroute's routing decision for the order, null when it has none (an order routed by hand). */
  routing: z
    .object({
      serviceCode: z.string().nullable(),
      mode: z.string().nullable(),
      carrier: z.string().nullable(),
      service: z.string().nullable(),
      freightLevel: z.string().nullable(),
      promisedWindow: z.object({ min: z.string(), max: z.string() }).nullable(),
      pickupPoint: z.unknown().nullable(),
      /** "YYYY-MM-DD" in the warehouse's time zone: the day the plan ships this warehouse's parcels. */
      shipDate: z.string().nullable().default(null),
      /** The packages Tailroute planned for this warehouse's part of the order (its rate was priced on them). */
      packages: z.array(HandoffPackage).default([]),
      /** Freight: the delivery window the buyer booked (docs/appointments.md), null when none is booked yet. */
      appointment: z
        .object({ day: z.string(), windowStart: z.string(), windowEnd: z.string(), timeZone: z.string() })
        .nullable()
        .default(null),
    })
    .nullable(),
  requestedAt: z.string(),
});
export type HandoffDocument = z.infer<typeof HandoffDocument>;

/** The warehouse's answer with a shipment: POST /api/warehouse/tracking?shop=…&warehouse=… (signed). */
export const WarehouseTrackingBody = z.object({
  fulfillmentOrderId: z.string().regex(/^gid:\/\/shopify\/FulfillmentOrder\/\d+$/),
  trackingNumber: z.string().trim().min(4).max(64),
  /** Carrier name as Shopify knows it ("UPS", "FedEx", "USPS", "Amazon Logistics US"…). */
  company: z.string().trim().min(1).max(64),
  url: z.url().optional(),
});
export type WarehouseTrackingBody = z.infer<typeof WarehouseTrackingBody>;

/**
 * The warehouse cannot ship a handed-off order (out of stock, damaged, refused by its carrier): POST
 * /api/warehouse/unfulfillable?shop=…&warehouse=… (signed). The fulfillment order is closed as incomplete in Shopify
 * with the reason, which gives it back to the merchant.
 */
export const WarehouseUnfulfillableBody = z.object({
  fulfillmentOrderId: z.string().regex(/^gid:\/\/shopify\/FulfillmentOrder\/\d+$/),
  reason: z.string().trim().min(1).max(500),
});
export type WarehouseUnfulfillableBody = z.infer<typeof WarehouseUnfulfillableBody>;

/**
 * A warehouse's pick list for one ship date (GET /app/warehouses/:id/pick-list.json, `tailroute handoffs
 * --pick-list`): the same documents a webhook warehouse receives, one per handed-off fulfillment order that ships
 * that day, each with where it stands (state, tracking back). Cancelled ones, and those the warehouse gave back as
 * unfulfillable, are left off.
 */
export const PickList = z.object({
  version: z.literal(HANDOFF_VERSION),
  shop: z.string(),
  warehouse: z.object({ key: z.string(), name: z.string() }),
  /** "YYYY-MM-DD" in the warehouse's time zone. */
  shipDate: z.string(),
  generatedAt: z.string(),
  orders: z.array(
    HandoffDocument.extend({
      state: z.string(),
      tracking: z
        .object({ company: z.string().nullable(), number: z.string(), url: z.string().nullable() })
        .nullable(),
      /** The earlier ship date of an order still unshipped from the days before; null for the day's own orders. */
      carriedOverFrom: z.string().nullable(),
    }),
  ),
});
export type PickList = z.infer<typeof PickList>;
