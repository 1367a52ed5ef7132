import { createHmac } from "node:crypto";
import { inject } from "vitest";

/**
 * Shopify's app proxy signature: HMAC-SHA256 (hex) with the app secret over the query's `key=value` pairs sorted
 * by key and joined with nothing between them, sent as `signature` (shopify.dev, "Authenticate app proxies").
 */
export function proxySignature(params: Record<string, string>, secret: string): string {
  const message = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

/** The query Shopify forwards: the buyer's parameters plus shop, path_prefix, timestamp and its signature. */
export function proxyQuery(
  buyer: Record<string, string>,
  options: { shop: string; secret?: string; timestamp?: number } = { shop: "" },
): Record<string, string> {
  const params = {
    ...buyer,
    shop: options.shop,
    logged_in_customer_id: "",
    path_prefix: "/apps/tailroute",
    timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
  };
  return { ...params, signature: proxySignature(params, options.secret ?? inject("appApiSecret")) };
}

/** GET /proxy/promise with exactly these query parameters. */
export function getPromise(params: Record<string, string>): Promise<Response> {
  const url = new URL("/proxy/promise", inject("appUrl"));
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return fetch(url);
}
