import type { NotificationKind } from "./types";

/**
 * The Flow trigger extension of each kind (extensions/flow-*): its handle (what `flowTriggerReceive` names, at most
 * 30 characters, letters, digits and hyphens) and the merchant-facing name, an object and a past-tense verb as
 * Shopify's trigger naming guideline asks (docs/notifications.md).
 */
export const FLOW_TRIGGERS: Record<NotificationKind, { handle: string; name: string }> = {
  pickup_ready: { handle: "pickup-parcel-arrived", name: "Pickup parcel arrived" },
  pickup_hold_expiring: { handle: "pickup-hold-expiry-approached", name: "Pickup hold expiry approached" },
  pickup_hold_expired: { handle: "pickup-hold-expired", name: "Pickup hold expired" },
  delivery_attempt_failed: { handle: "delivery-attempt-failed", name: "Delivery attempt failed" },
  shipment_at_risk: { handle: "shipment-delay-risk-detected", name: "Shipment delay risk detected" },
  freight_appointment_booked: { handle: "freight-appointment-booked", name: "Freight appointment booked" },
};

/** The kind a trigger handle belongs to (the lifecycle callback names the handle), or null for another handle. */
export function kindOfFlowHandle(handle: string): NotificationKind | null {
  const entry = Object.entries(FLOW_TRIGGERS).find(([, t]) => t.handle === handle);
  return entry ? (entry[0] as NotificationKind) : null;
}
