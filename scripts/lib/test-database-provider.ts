// Which database the integration tests run on, and PostgreSQL test databases (created synchronously, because
// test files build their database at import time). Their names start with the run's prefix
// (`tailroute_test_r<pid>_`), so a run's teardown drops every one it created and never another run's.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PROJECT_ROOT } from "./app-server";

const require = createRequire(import.meta.url);
export const TEST_DATABASE_PREFIX = "tailroute_test_";
const RUN_PREFIX = /^tailroute_test_r(\d+)_/;

/**
 * This test run's databases: `tailroute_test_r<pid>_…`, where pid is the process that started the run (the
 * global setup sets TAILROUTE_TEST_RUN_PID; the test workers inherit it). Two runs side by side — two
 * developers' suites, a bench beside `npm run test:pg` — each drop only their own.
 */
export function testRunPrefix(env: Record<string, string | undefined> = process.env): string {
  return `${TEST_DATABASE_PREFIX}r${env.TAILROUTE_TEST_RUN_PID ?? process.pid}_`;
}

/** A test database left behind by a run whose process is gone (killed before its teardown), or by an older naming. */
export function isStaleTestDatabase(name: string, alive = processAlive): boolean {
  if (!name.startsWith(TEST_DATABASE_PREFIX)) return false;
  const run = RUN_PREFIX.exec(name);
  return !run || !alive(Number(run[1]));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A role allowed to create databases, on the server the PostgreSQL tests use (.ci/run creates it). */
export function pgAdminUrl(env = process.env): string {
  return env.TAILROUTE_PG_ADMIN_URL ?? "postgresql://tailroute:tailroute@127.0.0.1:5432/postgres";
}

export function testDatabaseProvider(env = process.env): "sqlite" | "postgres" {
  return env.TAILROUTE_TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
}

/** Recreates `<run prefix><name>` on the server TAILROUTE_PG_ADMIN_URL points at, migrates it and returns its URL. */
export function freshPostgresDatabase(name: string): string {
  const database = `${testRunPrefix()}${name}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
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
