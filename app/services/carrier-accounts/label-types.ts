// The provider layer's vocabulary for address checks, labels, trackers and refunds (docs/carriers.md, "Address
// checks and labels"). Each provider maps these in its own address.ts / labels.ts; types.ts adds the methods.
import type { RateAddress, RateParcel, RateShipment, ProviderRate } from "./types";

/** What the provider said about a destination address. */
export interface AddressVerification {
  /** false = the provider could not find a deliverable address (the order needs the merchant). */
  deliverable: boolean;
  /** true / false when the provider says; null when it could not tell. */
  residential: boolean | null;
  /** The ZIP+4 ("94104-1129") when the provider returned one. */
  zip4: string | null;
  /** The (corrected) street is a post office box. */
  poBox: boolean;
  /** The provider's reason when not deliverable (or its warnings), in its own words. */
  reason: string | null;
  /** The address as the provider corrected it, when it did. */
  corrected: RateAddress | null;
}

export type LabelFormat = "PDF" | "ZPL";

/** A shipment to buy a label for: one shipment (one or more parcels) from one warehouse. */
export interface LabelRequest {
  from: RateAddress;
  to: RateAddress;
  parcels: RateParcel[];
  format: LabelFormat;
  /** Tailroute's key of the purchase (the provider's `reference` / `metadata`), unique per shop. */
  reference: string;
  carrierAccountIds?: string[];
}

/** A provider object created with rates and nothing bought yet (EasyPost Shipment / Order, Shippo Shipment). */
export interface PreparedLabel {
  /** The provider's id of the rated object (EasyPost shp_… or order_…, Shippo shipment object_id). */
  providerRef: string;
  rates: ProviderRate[];
}

/** One parcel's label of a purchase. */
export interface PurchasedParcel {
  /** The provider's id of this parcel's purchase (EasyPost shp_…, Shippo transaction object_id): what a refund names. */
  providerId: string;
  trackingCode: string;
  /** Where the provider serves the label file (fetched once and stored per shop). */
  labelUrl: string;
}

export interface PurchasedLabel {
  providerRef: string;
  carrier: string;
  service: string;
  carrierAccountId: string;
  amountCents: number;
  currency: string;
  format: LabelFormat;
  parcels: PurchasedParcel[];
  /** The carrier's public tracking page when the provider gives one. */
  trackingUrl: string | null;
}

/** Where the provider sends tracking events for this account (Tailroute's per-shop tracking URL). */
export interface TrackingWebhook {
  url: string;
  /** EasyPost signs with it (X-Hmac-Signature); Shippo's URL carries its token instead. */
  secret?: string;
}

export interface TrackerRegistration {
  trackerId: string;
  /** true when this call registered the account's webhook (it was missing). */
  webhookCreated: boolean;
}

/** EasyPost refund_status / Shippo refund status, normalised. */
export type RefundStatus = "SUBMITTED" | "REFUNDED" | "REJECTED" | "NOT_APPLICABLE";

export type { RateShipment };
