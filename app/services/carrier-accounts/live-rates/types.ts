import type { LiveRateSettingsForm } from "../../../contracts/carrier-account-form";
import type { ShipmentPlan, TierQuote } from "../../../engine/types";
import type { CarrierAccountProvider, ProviderKind } from "../types";

/** Where a shipment's price came from: the connected account's live answer, or the shop's rate card. */
export type PriceSource = "LIVE" | "RATE_CARD";

/** Why a mapped shipment kept its rate-card price. */
export type LiveMiss =
  | "BREAKER_OPEN" // the account failed repeatedly: left alone for its cool-down
  | "TIMEOUT" // no answer within the budget
  | "ERROR" // the provider refused or failed
  | "NO_MATCHING_RATE" // it answered, without the mapped carrier account + service (a partial list)
  | "OTHER_CURRENCY"; // it answered in another currency than the shop's

export type LiveRateSettings = LiveRateSettingsForm;

export interface LiveRateMapping {
  serviceCode: string;
  accountId: string;
  providerAccount: string;
  providerService: string;
}

/** A connected account, ready to call (its key opened once, when the shop's runtime loads). */
export interface LiveRateAccount {
  id: string;
  kind: ProviderKind;
  label: string;
  provider: CarrierAccountProvider;
}

/** What the checkout needs to price mapped services live; null for a shop without any mapping. */
export interface LiveRateSetup {
  settings: LiveRateSettings;
  accounts: Map<string, LiveRateAccount>;
  /** By Tailroute service code (the engine's service id). */
  mappings: Map<string, LiveRateMapping>;
}

/** A shipment with its price's source; `live` when the account priced it. */
export type PricedShipment = ShipmentPlan & {
  priceSource: PriceSource;
  /** The rate-card cost the live price replaced (or kept). */
  rateCardCostCents: number;
  live?: { accountId: string; provider: ProviderKind; carrier: string; service: string; amountCents: number };
  liveMiss?: LiveMiss;
};

export type PricedTierQuote = Omit<TierQuote, "shipments"> & { shipments: PricedShipment[] };
