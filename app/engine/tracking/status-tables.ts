import type { NormalizedCode, RawCodeTable, TrackingSourceKind, TrackingStatus } from "./types";

// Raw-code tables as data. Aggregators (EasyPost, Shippo) already normalise carriers' scans into their own codes;
// the generic signed format may carry a carrier's own scan code instead. Codes are matched lower-cased.

/**
 * EasyPost Tracker `status_detail` values (docs.easypost.com, Trackers: status_detail). More precise than `status`,
 * so they are looked up first.
 */
export const EASYPOST_STATUS_DETAIL: RawCodeTable = {
  label_created: "LABEL_CREATED",
  awaiting_information: "LABEL_CREATED",
  received_at_origin_facility: "OUTBOUND_SCAN",
  departed_origin_facility: "AT_SORT_CENTER",
  arrived_at_facility: "AT_SORT_CENTER",
  departed_facility: "AT_SORT_CENTER",
  in_transit: "IN_TRANSIT",
  transferred_to_destination_carrier: "IN_TRANSIT",
  arrived_at_destination: "IN_TRANSIT",
  received_at_destination_facility: "IN_TRANSIT",
  out_for_delivery: "OUT_FOR_DELIVERY",
  arrived_at_pickup_location: "AVAILABLE_FOR_PICKUP",
  delivered: "DELIVERED",
  delayed: "DELAYED",
  weather_delay: "DELAYED",
  address_correction: "EXCEPTION",
  damaged: "EXCEPTION",
  delivery_exception: "ATTEMPTED_DELIVERY",
  held: "EXCEPTION",
  lost: "EXCEPTION",
  missorted: "DELAYED",
  refused: "RETURN_TO_SENDER",
  transit_exception: "EXCEPTION",
  return: "RETURN_TO_SENDER",
  expired: "RETURN_TO_SENDER",
  cancelled: "EXCEPTION",
  failure: "EXCEPTION",
};

/** EasyPost Tracker `status` values (docs.easypost.com, Trackers: status). */
export const EASYPOST_STATUS: RawCodeTable = {
  pre_transit: "LABEL_CREATED",
  in_transit: "IN_TRANSIT",
  out_for_delivery: "OUT_FOR_DELIVERY",
  delivered: "DELIVERED",
  available_for_pickup: "AVAILABLE_FOR_PICKUP",
  return_to_sender: "RETURN_TO_SENDER",
  failure: "EXCEPTION",
  cancelled: "EXCEPTION",
  error: "EXCEPTION",
};

/** Shippo `tracking_status.substatus.code` values (docs.goshippo.com, tracking substatus codes). */
export const SHIPPO_SUBSTATUS: RawCodeTable = {
  information_received: "LABEL_CREATED",
  package_accepted: "OUTBOUND_SCAN",
  package_arrived: "AT_SORT_CENTER",
  package_departed: "AT_SORT_CENTER",
  package_processing: "AT_SORT_CENTER",
  package_processed: "AT_SORT_CENTER",
  package_forwarded: "IN_TRANSIT",
  out_for_delivery: "OUT_FOR_DELIVERY",
  delivery_scheduled: "IN_TRANSIT",
  delivery_attempted: "ATTEMPTED_DELIVERY",
  notice_left: "ATTEMPTED_DELIVERY",
  location_inaccessible: "ATTEMPTED_DELIVERY",
  delivery_rescheduled: "REDELIVERY_SCHEDULED",
  reschedule_delivery: "ATTEMPTED_DELIVERY",
  pickup_available: "AVAILABLE_FOR_PICKUP",
  package_held: "AVAILABLE_FOR_PICKUP",
  delayed: "DELAYED",
  address_issue: "EXCEPTION",
  contact_carrier: "EXCEPTION",
  package_damaged: "EXCEPTION",
  delivered: "DELIVERED",
  return_to_sender: "RETURN_TO_SENDER",
  package_unclaimed: "RETURN_TO_SENDER",
  package_undeliverable: "RETURN_TO_SENDER",
  package_disposed: "EXCEPTION",
  package_lost: "EXCEPTION",
  other: "IN_TRANSIT",
};

