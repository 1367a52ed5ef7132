// `npm run db:migrate`: applies the migrations of whichever database DATABASE_URL names — `prisma migrate deploy`
// for SQLite, the PostgreSQL runner (scripts/lib/postgres-migrations.ts) for postgresql:// URLs. Safe to run from
// every instance at start-up: SQLite has one writer; on PostgreSQL an advisory lock serialises the runners.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { databaseUrl } from "../app/db/database-url";
import { isPostgresUrl } from "../app/db/postgres.server";
import { PROJECT_ROOT } from "./lib/app-server";
import { applyPostgresMigrations, postgresMigrationNames } from "./lib/postgres-migrations";

const url = databaseUrl(process.env, PROJECT_ROOT);
if (isPostgresUrl(url)) {
  const applied = await applyPostgresMigrations(url);
  console.log(
    `PostgreSQL: ${applied.length} migration(s) applied, ${postgresMigrationNames().length} in total.`,
  );
} else {
  const prisma = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [prisma, "migrate", "deploy"], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
  });
  process.exitCode = result.status ?? 1;
}
