// Pure mapping between Shopify's CarrierService wire format and the engine (no DB, no I/O). The CarrierService
// HTTP route and the `tailroute quote` CLI both use it, so what the CLI prints is what checkout would get.
import { tzOffset } from "@date-fns/tz";
import { tierName } from "../../format";
import type { CompiledShopConfig } from "../../engine/config/types";
import { fallbackTimeZone, fallbackWindow } from "../../engine/routing";
import type { CarrierServiceRate, CarrierServiceRequest } from "../../contracts/carrier-service";
import type { CartLine, Destination, Issue, QuoteInput, QuoteResult, TierQuote } from "../../engine/types";
import type { PricedShipment } from "../carrier-accounts/live-rates/types";

/** Local time of day used for promised delivery dates (Shopify wants a timestamp; carriers promise a day). */
export const DELIVERY_TIME_OF_DAY = "14:00:00";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Shopify's `address_type` is free text when present; only a clear answer overrides the engine's guess. */
function residentialFlag(addressType: string | undefined): boolean | undefined {
  if (!addressType) return undefined;
  const t = addressType.toLowerCase();
  if (t.startsWith("res")) return true;
  if (t.startsWith("com") || t.startsWith("bus")) return false;
  return undefined;
}

/**
 * Shopify CarrierService request → engine input. Items that do not require shipping are dropped; variant id and
 * SKU are passed through so the engine finds dimensions in the shop's product profiles (variant id, then SKU,
 * then the default box). The origin Shopify sends is ignored: Tailroute chooses warehouses itself.
 * (Built field by field, without spreads: it runs on every checkout; optional fields are absent, not undefined.)
 */
export function toQuoteInput(request: CarrierServiceRequest, now: Date): QuoteInput {
  const { rate } = request;
  const cart: CartLine[] = [];
  for (const item of rate.items) {
    if (item.requires_shipping === false) continue;
    const line = {} as CartLine;
    if (item.variant_id) line.variantId = item.variant_id;
    const sku = text(item.sku);
    if (sku) line.sku = sku;
    const name = text(item.name);
    if (name) line.name = name;
    line.quantity = item.quantity;
    line.grams = item.grams;
    line.priceCents = item.price;
    cart.push(line);
  }
  const d = rate.destination;
  const destination = { country: text(d.country) ?? "", zip: text(d.postal_code) ?? "" } as Destination;
  const province = text(d.province);
  if (province) destination.state = province.toUpperCase();
  const city = text(d.city);
  if (city) destination.city = city;
  const addressLines: string[] = [];
  for (const line of [d.address1, d.address2, d.address3]) {
    const trimmed = text(line);
    if (trimmed !== undefined) addressLines.push(trimmed);
  }
  destination.addressLines = addressLines;
  const company = text(d.company_name);
  if (company) destination.company = company;
  const residential = residentialFlag(text(d.address_type));
  if (residential !== undefined) destination.residential = residential;
  return { cart, destination, now };
}

function civil(isoDate: string): { y: number; m: number; d: number } {
  const [y, m, d] = isoDate.split("-").map(Number);
  return { y, m, d };
}

/**
 * "2026-11-25" in a time zone → "2026-11-25 14:00:00 -0600" (Shopify's format), with the zone's UTC offset on
 * that day.
 */
export function formatShopifyDate(isoDate: string, timeZone: string): string {
  let byDate = shopifyDateMemo.get(timeZone);
  if (byDate === undefined) {
    // US time zones: a handful. Cleared wholesale if odd input ever made it grow.
    if (shopifyDateMemo.size > 100) shopifyDateMemo.clear();
    byDate = new Map();
    shopifyDateMemo.set(timeZone, byDate);
  }
  let formatted = byDate.get(isoDate);
  if (formatted === undefined) {
    // Days ahead of today: a small set per zone. Cleared wholesale if it ever grows.
    if (byDate.size > 10_000) byDate.clear();
    formatted = computeShopifyDate(isoDate, timeZone);
    byDate.set(isoDate, formatted);
  }
  return formatted;
}

// Time-zone offsets go through Intl, the callback's costliest formatting step: memoised per zone and day.
const shopifyDateMemo = new Map<string, Map<string, string>>();

function computeShopifyDate(isoDate: string, timeZone: string): string {
  const { y, m, d } = civil(isoDate);
  const [hh, mm, ss] = DELIVERY_TIME_OF_DAY.split(":").map(Number);
  const wallAsUtc = Date.UTC(y, m - 1, d, hh, mm, ss);
  // Offset at the wall-clock instant: guess with the wall time read as UTC, then correct once (DST-safe
  // away from the 2 a.m. switch, which a 14:00 promise never hits).
  const guess = tzOffset(timeZone, new Date(wallAsUtc));
  const offset = tzOffset(timeZone, new Date(wallAsUtc - guess * 60_000));
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
  return `${isoDate} ${DELIVERY_TIME_OF_DAY} ${sign}${hhmm}`;
}

/** "2026-11-25" → "Wed Nov 25". */
export function formatShortDate(isoDate: string): string {
  let formatted = shortDateMemo.get(isoDate);
  if (formatted === undefined) {
    if (shortDateMemo.size > 10_000) shortDateMemo.clear();
    const { y, m, d } = civil(isoDate);
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    formatted = `${WEEKDAYS[weekday]} ${MONTHS[m - 1]} ${d}`;
    shortDateMemo.set(isoDate, formatted);
  }
  return formatted;
}

// Every rate's description names two days, and checkouts promise the same few days: memoised per day.
const shortDateMemo = new Map<string, string>();

