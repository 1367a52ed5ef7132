import type { PrismaClient } from "@prisma/client";
import { SimulatorForm } from "../../contracts/admin-forms";
import { CarrierServiceRequest } from "../../contracts/carrier-service";
import { containsText } from "../../db/portable.server";
import { quote, type CompiledShopConfig } from "../../engine";
import { callbackCache } from "../carrier-service/runtime.server";
import { engineInput, isQuotable, rateWithEngine } from "../carrier-service/callback.server";
import { toExplain, toShopifyRates } from "../carrier-service/rate-mapping";
import { quoteWithLiveRates } from "../carrier-service/live-quote.server";
import type { LiveRateSetup } from "../carrier-accounts/live-rates/types";
import type { ShopRuntime } from "../shop/runtime-cache.server";
import { fieldErrors, text } from "./form-data";
import type { AdminGraphql } from "./admin-context.server";
import { searchShopifyVariants, shopifyVariantsByIds, type ShopifyVariant } from "./shopify-variants.server";

const GRAMS_PER_OZ = 28.349523125;

/** Reads the simulator form: ZIP, optional state and address, and `qty.<variantId>` quantities. */
export function parseSimulatorForm(form: FormData) {
  const lines = [...form.entries()]
    .filter(
      ([name, value]) =>
        name.startsWith("qty.") && String(value).trim() !== "" && String(value).trim() !== "0",
    )
    .map(([name, value]) => ({ variantId: name.slice(4), quantity: Number(value) }));
  return SimulatorForm.safeParse({
    zip: text(form, "zip"),
    state: text(form, "state").toUpperCase() || undefined,
    address1: text(form, "address1") || undefined,
    lines,
  });
}

/** The CarrierService request Shopify would send for this cart (the fields Shopify fills for app carriers). */
export function simulatedRequest(
  form: SimulatorForm,
  catalogue: Map<string, { title: string; sku: string | null; grams: number; priceCents: number }>,
  currency: string,
) {
  return CarrierServiceRequest.parse({
    rate: {
      origin: { country: "US", postal_code: null },
      destination: {
        country: "US",
        postal_code: form.zip,
        province: form.state ?? null,
        address1: form.address1 ?? null,
      },
      items: form.lines.map((line) => {
        const item = catalogue.get(line.variantId);
        return {
          name: item?.title ?? `Variant ${line.variantId}`,
          sku: item?.sku ?? null,
          quantity: line.quantity,
          grams: item?.grams ?? 0,
          price: item?.priceCents ?? 0,
          requires_shipping: true,
          variant_id: Number(line.variantId),
        };
      }),
      currency,
      locale: "en",
    },
  });
}

/**
 * Rates for a ZIP and a cart, computed exactly as the checkout callback computes them (the same cached,
 * compiled configuration and the same `rateWithEngine`), with the engine's explanation beside them.
 */
export async function simulateRates(
  db: PrismaClient,
  shop: string,
  form: FormData,
  variants: ShopifyVariant[],
  now: Date = new Date(),
) {
  const parsed = parseSimulatorForm(form);
  if (!parsed.success) return { ok: false as const, errors: fieldErrors(parsed.error) };
  const runtime = await callbackCache.byShop(shop);
  if (!runtime || !isQuotable(runtime))
    return {
      ok: false as const,
      errors: { form: "No active warehouse yet: add one on the Warehouses page, then a carrier service" },
    };
  const profiles = await db.productProfile.findMany({
    where: { shop },
    select: { variantId: true, name: true, sku: true, weightOz: true },
  });
  const catalogue = new Map<
    string,
    { title: string; sku: string | null; grams: number; priceCents: number }
  >();
  for (const p of profiles)
    if (p.variantId)
      catalogue.set(p.variantId, {
        title: p.name,
        sku: p.sku,
        grams: Math.round((p.weightOz ?? 0) * GRAMS_PER_OZ),
        priceCents: 0,
      });
  for (const v of variants) {
    const known = catalogue.get(v.variantId);
    catalogue.set(v.variantId, {
      title: v.title,
      sku: v.sku,
      grams: v.weightOz !== null ? Math.round(v.weightOz * GRAMS_PER_OZ) : (known?.grams ?? 0),
      priceCents: v.priceCents,
    });
  }
  const request = simulatedRequest(parsed.data, catalogue, runtime.config.currency);
  // A shop with services priced live gets what checkout would get: the live answers within its budget.
  const { rates, result } = runtime.liveRates
    ? await simulateLive(runtime, runtime.liveRates, request, now)
    : {
        rates: rateWithEngine(runtime, request, now).rates,
        result: quote(runtime.compiled, engineInput(runtime, request, now)),
      };
  return {
    ok: true as const,
    rates,
    explain: toExplain(result),
    /** Warehouse names by the engine's warehouse id, so the explanation names them as the merchant does. */
    warehouseNames: Object.fromEntries(runtime.config.warehouses.map((w) => [w.id, w.name])),
    issues: result.issues.map((i) => ({ code: i.code, message: i.message })),
  };
}

