import { CartPromiseQuerySchema, PromiseQuerySchema } from "../../contracts/storefront-promise";
import { zodIssuesText } from "../../contracts/zod-issues";
import { callbackCache } from "../carrier-service/runtime.server";
import { pickupCache } from "../pickup/pickup-runtime.server";
import { answerPromise, type PromiseDeps } from "./promise.server";
import { isShopDomain } from "../../contracts/shop-domain";

/** Shopify shop domains only: the proxy's signed `shop` parameter must have this form. */

/** A promise depends only on variant, quantity, ZIP and the cutoff window: shared caches may keep it a minute. */
export const PROMISE_CACHE_CONTROL = "public, max-age=60";

const deps: PromiseDeps = { cache: callbackCache, pickupCache, now: () => new Date() };

/** A JSON refusal with a reason; never cached (the block then shows nothing). */
export function refusePromise(status: number, reason: string): Response {
  return Response.json({ error: reason }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * GET /proxy/promise?variant_id=&quantity=&zip= (or ?lines=<id>:<qty>:<price>:<grams>,…&zip= for a cart) behind Shopify's app proxy (docs/storefront.md). The proxy's
 * signature is checked first (`authenticate.public.appProxy`: HMAC-SHA256 of the sorted query, timestamp within
 * 90 s); a missing, forged or stale one is a 401. Bad input is a 4xx with a reason, a failure a 503: never a 500.
 */
export async function answerPromiseRequest(
  request: Request,
  authenticate: (request: Request) => Promise<unknown>,
  promiseDeps: PromiseDeps = deps,
): Promise<Response> {
  try {
    const params = new URL(request.url).searchParams;
    // Checked before the library sees it: it throws on a signed `shop` that is no shop domain (found by fuzzing).
    const shop = params.get("shop") ?? "";
    if (!isShopDomain(shop)) return refusePromise(400, "shop must be a myshopify.com domain");
    try {
      await authenticate(request);
    } catch (thrown) {
      if (thrown instanceof Response)
        return refusePromise(401, "The app proxy signature is missing, forged or stale");
      throw thrown;
    }
    // The cart block sends `lines`; the product block one `variant_id` with its quantity, price and weight.
    const parsed = params.has("lines")
      ? CartPromiseQuerySchema.safeParse({
          lines: params.get("lines") ?? undefined,
          zip: params.get("zip") ?? undefined,
        })
      : PromiseQuerySchema.safeParse({
          variant_id: params.get("variant_id") ?? undefined,
          quantity: params.get("quantity") ?? undefined,
          zip: params.get("zip") ?? undefined,
          price: params.get("price") ?? undefined,
          grams: params.get("grams") ?? undefined,
        });
    if (!parsed.success) return refusePromise(400, zodIssuesText(parsed.error));
    const outcome = await answerPromise(shop, parsed.data, promiseDeps);
    if (outcome.status !== 200) return refusePromise(outcome.status, outcome.reason);
    return Response.json(outcome.body, { headers: { "Cache-Control": PROMISE_CACHE_CONTROL } });
  } catch (error) {
    console.error("[storefront-promise] request failed:", error instanceof Error ? error.message : error);
    return new Response(JSON.stringify({ error: "The delivery promise is temporarily unavailable" }), {
      status: 503,
      headers: { "Content-Type": "application/json", "Cache-Control": "no-store", "Retry-After": "5" },
    });
  }
}
