import type { TrackingStatus } from "../../engine/tracking";
import { mapUrl, redeliveryOptions, trackingUrl, type RedeliveryOption } from "./carrier-links";

/** The steps a buyer sees, in order; a parcel for a pickup point ends at the point instead of the door. */
const HOME_STEPS = [
  "OUTBOUND_SCAN",
  "AT_SORT_CENTER",
  "IN_TRANSIT",
  "OUT_FOR_DELIVERY",
  "DELIVERED",
] as const;
const PICKUP_STEPS = [
  "OUTBOUND_SCAN",
  "AT_SORT_CENTER",
  "IN_TRANSIT",
  "AVAILABLE_FOR_PICKUP",
  "PICKED_UP",
] as const;
export type TimelineStepKey = (typeof HOME_STEPS)[number] | (typeof PICKUP_STEPS)[number];

/** How far along each status is (the index of the step it reaches). */
const RANK: Partial<Record<TrackingStatus, number>> = {
  LABEL_CREATED: -1,
  OUTBOUND_SCAN: 0,
  AT_SORT_CENTER: 1,
  IN_TRANSIT: 2,
  OUT_FOR_DELIVERY: 3,
  ATTEMPTED_DELIVERY: 3,
  REDELIVERY_SCHEDULED: 3,
  AVAILABLE_FOR_PICKUP: 3,
  DELIVERED: 4,
  PICKED_UP: 4,
};

/** Statuses shown beside the steps: something went differently from plan. */
const EXCEPTIONS = new Set<string>([
  "ATTEMPTED_DELIVERY",
  "REDELIVERY_SCHEDULED",
  "DELAYED",
  "EXCEPTION",
  "RETURN_TO_SENDER",
  "RETURNED",
]);

export interface ShipmentForBuyer {
  carrier: string;
  trackingNumber: string;
  status: string;
  progressStatus: string;
  estimatedDeliveryAt: Date | null;
  promisedMinDate: Date | null;
  promisedMaxDate: Date | null;
  holdExpiresAt: Date | null;
  returningToOrigin: boolean;
  events: { status: string; occurredAt: Date; description: string | null }[];
  pickupPoint: { name: string; address1: string; city: string; province: string; zip: string } | null;
}

export interface BuyerTimeline {
  carrier: string;
  trackingNumber: string;
  trackingUrl: string | null;
  status: string;
  steps: { key: TimelineStepKey; state: "done" | "current" | "todo"; at: string | null }[];
  exceptions: { status: string; at: string; description: string | null }[];
  estimatedDelivery: string | null;
  promised: { min: string; max: string } | null;
  pickup: {
    name: string;
    address1: string;
    city: string;
    province: string;
    zip: string;
    mapUrl: string;
    holdExpiresAt: string | null;
  } | null;
  redelivery: RedeliveryOption[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * One parcel as the buyer sees it: the five steps (done up to the furthest status reached, the next one current),
 * what went differently (a failed attempt, a delay, a return), the promised window and the carrier's estimate, the
 * pickup point and its hold deadline, and — after a failed attempt that has not been followed by a delivery — the
 * carrier's own pages to reschedule, redirect or hold the parcel.
 */
export function buyerTimeline(s: ShipmentForBuyer): BuyerTimeline {
  const steps = s.pickupPoint ? PICKUP_STEPS : HOME_STEPS;
  const reached = RANK[s.progressStatus as TrackingStatus] ?? -1;
  const firstAt = new Map<string, Date>();
  for (const e of [...s.events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()))
    if (!firstAt.has(e.status)) firstAt.set(e.status, e.occurredAt);
  const finished = reached >= steps.length - 1;
  const attempted = ["ATTEMPTED_DELIVERY", "REDELIVERY_SCHEDULED"].includes(s.status);
  return {
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    trackingUrl: trackingUrl(s.carrier, s.trackingNumber),
    status: s.status,
    steps: steps.map((key, i) => ({
      key,
      state: i <= reached ? "done" : i === reached + 1 && !finished ? "current" : "todo",
      at: firstAt.get(key)?.toISOString() ?? null,
    })),
    exceptions: s.events
      .filter((e) => EXCEPTIONS.has(e.status))
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
      .map((e) => ({ status: e.status, at: e.occurredAt.toISOString(), description: e.description })),
    estimatedDelivery: s.estimatedDeliveryAt ? day(s.estimatedDeliveryAt) : null,
    promised:
      s.promisedMinDate && s.promisedMaxDate
        ? { min: day(s.promisedMinDate), max: day(s.promisedMaxDate) }
        : null,
    pickup: s.pickupPoint
      ? {
          ...s.pickupPoint,
          mapUrl: mapUrl(s.pickupPoint),
          holdExpiresAt: s.holdExpiresAt?.toISOString() ?? null,
        }
      : null,
    redelivery: attempted && !s.returningToOrigin ? redeliveryOptions(s.carrier, s.trackingNumber) : [],
  };
}
