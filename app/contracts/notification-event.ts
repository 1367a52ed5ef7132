import { z } from "zod";

// A buyer-facing event the notification pipeline sends (docs/notifications.md), as stored in Notification.event and
// checked when a job reads it back. Dates are ISO-8601 strings so the row reads the same on SQLite and PostgreSQL.

export const NOTIFICATION_KINDS = [
  "pickup_ready",
  "pickup_hold_expiring",
  "pickup_hold_expired",
  "delivery_attempt_failed",
  "shipment_at_risk",
  "freight_appointment_booked",
] as const;

export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);

export const NOTIFICATION_CHANNELS = ["FLOW", "EMAIL"] as const;
export const NotificationChannelSchema = z.enum(NOTIFICATION_CHANNELS);

const Iso = z.iso.datetime({ offset: true });

export const NotificationPickupPointSchema = z.object({
  name: z.string(),
  address1: z.string(),
  city: z.string(),
  province: z.string(),
  zip: z.string(),
  network: z.string().nullish(),
});

export const NotificationEventSchema = z.object({
  shop: z.string().min(1),
  kind: NotificationKindSchema,
  /** Stable for one event whatever re-delivers it ("pickup_ready:<shipment id>"): the idempotency key's heart. */
  eventKey: z.string().min(1).max(200),
  /** When the event happened (the scan, the reminder point, the booking). */
  occurredAt: Iso,
  orderId: z.string().nullish(),
  orderName: z.string().nullish(),
  /** gid://shopify/Customer/…; when unknown, the job reads it from the order. */
  customerId: z.string().nullish(),
  carrier: z.string().nullish(),
  trackingNumber: z.string().nullish(),
  trackingUrl: z.string().nullish(),
  pickupPoint: NotificationPickupPointSchema.nullish(),
  /** The end of the pickup hold: the parcel goes back after this. */
  holdExpiresAt: Iso.nullish(),
  /** Held parcels: which reminder of the shop's schedule this is. */
  reminder: z.enum(["AFTER_ARRIVAL", "BEFORE_EXPIRY"]).nullish(),
  /** The promised latest delivery day "YYYY-MM-DD" (shipment_at_risk). */
  promisedBy: z.string().nullish(),
  /** Freight: the booked delivery window. */
  appointment: z.object({ date: z.string(), startTime: z.string(), endTime: z.string() }).nullish(),
  /** A short line in the carrier's or the app's words ("Recipient not available"). */
  note: z.string().max(500).nullish(),
});