async function simulateLive(
  runtime: ShopRuntime<CompiledShopConfig>,
  setup: LiveRateSetup,
  request: CarrierServiceRequest,
  now: Date,
) {
  const { result } = await quoteWithLiveRates(
    runtime.compiled,
    setup,
    engineInput(runtime, request, now),
    performance.now(),
  );
  return { rates: toShopifyRates(result, runtime.compiled, request, now), result };
}

/**
 * The simulator's product list: every profiled variant and every Shopify variant, once each. Shopify's title wins
 * over the profile's name (it is what the buyer sees at checkout); profiles of variants Shopify no longer lists
 * stay, so their dimensions can still be tried.
 */
export function simulatorProducts(
  variants: Pick<ShopifyVariant, "variantId" | "title">[],
  profiles: { variantId: string | null; name: string }[],
) {
  const products = new Map<string, string>();
  for (const p of profiles) if (p.variantId) products.set(p.variantId, p.name);
  for (const v of variants) products.set(v.variantId, v.title);
  return [...products].map(([variantId, title]) => ({ variantId, title }));
}

/** Products the empty page offers before anything is typed: the first profiled ones, by name. */
const SUGGESTED_PRODUCTS = 5;

/**
 * The simulator page: a few profiled products to start a cart with. Nothing is read from Shopify here: the
 * product picker searches as the merchant types (simulatorSearch), so the page opens as fast for a shop with
 * 10,000 products as for one with ten.
 */
export async function simulatorPage(db: PrismaClient, shop: string) {
  const profiles = await db.productProfile.findMany({
    where: { shop, variantId: { not: null } },
    select: { variantId: true, name: true },
    orderBy: { name: "asc" },
    take: SUGGESTED_PRODUCTS,
  });
  return { products: simulatorProducts([], profiles) };
}

/**
 * The product picker's answer for what the merchant typed: Shopify's matching variants (one search call) and the
 * shop's profiles whose name or SKU contains it (variants Shopify no longer lists keep their dimensions).
 */
export async function simulatorSearch(db: PrismaClient, shop: string, graphql: AdminGraphql, typed: string) {
  const term = typed.trim().slice(0, 100);
  if (term === "") return { products: [], error: null };
  const [shopify, profiles] = await Promise.all([
    searchShopifyVariants(graphql, term),
    db.productProfile.findMany({
      where: {
        shop,
        variantId: { not: null },
        OR: [{ name: containsText(db, term) }, { sku: containsText(db, term) }],
      },
      select: { variantId: true, name: true },
      take: 10,
    }),
  ]);
  return { products: simulatorProducts(shopify.variants, profiles), error: shopify.error };
}

/**
 * The simulator's action: the form's cart priced with its variants' Shopify weights and prices as checkout would,
 * read by id (only the cart's variants, never the whole catalogue).
 */
export async function simulateFromForm(
  db: PrismaClient,
  shop: string,
  graphql: AdminGraphql,
  form: FormData,
) {
  const parsed = parseSimulatorForm(form);
  const ids = parsed.success ? parsed.data.lines.map((line) => line.variantId) : [];
  const shopify = await shopifyVariantsByIds(graphql, ids);
  return simulateRates(db, shop, form, shopify.variants);
}
