// Pure mapping for Shippo address validation and labels (docs/carriers.md, "Address checks and labels"), in the
// SDK's camelCase types.
import type { Address, Transaction } from "shippo/models/components";
import type { AddressVerification, LabelFormat, PurchasedLabel, RefundStatus } from "../label-types";
import { isPoBox } from "../po-box";
import { ProviderError, type ProviderRate } from "../types";

/** An Address created with `validate: true` → the check (validation_results.is_valid, messages, is_residential). */
export function fromShippoValidatedAddress(a: Address): AddressVerification {
  const results = a.validationResults;
  const deliverable = results?.isValid !== false;
  const messages = (results?.messages ?? []).map((m) => m.text ?? m.code ?? "").filter(Boolean);
  const zip = a.zip ?? "";
  return {
    deliverable,
    residential: typeof a.isResidential === "boolean" ? a.isResidential : null,
    zip4: /^\d{5}-\d{4}$/.test(zip) ? zip : null,
    poBox: isPoBox(a.street1) || isPoBox(a.street2),
    reason: messages.length ? messages.join("; ") : deliverable ? null : "the address could not be validated",
    corrected:
      deliverable && zip && a.country
        ? {
            ...(a.street1 ? { street1: a.street1 } : {}),
            ...(a.street2 ? { street2: a.street2 } : {}),
            ...(a.city ? { city: a.city } : {}),
            ...(a.state ? { state: a.state } : {}),
            zip,
            country: a.country,
          }
        : null,
  };
}

/** Shippo's label_file_type for a format (ZPLII is Shippo's name for ZPL). */
export const shippoLabelFileType = (format: LabelFormat): "ZPLII" | "PDF_4x6" =>
  format === "ZPL" ? "ZPLII" : "PDF_4x6";

/**
 * The transactions of one purchase (one per parcel) → the label, or null when none succeeded yet. A transaction
 * that ended in ERROR is the carrier's refusal, with its messages.
 */
export function fromShippoTransactions(
  providerRef: string,
  rate: ProviderRate,
  transactions: Transaction[],
  format: LabelFormat,
): PurchasedLabel | null {
  const failed = transactions.find((t) => t.status === "ERROR");
  if (failed)
    throw new ProviderError(
      "SHIPPO",
      "INVALID",
      `Shippo could not buy the label: ${
        (failed.messages ?? [])
          .map((m) => m.text)
          .filter(Boolean)
          .join("; ") || "ERROR"
      }`,
    );
  const bought = transactions.filter((t) => t.status === "SUCCESS" && t.trackingNumber && t.labelUrl);
  if (bought.length === 0) return null;
  return {
    providerRef,
    carrier: rate.carrier,
    service: rate.service,
    carrierAccountId: rate.carrierAccountId,
    amountCents: rate.amountCents,
    currency: rate.currency,
    format,
    parcels: bought.map((t) => ({
      providerId: t.objectId ?? "",
      trackingCode: t.trackingNumber!,
      labelUrl: t.labelUrl!,
    })),
    trackingUrl: bought[0].trackingUrlProvider ?? null,
  };
}

/** Refund.status (QUEUED | PENDING | SUCCESS | ERROR) → the layer's status. */
export function fromShippoRefundStatus(status: string | undefined): RefundStatus {
  if (status === "SUCCESS") return "REFUNDED";
  if (status === "ERROR") return "REJECTED";
  return "SUBMITTED";
}
