import { enqueueTrackingPush } from "../../jobs/kinds/tracking-push.server";
import { Prisma, type PrismaClient, type Shipment } from "@prisma/client";
import { applyTrackingEvent, type TrackingStatus } from "../../engine/tracking";
import { transitionEffects } from "./transition-effects.server";
import { recordLaneDelivery } from "./lanes.server";
import type { IncomingTrackingEvent } from "./provider-events.server";
import { pickupHoldFor } from "./pickup-hold.server";
import { planLinkFor } from "./shipment-link.server";
import { redoOnConflict } from "../../db/portable.server";
import { recordTransitionNotifications } from "../notifications/shipment-events.server";

/** What happened to one received event. */
export type EventOutcome = "TRANSITION" | "KEPT" | "DUPLICATE";

export interface TrackingNumberReport {
  trackingNumber: string;
  shipmentId: string;
  /** The shipment did not exist: created from this event (linked to the order once Shopify sends the fulfillment). */
  shipmentCreated: boolean;
  status: TrackingStatus;
  events: {
    dedupeKey: string;
    outcome: EventOutcome;
    status: TrackingStatus;
    rawCode: string;
    knownCode: boolean;
  }[];
}

/** A concurrent writer changed the shipment between our read and our write: redo the event. */
class ShipmentMoved extends Error {}

/**
 * Stores received events (each once, by dedupe key; out-of-order ones kept in the timeline) and moves each shipment
 * through the state machine, recording in the same transaction the Shopify writes every transition implies. Events
 * are applied oldest first within a request.
 */
export async function recordTrackingEvents(
  db: PrismaClient,
  shop: string,
  events: IncomingTrackingEvent[],
  now: Date,
): Promise<TrackingNumberReport[]> {
  const byNumber = new Map<string, IncomingTrackingEvent[]>();
  for (const event of events) {
    const list = byNumber.get(event.trackingNumber) ?? [];
    list.push(event);
    byNumber.set(event.trackingNumber, list);
  }
  const reports: TrackingNumberReport[] = [];
  for (const [trackingNumber, list] of byNumber) {
    list.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    const report: TrackingNumberReport = {
      trackingNumber,
      shipmentId: "",
      shipmentCreated: false,
      status: "LABEL_CREATED",
      events: [],
    };
    for (const event of list) {
      const { outcome, shipment, created } = await recordWithRetry(db, shop, event, now);
      report.shipmentId = shipment.id;
      report.status = shipment.status as TrackingStatus;
      report.shipmentCreated ||= created;
      report.events.push({
        dedupeKey: event.dedupeKey,
        outcome,
        status: event.status,
        rawCode: event.rawCode,
        knownCode: event.knownCode,
      });
    }
    reports.push(report);
  }
  return reports;
}

function recordWithRetry(db: PrismaClient, shop: string, event: IncomingTrackingEvent, now: Date) {
  return redoOnConflict(() => db.$transaction((tx) => recordOne(tx, shop, event, now)), {
    alsoRedo: (error) => error instanceof ShipmentMoved,
  });
}

async function findOrCreateShipment(
  tx: Prisma.TransactionClient,
  shop: string,
  event: IncomingTrackingEvent,
): Promise<{ shipment: Shipment; created: boolean }> {
  const existing = await tx.shipment.findFirst({
    where: { shop, trackingNumber: event.trackingNumber },
    orderBy: { createdAt: "asc" },
  });
  if (existing) return { shipment: existing, created: false };
  const link = event.orderId ? await planLinkFor(tx, shop, event.orderId, event.carrier) : null;
  const shipment = await tx.shipment.create({
    data: {
      shop,
      carrier: event.carrier,
      trackingNumber: event.trackingNumber,
      source: event.provider,
      orderId: event.orderId,
      ...(link ?? {}),
    },
  });
  return { shipment, created: true };
}

