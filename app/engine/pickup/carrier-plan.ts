import { compileShopConfig, type CompiledShopConfig } from "../config";
import { quote } from "../routing";
import type { QuoteInput, ShopConfig, TierCode } from "../types";
import { carrierKey } from "./network-rules";
import type { PickupCarrierPlan } from "./types";

const compiledByCarrier = new WeakMap<ShopConfig, Map<string, CompiledShopConfig | null>>();

/** The shop's configuration reduced to one carrier's parcel and postal services (compiled once per config). */
function compiledForCarrier(config: ShopConfig, carrier: string): CompiledShopConfig | null {
  let byCarrier = compiledByCarrier.get(config);
  if (!byCarrier) {
    byCarrier = new Map();
    compiledByCarrier.set(config, byCarrier);
  }
  const key = carrierKey(carrier);
  if (byCarrier.has(key)) return byCarrier.get(key)!;
  const services = config.carrierServices.filter(
    (s) => s.mode !== "FREIGHT" && carrierKey(s.carrier) === key,
  );
  const compiled = services.length ? compileShopConfig({ ...config, carrierServices: services }) : null;
  byCarrier.set(key, compiled);
  return compiled;
}

/**
 * How `carrier` would ship this cart: the engine's quote restricted to that carrier's parcel services (same
 * warehouses, stock, packing and strategy), keeping the best-scored tier that ships in ONE shipment (a
 * pickup point receives one parcel set from one warehouse). A `preferredTier` the buyer paid for wins when that
 * carrier can serve it. Null when the carrier cannot serve the cart.
 *
 * @example
 * carrierPlanFor(demoShopConfig, "UPS", { cart, destination, now })?.serviceName; // "UPS Ground"
 */
export function carrierPlanFor(
  config: ShopConfig,
  carrier: string,
  input: QuoteInput,
  preferredTier?: TierCode,
): PickupCarrierPlan | null {
  const compiled = compiledForCarrier(config, carrier);
  if (!compiled) return null;
  const { quotes } = quote(compiled, preferredTier ? { ...input, keepTier: preferredTier } : input);
  const single = quotes.filter((q) => q.shipments.length === 1).sort((a, b) => a.score - b.score);
  const best = single.find((q) => q.serviceCode === preferredTier) ?? single[0];
  if (!best) return null;
  const shipment = best.shipments[0];
  return {
    carrier: shipment.carrier,
    serviceId: shipment.serviceId,
    serviceName: shipment.serviceName,
    warehouseIds: [shipment.warehouseId],
    packages: shipment.packages,
    costCents: shipment.costCents,
    quote: best,
  };
}
