import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ensureAppBuilt, freshSqliteDatabase, startAppServerOnFreePort } from "../../scripts/lib/app-server";
import { dropPostgresDatabasesWithPrefix } from "../../scripts/lib/postgres-migrations";
import {
  freshPostgresDatabase,
  isStaleTestDatabase,
  pgAdminUrl,
  TEST_DATABASE_PREFIX,
  testDatabaseProvider,
  testRunPrefix,
} from "../../scripts/lib/test-database-provider";
import { startFakeAdminRouter } from "./fake-admin-router";
import { clearAmbientAppEnv } from "./test-env";

export const TEST_API_SECRET = "integration-test-secret";
export const TEST_API_KEY = "integration-test-key";
/** Everything the suites' shared app server printed (its errors explain a 500 a suite saw). */
export const TEST_APP_LOG = join(tmpdir(), "tailroute-test-app.log");

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    appDatabaseUrl: string;
    appApiSecret: string;
    /** The shared server's Admin API address, in front of the suites' fakes (fake-admin-router.ts). */
    adminRouterUrl: string;
  }
}

interface SharedApp {
  url: string;
  databaseUrl: string;
  adminRouterUrl: string;
  users: number;
  stop(): Promise<void>;
}

// The integration and browser projects each list this global setup, and vitest runs both in its one main
// process: they share one build and one app server (counted, stopped by the last teardown) instead of
// building and starting it twice.
const shared = globalThis as typeof globalThis & { tailrouteTestApp?: Promise<SharedApp> };

async function startSharedApp(): Promise<SharedApp> {
  clearAmbientAppEnv(process.env);
  // Names this run's PostgreSQL databases; the test workers start after this and inherit it.
  process.env.TAILROUTE_TEST_RUN_PID ??= String(process.pid);
  const dir = mkdtempSync(join(tmpdir(), "tailroute-test-"));
  const postgres = testDatabaseProvider() === "postgres";
  if (postgres)
    await dropPostgresDatabasesWithPrefix(pgAdminUrl(), TEST_DATABASE_PREFIX, isStaleTestDatabase);
  const databaseUrl = postgres ? freshPostgresDatabase("app") : freshSqliteDatabase(join(dir, "app.sqlite"));
  ensureAppBuilt();
  const router = await startFakeAdminRouter();
  // Its output goes to a log file: a 500 in a suite is explained there (.ci/run prints its tail on failure).
  rmSync(TEST_APP_LOG, { force: true });
  const app = await startAppServerOnFreePort((port) => ({
    logFile: TEST_APP_LOG,
    // Its health check answers within seconds on a quiet machine; a loaded 2-core CI machine took 27.6 s.
    timeoutMs: 90_000,
    env: {
      DATABASE_URL: databaseUrl,
      SHOPIFY_API_KEY: TEST_API_KEY,
      SHOPIFY_API_SECRET: TEST_API_SECRET,
      SHOPIFY_APP_URL: `http://127.0.0.1:${port}`,
      SHOPIFY_ADMIN_API_BASE_URL: router.url,
      TAILROUTE_DEMO: "0",
    },
  }));
  return {
    url: app.url,
    databaseUrl,
    adminRouterUrl: router.url,
    users: 0,
    stop: async () => {
      await app.stop();
      await router.stop();
      rmSync(dir, { recursive: true, force: true });
      if (postgres) await dropPostgresDatabasesWithPrefix(pgAdminUrl(), testRunPrefix());
    },
  };
}

/**
 * Integration suites talk to the real app over real HTTP: compile it, migrate a fresh database (SQLite, or
 * PostgreSQL under `npm run test:pg`), start the app server (app/server/node-server.ts) on a free loopback port,
 * and tear everything down afterwards. The unit project has no global setup (docs/testing.md).
 */
export default async function setup(project: TestProject) {
  shared.tailrouteTestApp ??= startSharedApp();
  const app = await shared.tailrouteTestApp;
  app.users += 1;
  project.provide("appUrl", app.url);
  project.provide("appDatabaseUrl", app.databaseUrl);
  project.provide("appApiSecret", TEST_API_SECRET);
  project.provide("adminRouterUrl", app.adminRouterUrl);
  return async () => {
    app.users -= 1;
    if (app.users > 0) return;
    shared.tailrouteTestApp = undefined;
    await app.stop();
  };
}
