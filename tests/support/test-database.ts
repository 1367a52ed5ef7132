// A fresh, migrated database for one test file: SQLite by default, PostgreSQL under `npm run test:pg`
// (TAILROUTE_TEST_DATABASE=postgres), so the same database-backed suites prove both providers.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { freshSqliteDatabase } from "../../scripts/lib/app-server";
import { freshPostgresDatabase, testDatabaseProvider } from "../../scripts/lib/test-database-provider";

/**
 * `label` names the SQLite file (in `sqliteDir`, which the test removes afterwards) or the PostgreSQL database
 * (made unique per call; the test run's teardown drops it).
 */
export function freshTestDatabase(label: string, sqliteDir: string): string {
  if (testDatabaseProvider() === "postgres") {
    return freshPostgresDatabase(`${label}_${randomBytes(4).toString("hex")}`);
  }
  return freshSqliteDatabase(join(sqliteDir, `${label}.sqlite`));
}
