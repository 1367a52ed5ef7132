// Pure steps of live pricing (no I/O): which provider requests a quote result needs, and the result re-priced
// with the answers that came back in time. The engine still chooses tiers, warehouses, services and dates.
import { applyPlanMarkup } from "../../../engine/rating";
import type { Destination, QuoteResult, ShipmentPlan, ShopConfig } from "../../../engine/types";
import type { ProviderError, RateAddress, RateShipment, RatesResult } from "../types";
import type { LiveMiss, LiveRateSetup, PricedShipment, PricedTierQuote } from "./types";

/** One provider request: an account, and a shipment (origin, destination, parcels). */
export interface LiveRequest {
  key: string;
  accountId: string;
  shipment: RateShipment;
}

/** What came back for a request key: the rates, a failure, or nothing in time. */
export type LiveAnswer =
  { ok: true; rates: RatesResult } | { ok: false; miss: LiveMiss; error?: ProviderError };

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The cache / request key: account, origin ZIP, destination ZIP (+ residential flag, which changes carrier
 * prices) and every parcel's dimensions and weight (one decimal, as sent).
 */
export function liveRequestKey(
  accountId: string,
  originZip: string,
  destination: RateAddress,
  shipment: ShipmentPlan,
) {
  const parcels = shipment.packages
    .map((p) => [p.lengthIn, p.widthIn, p.heightIn, p.weightOz].map(round1).join("x"))
    .join("+");
  const residential = destination.residential === undefined ? "" : destination.residential ? "R" : "C";
  return `${accountId}|${originZip}|${destination.zip.slice(0, 5)}${residential}|${parcels}`;
}

export function destinationAddress(destination: Destination): RateAddress {
  return {
    ...(destination.addressLines[0] ? { street1: destination.addressLines[0] } : {}),
    ...(destination.addressLines[1] ? { street2: destination.addressLines[1] } : {}),
    ...(destination.city ? { city: destination.city } : {}),
    ...(destination.state ? { state: destination.state } : {}),
    ...(destination.company ? { company: destination.company } : {}),
    zip: destination.zip,
    country: destination.country || "US",
    ...(destination.residential !== undefined ? { residential: destination.residential } : {}),
  };
}

/**
 * The requests a result needs: one per account × origin × destination × parcels, shared by every tier whose
 * shipment it prices; each asks only for the carrier accounts the shop mapped at that account. Freight and
 * unmapped shipments need none.
 */
export function planLiveRequests(
  result: QuoteResult,
  config: ShopConfig,
  setup: LiveRateSetup,
  destination: Destination,
): Map<string, LiveRequest> {
  const to = destinationAddress(destination);
  const requests = new Map<string, LiveRequest>();
  for (const tier of result.quotes)
    for (const shipment of tier.shipments) {
      const mapping = setup.mappings.get(shipment.serviceId);
      if (!mapping || shipment.mode === "FREIGHT" || shipment.packages.length === 0) continue;
      if (!setup.accounts.has(mapping.accountId)) continue;
      const warehouse = config.warehouses.find((w) => w.id === shipment.warehouseId);
      if (!warehouse) continue;
      const key = liveRequestKey(mapping.accountId, warehouse.address.zip, to, shipment);
      if (requests.has(key)) continue;
      const carrierAccountIds = [
        ...new Set(
          [...setup.mappings.values()]
            .filter((m) => m.accountId === mapping.accountId)
            .map((m) => m.providerAccount),
        ),
      ].sort();
      requests.set(key, {
        key,
        accountId: mapping.accountId,
        shipment: {
          from: {
            name: warehouse.name,
            ...(warehouse.address.address1 ? { street1: warehouse.address.address1 } : {}),
            city: warehouse.address.city,
            state: warehouse.address.state,
            zip: warehouse.address.zip,
            country: "US",
          },
          to,
          parcels: shipment.packages.map((p) => ({
            lengthIn: p.lengthIn,
            widthIn: p.widthIn,
            heightIn: p.heightIn,
            weightOz: p.weightOz,
          })),
          carrierAccountIds,
        },
      });
    }
  return requests;
}

/**
 * The result re-priced: a mapped shipment whose answer holds the mapped carrier account + service (in the shop's
 * currency) costs the live amount (the carrier's price includes its own surcharges); every other shipment keeps
 * its rate-card cost and says why. Each tier's total is the re-priced shipments with the shop's and services'
 * markups, as the engine prices a plan; delivery dates, scores and order stay the engine's.
 */
export function applyLivePrices(
  result: QuoteResult,
  config: ShopConfig,
  setup: LiveRateSetup,
  destination: Destination,
  answers: ReadonlyMap<string, LiveAnswer>,
): PricedTierQuote[] {
  const to = destinationAddress(destination);
  const serviceMarkup = new Map(config.carrierServices.map((s) => [s.id, s.markup]));
  return result.quotes.map((tier) => {
    const shipments: PricedShipment[] = tier.shipments.map((shipment) => {
      const rateCard: PricedShipment = {
        ...shipment,
        priceSource: "RATE_CARD",
        rateCardCostCents: shipment.costCents,
      };
      const mapping = setup.mappings.get(shipment.serviceId);
      const account = mapping && setup.accounts.get(mapping.accountId);
      const warehouse = config.warehouses.find((w) => w.id === shipment.warehouseId);
      if (!mapping || !account || !warehouse || shipment.mode === "FREIGHT") return rateCard;
      const answer = answers.get(liveRequestKey(mapping.accountId, warehouse.address.zip, to, shipment));
      if (!answer) return { ...rateCard, liveMiss: "TIMEOUT" };
      if (!answer.ok) return { ...rateCard, liveMiss: answer.miss };
      const rate = answer.rates.rates.find(
        (r) => r.carrierAccountId === mapping.providerAccount && r.service === mapping.providerService,
      );
      if (!rate) return { ...rateCard, liveMiss: "NO_MATCHING_RATE" };
      if (rate.currency.toUpperCase() !== config.currency.toUpperCase())
        return { ...rateCard, liveMiss: "OTHER_CURRENCY" };
      return {
        ...shipment,
        baseCents: rate.amountCents,
        surcharges: [],
        costCents: rate.amountCents,
        priceSource: "LIVE",
        rateCardCostCents: shipment.costCents,
        live: {
          accountId: account.id,
          provider: account.kind,
          carrier: rate.carrier,
          service: rate.service,
          amountCents: rate.amountCents,
        },
      };
    });
    if (shipments.every((s) => s.priceSource === "RATE_CARD")) return { ...tier, shipments };
    const carrierCostCents = shipments.reduce((sum, s) => sum + s.costCents, 0);
    const { totalCents, markupCents } = applyPlanMarkup(
      shipments.map((s) => ({ costCents: s.costCents, markup: serviceMarkup.get(s.serviceId) })),
      config.markup,
    );
    return { ...tier, shipments, carrierCostCents, totalCents, markupCents };
  });
}
