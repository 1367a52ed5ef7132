// What the HTTP benches share: the demo app server on a seeded database, and CarrierService requests signed the
// way Shopify signs them (X-Shopify-Hmac-Sha256 over the raw body).
import { ensureAppBuilt, startAppServerOnFreePort, type RunningApp } from "../../scripts/lib/app-server";
import { shopifyHmac } from "../../scripts/lib/signed-webhook";

/** The built app in demo mode on a free port (a shared machine under load can take minutes to start it). */
export async function startBenchApp(databaseUrl: string, secret: string): Promise<RunningApp> {
  ensureAppBuilt();
  return startAppServerOnFreePort(() => ({
    timeoutMs: 180_000,
    env: {
      DATABASE_URL: databaseUrl,
      TAILROUTE_DEMO: "1",
      NODE_ENV: "demo",
      SHOPIFY_API_SECRET: secret,
      SHOPIFY_API_KEY: "bench",
    },
  }));
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/** A CarrierService callback request for `shop`, signed with the app's secret. */
export function signedCallbackRequest(payload: unknown, shop: string, secret: string): SignedRequest {
  const body = JSON.stringify(payload);
  return {
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": shopifyHmac(body, secret),
      "X-Shopify-Shop-Domain": shop,
    },
  };
}
