import { DEMO_DEFAULTS } from "../../app/config/env.server";

/**
 * The environment of the app server in demo mode (TAILROUTE_DEMO=1), as `npm run demo` starts it and the browser
 * suites start it too: the demo session opens the admin without Shopify, the Admin API is the demo's fake Shopify.
 */
export function demoAppEnv(options: {
  databaseUrl: string;
  /** Base URL of the fake Admin API (scripts/lib/fake-shopify-admin.ts). */
  adminApiUrl: string;
  apiKey?: string;
  apiSecret?: string;
  appUrl?: string;
}): Record<string, string | undefined> {
  return {
    DATABASE_URL: options.databaseUrl,
    TAILROUTE_DEMO: "1",
    // Not "development" (the server would wait for `remix dev`) and not "production" (demo secrets).
    NODE_ENV: "demo",
    SHOPIFY_API_KEY: options.apiKey ?? DEMO_DEFAULTS.SHOPIFY_API_KEY,
    SHOPIFY_API_SECRET: options.apiSecret ?? DEMO_DEFAULTS.SHOPIFY_API_SECRET,
    SHOPIFY_APP_URL: options.appUrl,
    SHOPIFY_ADMIN_API_BASE_URL: options.adminApiUrl,
  };
}
