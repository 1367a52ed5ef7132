// Pure mapping for EasyPost address checks and labels (docs/carriers.md, "Address checks and labels").
import {
  EasyPostBoughtOrder,
  EasyPostBoughtShipment,
  EasyPostVerifiedAddress,
} from "../../../contracts/carrier-labels-easypost";
import { zodIssuesText } from "../../../contracts/zod-issues";
import type {
  AddressVerification,
  LabelFormat,
  LabelRequest,
  PurchasedLabel,
  RefundStatus,
} from "../label-types";
import { decimalToCents } from "../money";
import { isPoBox } from "../po-box";
import { ProviderError } from "../types";
import { toEasyPostAddress, toEasyPostParcel } from "./mapper";

const text = (value: unknown): string =>
  typeof value === "string"
    ? value
    : Array.isArray(value)
      ? value.map(text).join(", ")
      : JSON.stringify(value);

const unexpected = (what: string, issues: string) =>
  new ProviderError("EASYPOST", "UNEXPECTED", `EasyPost answered an unexpected ${what}: ${issues}`);

/** A created-with-verify Address → the check: delivery.success decides; its errors are the carrier's reason. */
export function fromEasyPostVerifiedAddress(body: unknown): AddressVerification {
  const parsed = EasyPostVerifiedAddress.safeParse(body);
  if (!parsed.success) throw unexpected("address", zodIssuesText(parsed.error));
  const a = parsed.data;
  const delivery = a.verifications?.delivery;
  const zip4ok = a.verifications?.zip4?.success === true;
  const reasons = (delivery?.errors ?? []).map((e) => (typeof e === "string" ? e : text(e.message)));
  const deliverable = delivery ? delivery.success : true;
  return {
    deliverable,
    residential: typeof a.residential === "boolean" ? a.residential : null,
    zip4: zip4ok && a.zip && /^\d{5}-\d{4}$/.test(a.zip) ? a.zip : null,
    poBox: isPoBox(a.street1) || isPoBox(a.street2),
    reason: reasons.length ? reasons.join("; ") : deliverable ? null : "the address could not be verified",
    corrected:
      deliverable && a.zip && a.country
        ? {
            ...(a.street1 ? { street1: a.street1 } : {}),
            ...(a.street2 ? { street2: a.street2 } : {}),
            ...(a.city ? { city: a.city } : {}),
            ...(a.state ? { state: a.state } : {}),
            zip: a.zip,
            country: a.country,
          }
        : null,
  };
}

/**
 * What to create for a label: a Shipment for one parcel, an Order (one shipment per parcel) for several. The
 * `reference` carries Tailroute's purchase key; `options.label_format` asks for PDF or ZPL (docs.easypost.com
 * Shipment options).
 */
export function toEasyPostLabelRequest(request: LabelRequest) {
  if (request.parcels.length === 0) throw new Error("a label needs at least one parcel");
  const common = {
    from_address: toEasyPostAddress(request.from),
    to_address: toEasyPostAddress(request.to),
    reference: request.reference,
    options: { label_format: request.format },
    ...(request.carrierAccountIds?.length ? { carrier_accounts: request.carrierAccountIds } : {}),
  };
  if (request.parcels.length === 1)
    return { kind: "SHIPMENT" as const, params: { ...common, parcel: toEasyPostParcel(request.parcels[0]) } };
  return {
    kind: "ORDER" as const,
    params: {
      ...common,
      shipments: request.parcels.map((p) => ({ parcel: toEasyPostParcel(p), options: common.options })),
    },
  };
}

const labelUrl = (
  s: {
    postage_label?: {
      label_url?: string | null;
      label_pdf_url?: string | null;
      label_zpl_url?: string | null;
    } | null;
  },
  format: LabelFormat,
) =>
  (format === "ZPL" ? s.postage_label?.label_zpl_url : s.postage_label?.label_pdf_url) ??
  s.postage_label?.label_url ??
  null;

/**
 * A Shipment or Order → the purchased label, or null when nothing is bought yet (no postage_label): the answer a
 * retry reads to know whether an earlier attempt already bought it.
 */
export function fromEasyPostPurchase(body: unknown, format: LabelFormat): PurchasedLabel | null {
  const isOrder = (body as { object?: unknown })?.object === "Order";
  const parsedOrder = isOrder ? EasyPostBoughtOrder.safeParse(body) : null;
  if (parsedOrder && !parsedOrder.success) throw unexpected("order", zodIssuesText(parsedOrder.error));
  const shipments = parsedOrder?.success ? parsedOrder.data.shipments : [];
  let ref: string;
  if (parsedOrder?.success) ref = parsedOrder.data.id;
  else {
    const parsed = EasyPostBoughtShipment.safeParse(body);
    if (!parsed.success) throw unexpected("shipment", zodIssuesText(parsed.error));
    shipments.push(parsed.data);
    ref = parsed.data.id;
  }
  if (
    shipments.length === 0 ||
    shipments.some((s) => !s.tracking_code || !s.postage_label || !s.selected_rate)
  )
    return null;
  const first = shipments[0].selected_rate!;
  return {
    providerRef: ref,
    carrier: first.carrier,
    service: first.service,
    carrierAccountId: first.carrier_account_id ?? "",
    amountCents: shipments.reduce((sum, s) => sum + decimalToCents(s.selected_rate!.rate), 0),
    currency: first.currency,
    format,
    parcels: shipments.map((s) => {
      const url = labelUrl(s, format);
      if (!url) throw unexpected("label", `shipment ${s.id} has no ${format} label URL`);
      return { providerId: s.id, trackingCode: s.tracking_code!, labelUrl: url };
    }),
    trackingUrl: shipments[0].tracker?.public_url ?? null,
  };
}

/** Shipment.refund_status (docs.easypost.com "Shipping Refund"). */
export function fromEasyPostRefundStatus(value: string | null | undefined): RefundStatus {
  switch (value) {
    case "refunded":
      return "REFUNDED";
    case "rejected":
      return "REJECTED";
    case "not_applicable":
      return "NOT_APPLICABLE";
    default:
      return "SUBMITTED";
  }
}
