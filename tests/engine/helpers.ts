// Shared builders for engine tests: the demo config compiled once, and small cart / destination makers.
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import { compileShopConfig } from "../../app/engine";
import type { CartLine, Destination, QuoteInput, ShopConfig } from "../../app/engine/types";

export const V = DEMO_VARIANTS;
export const demo = compileShopConfig(demoShopConfig);
/** Tuesday 2026-11-24 10:00 in New York: before every warehouse's cutoff, two days before Thanksgiving. */
export const NOW = new Date("2026-11-24T15:00:00Z");

export function line(variantId: string, quantity = 1, grams?: number, priceCents = 2000): CartLine {
  const profile = demoShopConfig.productProfiles.find((p) => p.variantId === variantId);
  const weightGrams = grams ?? Math.round((profile?.weightOz ?? 16) * 28.349523125);
  return {
    variantId,
    ...(profile?.sku ? { sku: profile.sku } : {}),
    quantity,
    grams: weightGrams,
    priceCents,
  };
}

export function dest(zip: string, extra: Partial<Destination> = {}): Destination {
  return { country: "US", zip, addressLines: ["1 Main St"], ...extra };
}

export function input(cart: CartLine[], destination: Destination, now = NOW): QuoteInput {
  return { cart, destination, now };
}

/** A deep copy of the demo config with overrides, for strategy / inventory variations. */
export function demoWith(patch: (config: ShopConfig) => void): ShopConfig {
  const copy = structuredClone(demoShopConfig);
  patch(copy);
  return copy;
}
