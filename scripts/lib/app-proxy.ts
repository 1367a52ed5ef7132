import { createHmac } from "node:crypto";

// Shopify's app proxy, as the demo and the tests play it: the storefront's /apps/tailroute/* forwarded to the app
// with the shop's parameters added and signed (shopify.dev, "Authenticate app proxies"; docs/storefront.md).

/** HMAC-SHA256 (hex) with the app secret over the query's `key=value` pairs sorted by key, joined with nothing. */
export function proxySignature(params: Record<string, string>, secret: string): string {
  const message = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

/** The query Shopify forwards: the buyer's parameters plus shop, path_prefix, timestamp and its signature. */
export function signedProxyQuery(
  buyer: Record<string, string>,
  options: { shop: string; secret: string; timestamp?: number; customerId?: string },
): Record<string, string> {
  const params = {
    ...buyer,
    shop: options.shop,
    logged_in_customer_id: options.customerId ?? "",
    path_prefix: "/apps/tailroute",
    timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
  };
  return { ...params, signature: proxySignature(params, options.secret) };
}
