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
import type { PickupHold } from "./pickup-hold.server";
import type { IncomingTrackingEvent } from "./provider-events.server";

const WEEKDAYS = compileCalendar({ federal: "NONE" });

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
 * The hold clock columns of a parcel that became available at `availableAt`: the pickup point's network and hold
 * days when the shipment is linked to one, else the carrier's network (no network → no clock, empty object).
 */
export function holdFields(
  availableAt: Date,
  pickupHold: PickupHold | null,
  carrier: string,
): Prisma.ShipmentUpdateManyMutationInput {
  const network: PickupNetwork | null = pickupHold?.network ?? networkForCarrier(carrier);
  if (!network) return {};
  const clock = holdClock(pickupHold?.rule ?? HOLD_RULES[network], availableAt, WEEKDAYS);
  return {
    holdNetwork: network,
    holdStartedAt: clock.startedAt,
    holdExpiresAt: clock.expiresAt,
    holdReminderAt: clock.reminderAt,
  };
}

/**
 * What a transition from `from` to `to` does besides changing the status: the Shopify fulfillment event (always,
 * one per transition), the hold clock on AVAILABLE_FOR_PICKUP (the pickup point's rule when linked to one), the merchant flag on a failed attempt (and its next
 * step as the following statuses arrive), and the delivery time.
 */
export function transitionEffects(
  shipment: Shipment,
  from: TrackingStatus,
  to: TrackingStatus,
  eventId: string,
  event: IncomingTrackingEvent,
  pickupHold: PickupHold | null,
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
    Object.assign(data, holdFields(event.occurredAt, pickupHold, shipment.carrier));
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