/** "Tue Nov 25 – Thu Nov 27" (one day when both ends are the same). */
function arrivesText(minDate: string, maxDate: string): string {
  return minDate === maxDate
    ? formatShortDate(minDate)
    : `${formatShortDate(minDate)} – ${formatShortDate(maxDate)}`;
}

/** "Ships from Dallas, TX · arrives Tue Nov 25 – Thu Nov 27". */
export function describeQuote(q: TierQuote): string {
  const labels: string[] = [];
  for (const s of q.shipments) if (!labels.includes(s.warehouseLabel)) labels.push(s.warehouseLabel);
  const origins = labels.join(" + ");
  const arrives = arrivesText(q.delivery.minDate, q.delivery.maxDate);
  const backorder =
    q.backorderDays === undefined
      ? ""
      : ` · backordered: ships ${q.backorderDays} business day${q.backorderDays === 1 ? "" : "s"} later`;
  return `Ships from ${origins}${backorder} · arrives ${arrives}`;
}

/** One engine quote → one Shopify rate. `service_code` is the tier's stable code. */
export function toShopifyRate(q: TierQuote): CarrierServiceRate {
  return {
    service_name: q.serviceName,
    service_code: q.serviceCode,
    total_price: String(q.totalCents),
    currency: q.currency,
    description: describeQuote(q),
    min_delivery_date: formatShopifyDate(q.delivery.minDate, q.delivery.timeZone),
    max_delivery_date: formatShopifyDate(q.delivery.maxDate, q.delivery.timeZone),
  };
}

/**
 * The shop's flat fallback rates, for when the engine could not locate the destination or failed (the callback must
 * still answer something sensible). Freight tiers only for carts with a bulky profile, parcel tiers otherwise.
 * Each carries the tier's conservative delivery window (`fallbackWindow`: the slowest zone of its services, from
 * the warehouses that may send them), so checkout still shows a date; a tier the shop has no service for has none.
 */
export function fallbackRates(
  compiled: CompiledShopConfig,
  request: CarrierServiceRequest,
  now: Date,
): CarrierServiceRate[] {
  const config = compiled.config;
  const bulky = request.rate.items.some((item) =>
    config.productProfiles.some(
      (p) =>
        p.bulky && ((item.variant_id && p.variantId === item.variant_id) || (item.sku && p.sku === item.sku)),
    ),
  );
  const d = request.rate.destination;
  const timeZone = fallbackTimeZone(text(d.postal_code), text(d.province));
  return config.fallbackRates
    .filter((r) => r.serviceCode.startsWith("TR_FREIGHT_") === bulky)
    .map((r) => {
      const window = fallbackWindow(compiled, r.serviceCode, now, timeZone);
      return {
        service_name: tierName(r.serviceCode),
        service_code: r.serviceCode,
        total_price: String(r.priceCents),
        currency: config.currency,
        description: window
          ? `Flat rate · arrives ${arrivesText(window.minDate, window.maxDate)}`
          : "Flat rate",
        ...(window
          ? {
              min_delivery_date: formatShopifyDate(window.minDate, window.timeZone),
              max_delivery_date: formatShopifyDate(window.maxDate, window.timeZone),
            }
          : {}),
      };
    });
}

/** Issues after which the shop's fallback rates stand in for computed ones. */
const FALLBACK_ON: ReadonlySet<Issue["code"]> = new Set(["UNKNOWN_ZIP"]);

/**
 * Engine result → Shopify `rates`: one rate per offered tier, in tier order; the fallback rates when the
 * destination could not be located; empty (= "cannot serve") otherwise.
 */
export function toShopifyRates(
  result: QuoteResult,
  compiled: CompiledShopConfig,
  request: CarrierServiceRequest,
  now: Date,
): CarrierServiceRate[] {
  if (result.quotes.length === 0 && result.issues.some((i) => FALLBACK_ON.has(i.code)))
    return fallbackRates(compiled, request, now);
  return result.quotes.map(toShopifyRate);
}

/**
 * Where a shipment's price came from: LIVE (a connected account answered within the budget; its carrier, service
 * and amount) or RATE_CARD (and, for a service priced live, why the live price was not used). docs/carriers.md.
 */
function priceSource(s: TierQuote["shipments"][number] | PricedShipment) {
  if (!("priceSource" in s)) return { price_source: "RATE_CARD" as const };
  return {
    price_source: s.priceSource,
    ...(s.live
      ? { live: { provider: s.live.provider, carrier: s.live.carrier, service: s.live.service } }
      : {}),
    ...(s.priceSource === "LIVE" ? { rate_card_cents: s.rateCardCostCents } : {}),
    ...(s.liveMiss ? { live_miss: s.liveMiss } : {}),
  };
}

/** The `--explain` view of a quote result (also handy for an admin "why this rate" page). */
export function toExplain(result: QuoteResult) {
  return result.quotes.map((q) => ({
    service_code: q.serviceCode,
    mode: q.mode,
    shipments: q.shipments.map((s) => ({
      warehouse: s.warehouseId,
      carrier: s.carrier,
      service: s.serviceName,
      zone: s.zone,
      packages: s.packages.map((p) => ({
        lengthIn: p.lengthIn,
        widthIn: p.widthIn,
        heightIn: p.heightIn,
        actualLb: p.actualLb,
        dimLb: p.dimLb,
        billableLb: p.billableLb,
      })),
      baseCents: s.baseCents,
      surcharges: s.surcharges.map((x) => ({ code: x.code, amountCents: x.amountCents })),
      transitDays: { min: s.transitDays.min, max: s.transitDays.max },
      ...priceSource(s),
    })),
    reasons: q.reasons,
  }));
}
