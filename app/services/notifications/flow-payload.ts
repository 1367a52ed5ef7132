import type { z } from "zod";
import type { NotificationEventSchema } from "../../contracts/notification-event";
import { pickupPointAddress } from "./event-text";

type Event = z.output<typeof NotificationEventSchema>;

/** Shopify Flow refuses a trigger payload of 50,000 bytes or more (shopify.dev Flow trigger reference). */
export const FLOW_PAYLOAD_MAX_BYTES = 50_000;

/** The numeric id at the end of an Admin GraphQL gid ("gid://shopify/Order/5001" → 5001), or null. */
export function legacyId(gid: string | null | undefined): number | null {
  const match = gid?.match(/\/(\d+)$/);
  return match ? Number(match[1]) : null;
}

/**
 * The `flowTriggerReceive` payload of an event: the reference fields the trigger's TOML declares (`order_reference`
 * → `order_id`, `customer_reference` → `customer_id`, numeric ids) and its custom fields, keyed by the field keys of
 * extensions/flow-<handle>/shopify.extension.toml (letters and spaces only). Empty values are sent as "" so every
 * workflow finds every field.
 */
export function flowPayload(event: Event, customerId: string | null): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  const order = legacyId(event.orderId);
  if (order !== null) payload.order_id = order;
  const customer = legacyId(customerId ?? event.customerId);
  if (customer !== null) payload.customer_id = customer;
  Object.assign(payload, flowCustomFields(event));
  return payload;
}

/** The custom fields every Tailroute trigger carries (the TOML lists the same keys). */
export function flowCustomFields(event: Event): Record<string, string> {
  const point = event.pickupPoint;
  const appointment = event.appointment;
  return {
    "Order name": event.orderName ?? "",
    Carrier: event.carrier ?? "",
    "Tracking number": event.trackingNumber ?? "",
    "Tracking URL": event.trackingUrl ?? "",
    "Pickup point name": point?.name ?? "",
    "Pickup point address": point ? pickupPointAddress(point) : "",
    "Hold deadline": event.holdExpiresAt ?? "",
    "Promised by": event.promisedBy ?? "",
    "Appointment window": appointment
      ? `${appointment.date} ${appointment.startTime}-${appointment.endTime}`
      : "",
    Details: event.note ?? "",
  };
}

/** The payload's size as Flow counts it: its JSON in UTF-8 bytes. */
export function flowPayloadBytes(payload: Record<string, unknown>): number {
  return Buffer.byteLength(JSON.stringify(payload), "utf8");
}
