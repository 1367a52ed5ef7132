import type { Prisma, Shipment } from "@prisma/client";
import {
  attemptNextStep,
  attemptNextStepText,
  fulfillmentEventMessage,
  HOLD_RULES,
  holdClock,
  networkForCarrier,
  SHOPIFY_EVENT_STATUS,
  type PickupNetwork,
  type TrackingStatus,
} from "../../engine/tracking";
import { compileCalendar } from "../../engine/transit";
import type { IncomingTrackingEvent } from "./provider-events.server";

const WEEKDAYS = compileCalendar({ federal: "NONE" });
const NETWORKS = Object.keys(HOLD_RULES) as PickupNetwork[];

/** Tags Tailroute adds to an order that needs the merchant's attention. */
export const ATTEMPT_TAG = "tailroute:delivery-attempted";
export const HOLD_EXPIRED_TAG = "tailroute:hold-expired";

/** The `fulfillmentEventCreate` input a transition implies (fulfillmentId is added when pushed). */
export interface FulfillmentEventPayload {
  status: string;
  happenedAt: string;
  estimatedDeliveryAt: string | null;
  message: string;
}

export interface OrderTagPayload {
  orderId: string;
  tags: string[];
}

/** A Shopify write to record with the transition (the TrackingPush row). */
export interface PlannedPush {
  kind: "FULFILLMENT_EVENT" | "ORDER_TAG";
  key: string;
  payload: FulfillmentEventPayload | OrderTagPayload;
}

/** The shipment columns and Shopify writes one transition implies. */
export interface TransitionEffects {
  shipment: Prisma.ShipmentUpdateManyMutationInput;
  pushes: PlannedPush[];
  /** DELIVERED / PICKED_UP (or arrival at a pickup point): count the lane sample. */
  countLane: boolean;
}

/**
 * What a transition from `from` to `to` does besides changing the status: the Shopify fulfillment event (always,
 * one per transition), the hold clock on AVAILABLE_FOR_PICKUP, the merchant flag on a failed attempt (and its next
 * step as the following statuses arrive), and the delivery time.
 */
export function transitionEffects(
  shipment: Shipment,
  from: TrackingStatus,
  to: TrackingStatus,
  eventId: string,
  event: IncomingTrackingEvent,
  pickupPointNetwork: string | null,
): TransitionEffects {
  const pushes: PlannedPush[] = [
    {
      kind: "FULFILLMENT_EVENT",
      key: `fe:${eventId}`,
      payload: {
        status: SHOPIFY_EVENT_STATUS[to],
        happenedAt: event.occurredAt.toISOString(),
        estimatedDeliveryAt:
          (event.estimatedDeliveryAt ?? shipment.estimatedDeliveryAt)?.toISOString() ?? null,
        message: fulfillmentEventMessage(to, event.description),
      } satisfies FulfillmentEventPayload,
    },
  ];
  const data: Prisma.ShipmentUpdateManyMutationInput = {};
  let countLane = false;

  if (to === "AVAILABLE_FOR_PICKUP" && !shipment.holdStartedAt) {
    const network =
      (NETWORKS.find((n) => n === pickupPointNetwork) as PickupNetwork | undefined) ??
      networkForCarrier(shipment.carrier);
    if (network) {
      const clock = holdClock(HOLD_RULES[network], event.occurredAt, WEEKDAYS);
      Object.assign(data, {
        holdNetwork: network,
        holdStartedAt: clock.startedAt,
        holdExpiresAt: clock.expiresAt,
        holdReminderAt: clock.reminderAt,
      });
    }
    countLane = true;
  }
  if (to === "ATTEMPTED_DELIVERY") {
    data.attention = attemptNextStepText(attemptNextStep(null));
    if (shipment.orderId) {
      pushes.push({
        kind: "ORDER_TAG",
        key: `tag:${shipment.id}:${ATTEMPT_TAG}`,
        payload: { orderId: shipment.orderId, tags: [ATTEMPT_TAG] } satisfies OrderTagPayload,
      });
    }
  } else if (from === "ATTEMPTED_DELIVERY" || shipment.attention?.startsWith("Delivery attempt failed")) {
    const step = attemptNextStep(to);
    if (step !== "CARRIER_WILL_RETRY") data.attention = attemptNextStepText(step);
    if (to === "DELIVERED" || to === "PICKED_UP") data.attention = null;
  }
  if (to === "DELIVERED" || to === "PICKED_UP") {
    data.deliveredAt = event.occurredAt;
    countLane = true;
  }
  return { shipment: data, pushes, countLane };
}
