import { dayInZone, destinationTimeZone, promisedDay } from "./on-time";
import { FINAL_STATUSES } from "./state-machine";
import type { TrackingStatus } from "./types";
const TROUBLE: readonly TrackingStatus[] = [
  "DELAYED",
  "EXCEPTION",
  "ATTEMPTED_DELIVERY",
  "REDELIVERY_SCHEDULED",
  "RETURN_TO_SENDER",
];

/** LATE = past the promised latest day; AT_RISK = still inside it but unlikely to make it; ON_TRACK otherwise. */
export type DeliveryRisk = "ON_TRACK" | "AT_RISK" | "LATE" | "DELIVERED_ON_TIME" | "DELIVERED_LATE";

/**
 * Judges a shipment against its promise on the buyer's calendar (`deliveredOnTime`): the promised days are UTC
 * midnights standing for the buyer's calendar days (as the routing decision stores them), and every instant (the
 * delivery, now, the carrier's estimate) is read as a date in the destination's time zone. "Late" starts when the
 * buyer's today is after the promised latest day.
 *
 * @example
 * deliveryRisk({ status: "IN_TRANSIT", promisedMaxDate: new Date("2026-11-27T00:00:00Z"), deliveredAt: null,
 *   estimatedDeliveryAt: null, destTimeZone: "America/Chicago" }, new Date("2026-11-28T09:00:00Z")); // "LATE"
 */
export function deliveryRisk(
  shipment: {
    status: TrackingStatus;
    promisedMaxDate: Date | null;
    deliveredAt: Date | null;
    estimatedDeliveryAt: Date | null;
    /** The destination's IANA zone (null: from `destZip3`, see `destinationTimeZone`). */
    destTimeZone?: string | null;
    destZip3?: string | null;
  },
  now: Date,
): DeliveryRisk {
  const lastDay = shipment.promisedMaxDate ? promisedDay(shipment.promisedMaxDate) : null;
  const zone = destinationTimeZone(shipment.destTimeZone, shipment.destZip3);
  const day = (instant: Date) => dayInZone(instant, zone);
  if (shipment.status === "DELIVERED" || shipment.status === "PICKED_UP") {
    if (lastDay === null || !shipment.deliveredAt) return "DELIVERED_ON_TIME";
    return day(shipment.deliveredAt) <= lastDay ? "DELIVERED_ON_TIME" : "DELIVERED_LATE";
  }
  if (FINAL_STATUSES.includes(shipment.status)) return "LATE";
  if (lastDay === null) return TROUBLE.includes(shipment.status) ? "AT_RISK" : "ON_TRACK";
  const today = day(now);
  if (today > lastDay) return "LATE";
  if (TROUBLE.includes(shipment.status)) return "AT_RISK";
  if (shipment.estimatedDeliveryAt && day(shipment.estimatedDeliveryAt) > lastDay) return "AT_RISK";
  // The last promised day has begun and the parcel is not even out for delivery.
  if (
    today === lastDay &&
    shipment.status !== "OUT_FOR_DELIVERY" &&
    shipment.status !== "AVAILABLE_FOR_PICKUP"
  )
    return "AT_RISK";
  return "ON_TRACK";
}

/** What happens after a failed delivery attempt, for the merchant. */
export type AttemptNextStep =
  "CARRIER_WILL_RETRY" | "REDELIVERY_SCHEDULED" | "HELD_AT_FACILITY" | "RETURNING";

/**
 * The merchant-facing next step after a failed attempt, from the status that followed it (or none yet).
 *
 * @example
 * attemptNextStep("AVAILABLE_FOR_PICKUP"); // "HELD_AT_FACILITY"
 */
export function attemptNextStep(after: TrackingStatus | null): AttemptNextStep {
  if (after === "REDELIVERY_SCHEDULED") return "REDELIVERY_SCHEDULED";
  if (after === "AVAILABLE_FOR_PICKUP") return "HELD_AT_FACILITY";
  if (after === "RETURN_TO_SENDER" || after === "RETURNED") return "RETURNING";
  return "CARRIER_WILL_RETRY";
}

/**
 * The sentence stored on the shipment (and shown in the CLI / admin) for a next step.
 *
 * @example
 * attemptNextStepText("RETURNING"); // "Delivery attempt failed: the parcel is being returned to the sender"
 */
export function attemptNextStepText(step: AttemptNextStep): string {
  switch (step) {
    case "CARRIER_WILL_RETRY":
      return "Delivery attempt failed: the carrier will try again (check the address and contact the buyer)";
    case "REDELIVERY_SCHEDULED":
      return "Delivery attempt failed: redelivery scheduled by the carrier";
    case "HELD_AT_FACILITY":
      return "Delivery attempt failed: held at the carrier's facility for the buyer to collect";
    case "RETURNING":
      return "Delivery attempt failed: the parcel is being returned to the sender";
  }
}
