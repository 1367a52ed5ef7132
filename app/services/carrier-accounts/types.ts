// The provider layer's own vocabulary: what Tailroute asks a shipping API account and what it gets back, whichever
// provider answers. Each provider folder (easypost/, shippo/) maps these to its wire shapes (mapper.ts, pure),
// calls its official SDK (client.ts) and exposes one `CarrierAccountProvider` (provider.ts). docs/carriers.md.
import type { LabelMethods } from "./label-methods";

export type { LabelMethods } from "./label-methods";
export type * from "./label-types";

/** The shipping APIs a shop can connect. Adding one = a folder with mapper/client/provider + a line in index.ts. */
export const PROVIDER_KINDS = ["EASYPOST", "SHIPPO"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** How to reach one account. `baseUrl` replaces the provider's production URL (fakes in tests and the demo only). */
export interface ProviderCredentials {
  apiKey: string;
  baseUrl?: string;
}

/** Per call: a deadline and/or a signal; either ends the call with a `ProviderError` of kind TIMEOUT. */
export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface RateAddress {
  name?: string;
  company?: string;
  street1?: string;
  street2?: string;
  city?: string;
  /** Two-letter state / territory code. */
  state?: string;
  zip: string;
  country: string;
  residential?: boolean;
}

/** One parcel as carriers rate it: inches and ounces (the engine's units). */
export interface RateParcel {
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  weightOz: number;
}

/** A shipment to rate: one origin, one destination, one or more parcels. */
export interface RateShipment {
  from: RateAddress;
  to: RateAddress;
  parcels: RateParcel[];
  /** The provider's carrier account ids to rate with (all of the account's when absent). */
  carrierAccountIds?: string[];
}

/** One rate as the provider quoted it, normalised: integer cents, the provider's carrier and service codes. */
export interface ProviderRate {
  /** The provider's id of this rate (EasyPost `rate_…`, Shippo `object_id`): what a label purchase refers to. */
  rateId: string;
  /** The provider's id of the carrier account that quoted it (EasyPost `ca_…`, Shippo `object_id`). */
  carrierAccountId: string;
  /** Carrier as the provider names it ("UPS", "USPS"; Shippo's provider name). */
  carrier: string;
  /** Service code as the provider names it (EasyPost "Ground", Shippo servicelevel token "ups_ground"). */
  service: string;
  serviceName?: string;
  amountCents: number;
  currency: string;
  /** Business days the carrier estimates, when it says. Tailroute's dates still come from the engine. */
  deliveryDays?: number;
}

/** A carrier that failed to rate while others succeeded (EasyPost `messages[]`, Shippo `messages[]`). */
export interface ProviderRateMessage {
  carrier?: string;
  carrierAccountId?: string;
  message: string;
}

/** Rates may be partial: some carriers answer, others leave a message. */
export interface RatesResult {
  rates: ProviderRate[];
  messages: ProviderRateMessage[];
}

export interface ProviderService {
  code: string;
  name: string;
}

/** A carrier account the API key exposes (the merchant's own or the provider's). */
export interface ProviderCarrierAccount {
  id: string;
  carrier: string;
  /** Human name: "UPS", "USPS (Shippo account)". */
  label: string;
  description?: string;
  active: boolean;
  /** The account's services when the provider lists them (Shippo does; EasyPost does not: codes are typed in). */
  services: ProviderService[];
}

export interface ConnectionCheck {
  ok: true;
  carrierAccounts: ProviderCarrierAccount[];
}

/** What went wrong, as one closed union the callback, the breaker and the admin page can act on. */
export type ProviderErrorKind =
  | "AUTH" // 401/403: the key is wrong or revoked
  | "INVALID" // 400/422: the request was refused (address not found, missing field)
  | "RATE_LIMITED" // 429
  | "SERVER" // 5xx
  | "TIMEOUT" // our deadline or the caller's signal ended it
  | "NETWORK" // no connection / reset
  | "UNEXPECTED"; // anything else (an unparseable answer)

export interface ProviderFieldError {
  field?: string;
  message: string;
}

/** Every failure of a provider call; `message` never contains the API key. */
export class ProviderError extends Error {
  readonly name = "ProviderError";
  constructor(
    readonly provider: ProviderKind,
    readonly kind: ProviderErrorKind,
    message: string,
    readonly details: { status?: number; code?: string; fieldErrors?: ProviderFieldError[] } = {},
  ) {
    super(message);
  }

  /** Failures that say the account or the provider is unwell (count towards the circuit breaker). */
  get isOutage(): boolean {
    return this.kind !== "INVALID";
  }
}

/**
 * One connected account at one provider. Every method throws `ProviderError` on failure.
 *
 * Later capabilities (address verification, labels, trackers, refunds) are added here as further methods and
 * implemented in each provider folder beside `getRates`, with their types in this file:
 *   verifyAddress(address, options), buyLabel(shipment, rate, options), createTracker(code, carrier, options),
 *   refund(label, options).
 */
export interface CarrierAccountProvider extends LabelMethods {
  readonly kind: ProviderKind;
  /** Proves the key works (lists the carrier accounts it exposes). */
  testConnection(options?: CallOptions): Promise<ConnectionCheck>;
  listCarrierAccounts(options?: CallOptions): Promise<ProviderCarrierAccount[]>;
  getRates(shipment: RateShipment, options?: CallOptions): Promise<RatesResult>;
}

export type ProviderFactory = (credentials: ProviderCredentials) => CarrierAccountProvider;
