// An app server of a suite's own, for suites that must kill, restart, load or run several instances of it, or
// point it at an Admin API fake of their own; every other suite uses the shared server (global-setup.ts), whose
// Admin calls reach a suite's fake through routeAdminCalls.
import { inject } from "vitest";
import { startAppServerOnFreePort, type RunningApp } from "../../scripts/lib/app-server";
import { ADMIN_ROUTES_PATH } from "./fake-admin-router";
import { TEST_API_KEY, TEST_API_SECRET } from "./global-setup";

/** The shared server's Admin API calls made with `accessToken` (a shop's offline token) go to the fake at `url`. */
export async function routeAdminCalls(accessToken: string, url: string): Promise<void> {
  const response = await fetch(new URL(ADMIN_ROUTES_PATH, inject("adminRouterUrl")), {
    method: "POST",
    body: JSON.stringify({ accessToken, url }),
  });
  if (response.status !== 204) throw new Error(`The Admin API router refused the route: ${response.status}`);
}

export interface TestAppOptions {
  databaseUrl: string;
  /** The Admin API the app calls (a FakeShopifyAdmin's url). */
  adminApiUrl: string;
  /** The app's public URL; `http://127.0.0.1:<port>` by default. */
  appUrl?: string;
  /** Extra environment (timeouts, leases) on top of the test defaults. */
  env?: Record<string, string>;
}

/** Starts the built app in production mode (not demo) signed with the test app's key and secret. */
export async function startTestApp(options: TestAppOptions): Promise<RunningApp> {
  return startAppServerOnFreePort((port) => ({
    // As the shared server's (global-setup.ts): within seconds on a quiet machine, over 30 s on a loaded one.
    timeoutMs: 90_000,
    env: {
      DATABASE_URL: options.databaseUrl,
      TAILROUTE_DEMO: "0",
      SHOPIFY_API_KEY: TEST_API_KEY,
      SHOPIFY_API_SECRET: TEST_API_SECRET,
      SHOPIFY_APP_URL: options.appUrl ?? `http://127.0.0.1:${port}`,
      SHOPIFY_ADMIN_API_BASE_URL: options.adminApiUrl,
      ...options.env,
    },
  }));
}
