import type {
  AddressVerification,
  LabelRequest,
  PreparedLabel,
  PurchasedLabel,
  RefundStatus,
  TrackerRegistration,
  TrackingWebhook,
} from "./label-types";
import type { CallOptions, ProviderRate, RateAddress } from "./types";

/**
 * Address checks, labels, trackers and refunds: the part of CarrierAccountProvider each provider implements in its
 * labels.ts. Buying is two steps so a purchase survives a crash: `prepareLabel` creates the rated object (free) and
 * its id is stored, `buyLabel` buys one of its rates, and after an unknown outcome `findLabel` reads whether that
 * object was bought (docs/carriers.md, "No double purchase").
 */
export interface LabelMethods {
  verifyAddress(address: RateAddress, options?: CallOptions): Promise<AddressVerification>;
  prepareLabel(request: LabelRequest, options?: CallOptions): Promise<PreparedLabel>;
  buyLabel(
    prepared: { providerRef: string; rate: ProviderRate },
    request: LabelRequest,
    options?: CallOptions,
  ): Promise<PurchasedLabel>;
  /** The label bought on this prepared object, or null when it was never bought. */
  findLabel(
    prepared: { providerRef: string; rate: ProviderRate },
    request: LabelRequest,
    options?: CallOptions,
  ): Promise<PurchasedLabel | null>;
  /** Registers Tailroute's tracking webhook on the account when missing, then a tracker for the code. */
  createTracker(
    trackingCode: string,
    carrier: string,
    webhook: TrackingWebhook,
    options?: CallOptions,
  ): Promise<TrackerRegistration>;
  /** Voids / refunds every parcel of a purchase; the least favourable status wins (REJECTED before SUBMITTED). */
  refundLabel(
    label: { providerRef: string; parcelIds: string[] },
    options?: CallOptions,
  ): Promise<RefundStatus>;
}

const REFUND_ORDER: RefundStatus[] = ["REJECTED", "NOT_APPLICABLE", "SUBMITTED", "REFUNDED"];

/** Of several parcels' refund statuses, the one the merchant must see (a rejected parcel is not refunded). */
export const worstRefund = (statuses: RefundStatus[]): RefundStatus =>
  REFUND_ORDER.find((s) => statuses.includes(s)) ?? "SUBMITTED";
