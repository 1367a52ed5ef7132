// The PostgreSQL variant of the data model. prisma/schema.prisma (SQLite) is the one source of truth for the
// models; prisma/postgres/schema.prisma is generated from it (provider, client output) and committed only so
// that the next PostgreSQL migration can be diffed against it (docs/database.md).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PROJECT_ROOT } from "./app-server";

const require = createRequire(import.meta.url);

export const SQLITE_SCHEMA_PATH = join(PROJECT_ROOT, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA_PATH = join(PROJECT_ROOT, "prisma", "postgres", "schema.prisma");
export const POSTGRES_MIGRATIONS_DIR = join(PROJECT_ROOT, "prisma", "postgres", "migrations");
/** Where the PostgreSQL Prisma client is generated (relative to prisma/postgres/). */
export const POSTGRES_CLIENT_OUTPUT = "../../node_modules/.prisma/postgres-client";

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:pg:schema` — edit that file, not this one.\n" +
  "// The PostgreSQL variant: same models, provider postgresql, client generated beside the SQLite one.\n\n";

/** Rewrites the SQLite schema into the PostgreSQL one; fails loudly if the schema's shape changed. */
export function postgresSchemaFrom(sqliteSchema: string): string {
  const provider = /(datasource db \{[^}]*provider\s*=\s*)"sqlite"/;
  const generator = /(generator client \{[^}]*engineType\s*=\s*"client")/;
  if (!provider.test(sqliteSchema) || !generator.test(sqliteSchema)) {
    throw new Error("prisma/schema.prisma no longer has the expected datasource/generator blocks");
  }
  return (
    HEADER +
    sqliteSchema
      .replace(provider, '$1"postgresql"')
      .replace(generator, `$1\n  output     = "${POSTGRES_CLIENT_OUTPUT}"`)
  );
}

export function currentPostgresSchema(): string {
  return postgresSchemaFrom(readFileSync(SQLITE_SCHEMA_PATH, "utf8"));
}

/**
 * `prisma migrate diff --from-schema-datamodel <from> --to-schema-datamodel <to> --script` (`--from-empty` when
 * `fromPath` is null): the offline way to write a migration (docs/database.md). Runs from the project root so
 * Prisma loads its config (JS engine, no download).
 */
export function prismaSchemaDiffSql(fromPath: string | null, toPath: string): string {
  const from = fromPath ? ["--from-schema-datamodel", fromPath] : ["--from-empty"];
  const result = spawnSync(
    process.execPath,
    [
      require.resolve("prisma/build/index.js"),
      "migrate",
      "diff",
      ...from,
      "--to-schema-datamodel",
      toPath,
      "--script",
    ],
    { cwd: PROJECT_ROOT, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`prisma migrate diff failed:\n${result.stderr}`);
  return result.stdout;
}

/** True when a `migrate diff --script` output changes nothing (Prisma prints "-- This is an empty migration."). */
export function isEmptyMigrationSql(sql: string): boolean {
  return !/\b(CREATE|ALTER|DROP)\b/.test(sql);
}
