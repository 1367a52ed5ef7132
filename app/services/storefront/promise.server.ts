import { tzOffset } from "@date-fns/tz";
import type { CarrierServiceRequest } from "../../contracts/carrier-service";
import {
  asCartQuery,
  type CartPromiseQuery,
  type PromiseAnswer,
  type PromisePickup,
  type PromiseQuery,
  type PromiseSpeed,
} from "../../contracts/storefront-promise";
import {
  findPickupOptions,
  localNow,
  lookupZip,
  PICKUP_NETWORK_LABELS,
  quote,
  type CompiledShopConfig,
  type TierQuote,
  type ZipInfo,
} from "../../engine";
import { engineInput, isQuotable } from "../carrier-service/callback.server";
import type { PickupDirectoryCache } from "../pickup/pickup-directory-cache.server";
import type { ShopRuntime, ShopRuntimeCache } from "../shop/runtime-cache.server";

/** The radius the product page counts pickup points in. */
export const PICKUP_RADIUS_MILES = 10;
/** Points counted at most (the block says "200+" beyond; the kd-tree search stays bounded). */
export const PICKUP_COUNT_CAP = 200;

/** US territories Shopify sends under their own country code (the callback serves them under it). */
const TERRITORY_COUNTRIES = new Set(["PR", "VI", "GU", "AS", "MP"]);

export interface PromiseDeps {
  /** The CarrierService callback's cache: the same compiled configuration, synced stock and lanes. */
  cache: ShopRuntimeCache<CompiledShopConfig | null>;
  pickupCache: PickupDirectoryCache;
  now: () => Date;
}

export type PromiseOutcome = { status: 200; body: PromiseAnswer } | { status: 400 | 404; reason: string };

const MS_PER_DAY = 86_400_000;

/**
 * The CarrierService request Shopify would send for this cart (the product page's one line, or the cart page's
 * lines) to this ZIP: the promise runs the callback's own input builder (`engineInput`) on it, so the storefront
 * and checkout quote alike.
 */
export function promiseRateRequest(
  runtime: ShopRuntime<CompiledShopConfig>,
  query: PromiseQuery | CartPromiseQuery,
  zip: ZipInfo,
): CarrierServiceRequest {
  const cart = asCartQuery(query);
  return {
    rate: {
      origin: { country: "US" },
      destination: {
        country: TERRITORY_COUNTRIES.has(zip.state) ? zip.state : "US",
        postal_code: cart.zip,
        province: zip.state,
        city: zip.city,
      },
      items: cart.lines.map((line) => {
        const profile = runtime.config.productProfiles.find((p) => p.variantId === line.variant_id);
        return {
          variant_id: line.variant_id,
          product_id: undefined,
          ...(profile?.sku ? { sku: profile.sku } : {}),
          name: profile?.name ?? null,
          quantity: line.quantity,
          grams: line.grams ?? 0,
          price: line.price ?? 0,
          requires_shipping: true,
        };
      }),
      currency: runtime.config.currency,
    },
  };
}

/** Whether the shop knows the variant: a product profile, or synced stock in a warehouse. */
export function knowsVariant(runtime: ShopRuntime<CompiledShopConfig>, variantId: string): boolean {
  const { config } = runtime;
  return (
    config.productProfiles.some((p) => p.variantId === variantId) ||
    config.warehouses.some((w) => w.inventory !== undefined && variantId in w.inventory)
  );
}

/** A civil day at local minutes in a time zone → the UTC instant (DST-safe away from the 2 a.m. switch). */
function zonedInstant(day: number, minutes: number, timeZone: string): Date {
  const wallAsUtc = day * MS_PER_DAY + minutes * 60_000;
  const guess = tzOffset(timeZone, new Date(wallAsUtc));
  const offset = tzOffset(timeZone, new Date(wallAsUtc - guess * 60_000));
  return new Date(wallAsUtc - offset * 60_000);
}

/**
 * The instant up to which an order still gets this quote's window: for each shipment, the warehouse cutoff on
 * the day the order becomes ready to ship (today before the cutoff, else the next day; then the carrier's next
 * open day: the engine's `shipDay`), and the earliest of them. Past it the ship day moves and so does the window.
 */