/** Shippo `tracking_status.status` values, used when no substatus is sent. */
export const SHIPPO_STATUS: RawCodeTable = {
  pre_transit: "LABEL_CREATED",
  transit: "IN_TRANSIT",
  delivered: "DELIVERED",
  returned: "RETURNED",
  failure: "EXCEPTION",
  unknown: "IN_TRANSIT",
};

/**
 * UPS activity status types (Tracking API `activity[].status.type`): D, I, M, MV, P, X, RS, DO, DD, W, NA, O are the
 * documented values. Only the parcel ones with an unambiguous meaning are mapped; DO / DD (delivered to an origin /
 * destination container freight station) and W (warehousing) are freight-only hand-offs, and NA (not available)
 * says nothing, so they take the explicit fallback. UPS has no status type for "at an Access Point": a 3PL reporting
 * one sends the normalised `AVAILABLE_FOR_PICKUP` in the generic format.
 */
export const UPS_CODES: RawCodeTable = {
  m: "LABEL_CREATED",
  mv: "LABEL_CREATED",
  p: "OUTBOUND_SCAN",
  i: "IN_TRANSIT",
  o: "OUT_FOR_DELIVERY",
  d: "DELIVERED",
  x: "EXCEPTION",
  rs: "RETURN_TO_SENDER",
};

/** FedEx scan event codes (Track API `scanEvents[].eventType`). */
export const FEDEX_CODES: RawCodeTable = {
  oc: "LABEL_CREATED",
  pu: "OUTBOUND_SCAN",
  ar: "AT_SORT_CENTER",
  dp: "AT_SORT_CENTER",
  it: "IN_TRANSIT",
  at: "IN_TRANSIT",
  od: "OUT_FOR_DELIVERY",
  dl: "DELIVERED",
  de: "ATTEMPTED_DELIVERY",
  hl: "AVAILABLE_FOR_PICKUP",
  hp: "AVAILABLE_FOR_PICKUP",
  dy: "DELAYED",
  se: "EXCEPTION",
  ca: "EXCEPTION",
  rs: "RETURN_TO_SENDER",
  rd: "REDELIVERY_SCHEDULED",
};

/** USPS tracking event codes (Tracking API `eventCode`). */
export const USPS_CODES: RawCodeTable = {
  gx: "LABEL_CREATED",
  ma: "LABEL_CREATED",
  "03": "OUTBOUND_SCAN",
  oa: "OUTBOUND_SCAN",
  "10": "AT_SORT_CENTER",
  l1: "AT_SORT_CENTER",
  u1: "AT_SORT_CENTER",
  nt: "IN_TRANSIT",
  "07": "IN_TRANSIT",
  of: "OUT_FOR_DELIVERY",
  "01": "DELIVERED",
  "02": "ATTEMPTED_DELIVERY",
  "52": "AVAILABLE_FOR_PICKUP",
  "08": "AVAILABLE_FOR_PICKUP",
  "17": "PICKED_UP",
  "21": "EXCEPTION",
  "04": "RETURN_TO_SENDER",
  "09": "RETURN_TO_SENDER",
};

/** Amazon Shipping tracking event codes (`eventCode`). */
export const AMAZON_CODES: RawCodeTable = {
  readyforreceive: "LABEL_CREATED",
  pickupdone: "OUTBOUND_SCAN",
  arrivedatcarrierfacility: "AT_SORT_CENTER",
  departed: "AT_SORT_CENTER",
  intransit: "IN_TRANSIT",
  outfordelivery: "OUT_FOR_DELIVERY",
  delivered: "DELIVERED",
  deliveryattempted: "ATTEMPTED_DELIVERY",
  availableforpickup: "AVAILABLE_FOR_PICKUP",
  pickedup: "PICKED_UP",
  delayed: "DELAYED",
  undeliverable: "EXCEPTION",
  rejected: "RETURN_TO_SENDER",
  returninitiated: "RETURN_TO_SENDER",
  returned: "RETURNED",
};

