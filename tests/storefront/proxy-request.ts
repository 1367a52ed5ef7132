import { inject } from "vitest";
import { proxySignature, signedProxyQuery } from "../../scripts/lib/app-proxy";

export { proxySignature };

/** The query Shopify forwards: the buyer's parameters plus shop, path_prefix, timestamp and its signature. */
export function proxyQuery(
  buyer: Record<string, string>,
  options: { shop: string; secret?: string; timestamp?: number } = { shop: "" },
): Record<string, string> {
  return signedProxyQuery(buyer, {
    shop: options.shop,
    secret: options.secret ?? inject("appApiSecret"),
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  });
}

/** GET /proxy/promise with exactly these query parameters. */
export function getPromise(params: Record<string, string>): Promise<Response> {
  const url = new URL("/proxy/promise", inject("appUrl"));
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return fetch(url);
}