async function recordOne(
  tx: Prisma.TransactionClient,
  shop: string,
  event: IncomingTrackingEvent,
  now: Date,
): Promise<{ outcome: EventOutcome; shipment: Shipment; created: boolean }> {
  const { shipment, created } = await findOrCreateShipment(tx, shop, event);
  const duplicate = await tx.trackingEvent.findUnique({
    where: { shipmentId_dedupeKey: { shipmentId: shipment.id, dedupeKey: event.dedupeKey } },
    select: { id: true },
  });
  if (duplicate) return { outcome: "DUPLICATE", shipment, created };

  const stored = await tx.trackingEvent.create({
    data: {
      shop,
      shipmentId: shipment.id,
      status: event.status,
      rawCode: event.rawCode,
      provider: event.provider,
      description: event.description,
      location: event.location,
      occurredAt: event.occurredAt,
      receivedAt: now,
      dedupeKey: event.dedupeKey,
    },
  });
  const newest = !shipment.lastEventAt || event.occurredAt >= shipment.lastEventAt;
  const always: Prisma.ShipmentUpdateManyMutationInput = {
    ...(event.estimatedDeliveryAt ? { estimatedDeliveryAt: event.estimatedDeliveryAt } : {}),
    ...(newest
      ? { lastEventAt: event.occurredAt, lastEventDescription: event.description ?? event.rawCode }
      : {}),
  };
  const from = shipment.status as TrackingStatus;
  const step = applyTrackingEvent(
    { status: from, progress: shipment.progressStatus as TrackingStatus, statusAt: shipment.statusAt },
    event.status,
    event.occurredAt,
  );
  if (step.kind !== "TRANSITION") {
    const data = step.kind === "REFRESHED" ? { ...always, statusAt: step.next.statusAt } : always;
    if (Object.keys(data).length > 0) {
      // A refresh moves statusAt: only against the state we read (a concurrent writer → redo).
      const where = step.kind === "REFRESHED" ? { status: shipment.status, statusAt: shipment.statusAt } : {};
      const updated = await tx.shipment.updateMany({ where: { id: shipment.id, shop, ...where }, data });
      if (updated.count !== 1) throw new ShipmentMoved();
    }
    return { outcome: "KEPT", shipment: { ...shipment, ...(data as Partial<Shipment>) }, created };
  }

  const to = step.next.status;
  const pickupHold =
    to === "AVAILABLE_FOR_PICKUP" && !shipment.holdStartedAt ? await pickupHoldFor(tx, shop, shipment) : null;
  const effects = transitionEffects(shipment, from, to, stored.id, event, pickupHold);
  // Optimistic concurrency: only the writer that saw this exact state may move it.
  const moved = await tx.shipment.updateMany({
    where: { id: shipment.id, shop, status: shipment.status, statusAt: shipment.statusAt },
    data: {
      ...always,
      ...effects.shipment,
      status: to,
      progressStatus: step.next.progress,
      statusAt: event.occurredAt,
    },
  });
  if (moved.count !== 1) throw new ShipmentMoved();
  await tx.trackingEvent.update({ where: { id: stored.id }, data: { appliedAs: to } });
  for (const push of effects.pushes) {
    await tx.trackingPush.upsert({
      where: { shop_key: { shop, key: push.key } },
      create: {
        shop,
        shipmentId: shipment.id,
        kind: push.kind,
        key: push.key,
        payload: push.payload as unknown as Prisma.InputJsonValue,
      },
      update: { key: push.key },
    });
    // Same transaction: the push is never lost to a crash; the ingest's run after the answer is the fast path.
    await enqueueTrackingPush(tx, shop, shipment.id, push.key);
  }
  const after = await tx.shipment.findFirstOrThrow({ where: { id: shipment.id, shop } });
  await recordTransitionNotifications(tx, shipment, after, to, stored);
  if (effects.countLane) {
    const firstScan = await tx.trackingEvent.findFirst({
      where: { shop, shipmentId: shipment.id, id: { not: stored.id }, status: { notIn: ["LABEL_CREATED"] } },
      orderBy: { occurredAt: "asc" },
      select: { occurredAt: true },
    });
    await recordLaneDelivery(tx, after, event.occurredAt, firstScan?.occurredAt ?? null, now);
  }
  return { outcome: "TRANSITION", shipment: after, created };
}