/** Every table by source, for normalisation and for the "every code maps" test. */
export const RAW_CODE_TABLES: Readonly<Record<TrackingSourceKind, readonly RawCodeTable[]>> = {
  EASYPOST: [EASYPOST_STATUS_DETAIL, EASYPOST_STATUS],
  SHIPPO: [SHIPPO_SUBSTATUS, SHIPPO_STATUS],
  UPS: [UPS_CODES],
  FEDEX: [FEDEX_CODES],
  USPS: [USPS_CODES],
  AMAZON: [AMAZON_CODES],
};

/**
 * The explicit fallback for a code no table knows: IN_TRANSIT. A carrier's unknown scan is almost always a
 * movement scan; the state machine never moves a parcel backwards on it, and the raw code stays in the timeline.
 */
export const FALLBACK_STATUS: TrackingStatus = "IN_TRANSIT";

/**
 * Normalises raw codes of one source: the first of `codes` found in the source's tables (most precise first, e.g.
 * EasyPost status_detail before status) wins; none found → the fallback, flagged `known: false`.
 *
 * @example
 * normalizeRawCode("SHIPPO", ["notice_left", "TRANSIT"]); // { status: "ATTEMPTED_DELIVERY", known: true }
 * normalizeRawCode("UPS", ["zz"]); // { status: "IN_TRANSIT", known: false }
 */
export function normalizeRawCode(
  source: TrackingSourceKind,
  codes: readonly (string | null | undefined)[],
): NormalizedCode {
  for (const table of RAW_CODE_TABLES[source]) {
    for (const code of codes) {
      if (!code) continue;
      const status = table[code.trim().toLowerCase()];
      if (status) return { status, known: true };
    }
  }
  return { status: FALLBACK_STATUS, known: false };
}

/**
 * Normalises a Shippo tracking status: `substatus.code` before `status`, except on the return leg. Shippo files both
 * "on its way back" and "back at the sender" under `RETURNED` (docs.goshippo.com, Tracking: event definitions), and
 * its substatuses there (`return_to_sender`, `package_unclaimed`) only say a return started. So within `RETURNED`:
 * substatus `delivered` (the return leg's delivery scan) or no substatus → RETURNED; any other substatus →
 * RETURN_TO_SENDER (still travelling back; the state machine reads a later DELIVERED as RETURNED).
 *
 * @example
 * normalizeShippoStatus("RETURNED", "return_to_sender"); // { status: "RETURN_TO_SENDER", known: true }
 * normalizeShippoStatus("RETURNED", "delivered"); // { status: "RETURNED", known: true }
 * normalizeShippoStatus("TRANSIT", "notice_left"); // { status: "ATTEMPTED_DELIVERY", known: true }
 */
export function normalizeShippoStatus(status: string, substatus: string | null | undefined): NormalizedCode {
  if (status.trim().toLowerCase() === "returned") {
    const sub = substatus?.trim().toLowerCase();
    return { status: !sub || sub === "delivered" ? "RETURNED" : "RETURN_TO_SENDER", known: true };
  }
  return normalizeRawCode("SHIPPO", [substatus, status]);
}

/**
 * A carrier name as sent by Shopify, EasyPost or Shippo ("UPS", "ups", "FedEx", "usps", "amazon_shipping") →
 * the carrier key Tailroute stores and whose scan-code table applies (null = no table: fallback only).
 *
 * @example
 * carrierKey("FedEx"); // "FEDEX"
 * carrierKey("DHL Express"); // "DHL EXPRESS"
 */
export function carrierKey(name: string): string {
  const compact = name
    .trim()
    .toUpperCase()
    .replace(/[\s_-]+/g, " ");
  if (/^UPS\b/.test(compact)) return "UPS";
  if (/^FED ?EX\b/.test(compact)) return "FEDEX";
  if (/^USPS\b|^UNITED STATES POSTAL/.test(compact)) return "USPS";
  if (/^AMAZON\b/.test(compact)) return "AMAZON";
  return compact;
}

/** The scan-code table source of a carrier key, when Tailroute has one. */
export function carrierSource(carrier: string): TrackingSourceKind | null {
  const key = carrierKey(carrier);
  return key === "UPS" || key === "FEDEX" || key === "USPS" || key === "AMAZON" ? key : null;
}
