// Which database the integration tests run on, and PostgreSQL test databases (created synchronously, because
// test files build their database at import time). Their names start with TEST_DATABASE_PREFIX so the test
// run's teardown can drop every one it created.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PROJECT_ROOT } from "./app-server";

const require = createRequire(import.meta.url);
export const TEST_DATABASE_PREFIX = "tailroute_test_";

/** A role allowed to create databases, on the server the PostgreSQL tests use (.ci/run creates it). */
export function pgAdminUrl(env = process.env): string {
  return env.TAILROUTE_PG_ADMIN_URL ?? "postgresql://tailroute:tailroute@127.0.0.1:5432/postgres";
}

export function testDatabaseProvider(env = process.env): "sqlite" | "postgres" {
  return env.TAILROUTE_TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
}

/** Recreates `<prefix><name>` on the server TAILROUTE_PG_ADMIN_URL points at, migrates it and returns its URL. */
export function freshPostgresDatabase(name: string): string {
  const database = `${TEST_DATABASE_PREFIX}${name}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const result = spawnSync(
    process.execPath,
    [require.resolve("tsx/cli"), join(PROJECT_ROOT, "scripts", "postgres.ts"), "fresh", database],
    { cwd: PROJECT_ROOT, encoding: "utf8", env: process.env },
  );
  if (result.status !== 0) {
    throw new Error(
      `Could not create PostgreSQL test database ${database}:\n${result.stderr}${result.stdout}`,
    );
  }
  return result.stdout.trim();
}
