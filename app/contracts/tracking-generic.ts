import { z } from "zod";
import { TRACKING_STATUSES } from "../engine/tracking";

// Tailroute's signed tracking format for any 3PL or carrier (docs/tracking.md "Generic format"). Each event names
// either a normalised `status` or the carrier's own `rawCode` (looked up in the carrier's table, with a fallback).

export const GenericTrackingEvent = z
  .strictObject({
    /** The sender's unique event id: a redelivered event with the same id is ignored. */
    id: z.string().min(1).max(200),
    trackingNumber: z.string().min(1).max(100),
    carrier: z.string().min(1).max(60),
    status: z.enum(TRACKING_STATUSES).optional(),
    rawCode: z.string().min(1).max(60).optional(),
    occurredAt: z.iso.datetime({ offset: true }),
    description: z.string().max(500).optional(),
    location: z
      .strictObject({
        city: z.string().max(100).optional(),
        state: z.string().max(50).optional(),
        zip: z.string().max(20).optional(),
        country: z.string().max(2).optional(),
      })
      .optional(),
    estimatedDeliveryAt: z.iso.datetime({ offset: true }).optional(),
    /** gid://shopify/Order/… when the sender knows it (links a shipment Shopify has not told us about yet). */
    orderId: z.string().startsWith("gid://shopify/Order/").optional(),
  })
  .refine((e) => e.status !== undefined || e.rawCode !== undefined, {
    message: "each event needs a status or a rawCode",
  });
export type GenericTrackingEvent = z.infer<typeof GenericTrackingEvent>;

export const GenericTrackingBody = z.strictObject({
  events: z.array(GenericTrackingEvent).min(1).max(500),
});
export type GenericTrackingBody = z.infer<typeof GenericTrackingBody>;
