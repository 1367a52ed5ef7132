import { DEMO_DEFAULTS, type AppEnv } from "../../config/env.server";

/** Why an admin request may not use the demo session (null: it may). */
export type DemoSessionRefusal =
  "not-demo" | "production" | "real-credentials" | "not-loopback" | "proxied" | null;

// Host names that only ever reach this machine. Node's URL keeps IPv6 brackets in `hostname`.
const LOOPBACK_HOSTS = new Set(["localhost", "[::1]"]);
const isLoopbackHost = (hostname: string) =>
  LOOPBACK_HOSTS.has(hostname) || hostname.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(hostname);

// A reverse proxy or tunnel (ngrok, cloudflared, a load balancer) adds one of these: the browser is elsewhere.
const PROXY_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip"];

/**
 * Whether an admin request may use the demo session (the seeded demo shop, no Shopify authentication), and if not,
 * why. Every condition must hold, so that no deployment with real credentials can open it:
 * - TAILROUTE_DEMO=1 and NODE_ENV is not production (readAppEnv already refuses that pair);
 * - the app runs with the demo's public placeholder secret: a configured SHOPIFY_API_SECRET (every real install,
 *   `npm start` included, has one) closes the demo session even when the flag is left on;
 * - the request was addressed to a loopback host and came through no proxy or tunnel, i.e. a browser on the
 *   machine running `npm run demo`. The Host header is the client's word, so this is a guard against exposing a
 *   demo by accident (a tunnel, a public bind, DNS rebinding), not an authentication: the secret check is that.
 */
export function demoSessionRefusal(
  env: Pick<AppEnv, "demo" | "nodeEnv" | "apiSecret">,
  request: Request,
): DemoSessionRefusal {
  if (!env.demo) return "not-demo";
  if (env.nodeEnv === "production") return "production";
  if (env.apiSecret !== DEMO_DEFAULTS.SHOPIFY_API_SECRET) return "real-credentials";
  if (!isLoopbackHost(new URL(request.url).hostname)) return "not-loopback";
  if (PROXY_HEADERS.some((name) => request.headers.has(name))) return "proxied";
  return null;
}

/** True when `demoSessionRefusal` finds nothing against the demo session. */
export function demoSessionAllowed(
  env: Pick<AppEnv, "demo" | "nodeEnv" | "apiSecret">,
  request: Request,
): boolean {
  return demoSessionRefusal(env, request) === null;
}
