import { createHash } from "node:crypto";
import type { GenericTrackingBody } from "../../contracts/tracking-generic";
import type { EasyPostEvent } from "../../contracts/tracking-easypost";
import type { ShippoTrackUpdated } from "../../contracts/tracking-shippo";
import {
  carrierKey,
  carrierSource,
  FALLBACK_STATUS,
  normalizeRawCode,
  normalizeShippoStatus,
  type TrackingStatus,
} from "../../engine/tracking";
import type { TrackingProvider } from "./sources.server";

/** One scan, whichever provider sent it, in Tailroute's terms. */
export interface IncomingTrackingEvent {
  provider: TrackingProvider;
  trackingNumber: string;
  /** Carrier key (UPS, FEDEX, USPS, AMAZON, …). */
  carrier: string;
  status: TrackingStatus;
  /** The provider's or carrier's own code(s), as received ("in_transit/arrived_at_facility"). */
  rawCode: string;
  /** false = no table knew the code: the explicit fallback status was used. */
  knownCode: boolean;
  dedupeKey: string;
  occurredAt: Date;
  description: string | null;
  location: string | null;
  estimatedDeliveryAt: Date | null;
  orderId: string | null;
}

/** EasyPost statuses whose status_detail is more precise than the status itself. */
const EASYPOST_REFINED_STATUSES = ["pre_transit", "in_transit", "failure", "unknown"];

const hash = (...parts: (string | null | undefined)[]) =>
  createHash("sha256")
    .update(parts.map((p) => p ?? "").join("\u0000"))
    .digest("hex")
    .slice(0, 32);

const place = (l: { city?: string | null; state?: string | null; zip?: string | null } | null | undefined) =>
  l ? [l.city, l.state, l.zip].filter(Boolean).join(", ") || null : null;

/**
 * An EasyPost Tracker's tracking_details, one event each (EasyPost resends the whole history on every update; the
 * dedupe key — the detail's status, status_detail, datetime and message — makes the repeats no-ops).
 */
export function easyPostEvents(event: EasyPostEvent): IncomingTrackingEvent[] {
  const tracker = event.result;
  const eta = tracker.est_delivery_date ? new Date(tracker.est_delivery_date) : null;
  return tracker.tracking_details.map((detail) => {
    // status_detail refines a moving parcel only: a "delivered" detail may say "arrived_at_destination".
    const refine = EASYPOST_REFINED_STATUSES.includes(detail.status);
    const normalized = normalizeRawCode(
      "EASYPOST",
      refine ? [detail.status_detail, detail.status] : [detail.status],
    );
    return {
      provider: "EASYPOST",
      trackingNumber: tracker.tracking_code,
      carrier: carrierKey(tracker.carrier),
      status: normalized.status,
      knownCode: normalized.known,
      rawCode: detail.status_detail ? `${detail.status}/${detail.status_detail}` : detail.status,
      dedupeKey: `ep:${hash(detail.status, detail.status_detail, detail.datetime, detail.message)}`,
      occurredAt: new Date(detail.datetime),
      description: detail.message ?? detail.description ?? null,
      location: place(detail.tracking_location),
      estimatedDeliveryAt: eta,
      orderId: null,
    };
  });
}

/** A Shippo Track: its tracking_history plus the current tracking_status (deduped by object_id or content). */
export function shippoEvents(payload: ShippoTrackUpdated): IncomingTrackingEvent[] {
  const track = payload.data;
  const eta = track.eta ? new Date(track.eta) : null;
  const all = [...track.tracking_history, ...(track.tracking_status ? [track.tracking_status] : [])];
  const seen = new Set<string>();
  const events: IncomingTrackingEvent[] = [];
  for (const status of all) {
    const dedupeKey = `sh:${status.object_id ?? hash(status.status, status.substatus?.code, status.status_date)}`;
    if (seen.has(dedupeKey)) continue;
    seen.add(dedupeKey);
    const normalized = normalizeShippoStatus(status.status, status.substatus?.code);
    events.push({
      provider: "SHIPPO",
      trackingNumber: track.tracking_number,
      carrier: carrierKey(track.carrier),
      status: normalized.status,
      knownCode: normalized.known,
      rawCode: status.substatus?.code ? `${status.status}/${status.substatus.code}` : status.status,
      dedupeKey,
      occurredAt: new Date(status.status_date),
      description: status.status_details ?? status.substatus?.text ?? null,
      location: place(status.location),
      estimatedDeliveryAt: eta,
      orderId: null,
    });
  }
  return events;
}

/** The generic format: a normalised status is taken as is; a raw code goes through the carrier's table. */
export function genericEvents(body: GenericTrackingBody): IncomingTrackingEvent[] {
  return body.events.map((e) => {
    const carrier = carrierKey(e.carrier);
    const source = carrierSource(carrier);
    const normalized = e.status
      ? { status: e.status, known: true }
      : source
        ? normalizeRawCode(source, [e.rawCode])
        : { status: FALLBACK_STATUS, known: false }; // no table for this carrier: the explicit fallback
    return {
      provider: "GENERIC",
      trackingNumber: e.trackingNumber,
      carrier,
      status: normalized.status,
      knownCode: normalized.known,
      rawCode: e.rawCode ?? e.status ?? "",
      dedupeKey: `gn:${e.id}`,
      occurredAt: new Date(e.occurredAt),
      description: e.description ?? null,
      location: place(e.location),
      estimatedDeliveryAt: e.estimatedDeliveryAt ? new Date(e.estimatedDeliveryAt) : null,
      orderId: e.orderId ?? null,
    };
  });
}
