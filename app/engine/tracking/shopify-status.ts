import type { ShopifyFulfillmentEventStatus, TrackingStatus } from "./types";

/**
 * Tailroute status → Shopify `FulfillmentEventStatus` (Admin API 2026-10, which has no PICKED_UP value). A buyer is
 * notified by Shopify on some of these, so recoverable problems (exceptions, rescheduled redelivery) are DELAYED,
 * never FAILURE; FAILURE is kept for parcels on their way back.
 */
export const SHOPIFY_EVENT_STATUS: Readonly<Record<TrackingStatus, ShopifyFulfillmentEventStatus>> = {
  LABEL_CREATED: "LABEL_PURCHASED",
  OUTBOUND_SCAN: "CARRIER_PICKED_UP",
  AT_SORT_CENTER: "IN_TRANSIT",
  IN_TRANSIT: "IN_TRANSIT",
  OUT_FOR_DELIVERY: "OUT_FOR_DELIVERY",
  ATTEMPTED_DELIVERY: "ATTEMPTED_DELIVERY",
  REDELIVERY_SCHEDULED: "DELAYED",
  AVAILABLE_FOR_PICKUP: "READY_FOR_PICKUP",
  DELIVERED: "DELIVERED",
  PICKED_UP: "DELIVERED",
  DELAYED: "DELAYED",
  EXCEPTION: "DELAYED",
  RETURN_TO_SENDER: "FAILURE",
  RETURNED: "FAILURE",
};

/**
 * The message shown with the Shopify event: Tailroute's words for the status, then the carrier's.
 *
 * @example
 * fulfillmentEventMessage("ATTEMPTED_DELIVERY", "Notice left"); // "Delivery attempted: Notice left"
 */
export function fulfillmentEventMessage(status: TrackingStatus, carrierDescription: string | null): string {
  const label: Record<TrackingStatus, string> = {
    LABEL_CREATED: "Label created",
    OUTBOUND_SCAN: "Picked up by the carrier",
    AT_SORT_CENTER: "At a sort center",
    IN_TRANSIT: "In transit",
    OUT_FOR_DELIVERY: "Out for delivery",
    ATTEMPTED_DELIVERY: "Delivery attempted",
    REDELIVERY_SCHEDULED: "Redelivery scheduled",
    AVAILABLE_FOR_PICKUP: "Ready for pickup",
    DELIVERED: "Delivered",
    PICKED_UP: "Picked up by the buyer",
    DELAYED: "Delayed",
    EXCEPTION: "Carrier exception",
    RETURN_TO_SENDER: "Returning to sender",
    RETURNED: "Returned to sender",
  };
  return carrierDescription ? `${label[status]}: ${carrierDescription}` : label[status];
}