export function orderByInstant(compiled: CompiledShopConfig, tier: TierQuote, now: Date): Date {
  let earliest: Date | null = null;
  for (const shipment of tier.shipments) {
    const warehouse = compiled.warehouses.find((w) => w.config.id === shipment.warehouseId);
    const service = compiled.services.find((s) => s.config.id === shipment.serviceId);
    if (!warehouse || !service) continue;
    const local = localNow(now, warehouse.config.timeZone);
    let ready = local.minutes < warehouse.cutoffMinutes ? local.day : local.day + 1;
    while (service.calendar.isClosed(ready)) ready += 1;
    const instant = zonedInstant(ready, warehouse.cutoffMinutes, warehouse.config.timeZone);
    if (!earliest || instant < earliest) earliest = instant;
  }
  return earliest ?? now;
}

/** The engine's tiers as the product page shows them. */
export function promiseSpeeds(
  runtime: ShopRuntime<CompiledShopConfig>,
  request: CarrierServiceRequest,
  now: Date,
): PromiseSpeed[] {
  const result = quote(runtime.compiled, engineInput(runtime, request, now));
  return result.quotes.map((q) => ({
    code: q.serviceCode,
    name: q.serviceName,
    mode: q.mode,
    arrives: { from: q.delivery.minDate, to: q.delivery.maxDate },
    timeZone: q.delivery.timeZone,
    orderBy: orderByInstant(runtime.compiled, q, now).toISOString(),
    backorder: q.backorderDays !== undefined,
  }));
}

/** Pickup for these items (one on the product page): the checkout pickup list's rules and directory, within 10 miles. */
export async function pickupPromise(
  pickupCache: PickupDirectoryCache,
  shop: string,
  request: CarrierServiceRequest,
  now: Date,
): Promise<PromisePickup> {
  const none: PromisePickup = { eligible: false, reasons: [], pointsWithin10Miles: 0, nearest: null };
  const runtime = await pickupCache.get(shop, now);
  if (!runtime) return none;
  const destination = request.rate.destination;
  const result = findPickupOptions(runtime.config, runtime.rules, runtime.index, {
    cart: request.rate.items.map((item) => ({
      variantId: String(item.variant_id),
      ...(item.sku ? { sku: item.sku } : {}),
      quantity: item.quantity,
      grams: item.grams,
      priceCents: item.price,
    })),
    // The checkout list asks for the US ZIP the buyer typed; territories are ZIPs of the US table too.
    destination: {
      country: "US",
      zip: destination.postal_code ?? "",
      ...(destination.province ? { state: destination.province } : {}),
      addressLines: [],
    },
    now,
    limit: PICKUP_COUNT_CAP,
  });
  const eligible = result.options.length > 0 || result.excluded.some((e) => e.code === "NONE_NEARBY");
  const within = result.options.filter((o) => o.distanceMiles <= PICKUP_RADIUS_MILES);
  const nearest = result.options[0];
  return {
    eligible,
    reasons: eligible ? [] : [...new Set(result.excluded.map((e) => e.code))],
    pointsWithin10Miles: within.length,
    nearest: nearest
      ? {
          distanceMiles: Math.round(nearest.distanceMiles * 10) / 10,
          network: nearest.point.network,
          networkLabel: PICKUP_NETWORK_LABELS[nearest.point.network],
        }
      : null,
  };
}

/**
 * The promise for a variant, quantity and ZIP (product page) or for a cart's lines (cart page), see
 * docs/storefront.md: the checkout callback's engine call on the same cached configuration, stock and lanes,
 * plus the pickup note. 404 for an unknown or uninstalled shop or an unknown variant, 400 for a ZIP that is no
 * US ZIP.
 */
export async function answerPromise(
  shop: string,
  query: PromiseQuery | CartPromiseQuery,
  deps: PromiseDeps,
): Promise<PromiseOutcome> {
  const runtime = await deps.cache.byShop(shop);
  if (!runtime || !runtime.installed) return { status: 404, reason: "Unknown shop" };
  if (!isQuotable(runtime)) return { status: 404, reason: "The shop has no active warehouse yet" };
  const cart = asCartQuery(query);
  if (!cart.lines.every((line) => knowsVariant(runtime, line.variant_id)))
    return { status: 404, reason: "Unknown variant" };
  const zip = lookupZip(query.zip);
  if (!zip) return { status: 400, reason: "zip is not a known US ZIP code" };
  const now = deps.now();
  const request = promiseRateRequest(runtime, query, zip);
  const speeds = promiseSpeeds(runtime, request, now);
  const pickup = await pickupPromise(deps.pickupCache, shop, request, now);
  return {
    status: 200,
    body: {
      variantId: cart.lines[0].variant_id,
      quantity: cart.lines[0].quantity,
      lines: cart.lines.map((line) => ({ variantId: line.variant_id, quantity: line.quantity })),
      zip: query.zip,
      speeds,
      pickup,
    },
  };
}
