// PostgreSQL tooling (docs/database.md):
//   tsx scripts/postgres.ts schema [--check]   regenerate prisma/postgres/schema.prisma from prisma/schema.prisma
//   tsx scripts/postgres.ts migration <name>   write the next prisma/postgres/migrations/<ts>_<name>/migration.sql
//   tsx scripts/postgres.ts migrate            apply pending PostgreSQL migrations to DATABASE_URL (npm run db:migrate does this for postgresql:// URLs)
//   tsx scripts/postgres.ts fresh <db-name>    (tests) recreate <db-name> next to TAILROUTE_PG_ADMIN_URL, migrate, print its URL
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  applyPostgresMigrations,
  createPostgresDatabase,
  postgresMigrationNames,
} from "./lib/postgres-migrations";
import {
  currentPostgresSchema,
  isEmptyMigrationSql,
  POSTGRES_MIGRATIONS_DIR,
  POSTGRES_SCHEMA_PATH,
  prismaSchemaDiffSql,
} from "./lib/postgres-schema";
import { pgAdminUrl } from "./lib/test-database-provider";

function timestamp(): string {
  return new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function main(argv: string[]): Promise<number> {
  const [command, arg] = argv;
  if (command === "schema") {
    const wanted = currentPostgresSchema();
    const onDisk = existsSync(POSTGRES_SCHEMA_PATH) ? readFileSync(POSTGRES_SCHEMA_PATH, "utf8") : "";
    if (arg === "--check") {
      if (onDisk === wanted) return 0;
      console.error("prisma/postgres/schema.prisma is stale: run `npm run db:migration -- <name>`.");
      return 1;
    }
    writeFileSync(POSTGRES_SCHEMA_PATH, wanted);
    return 0;
  }
  if (command === "migration") {
    if (!arg || !/^[a-z0-9_]+$/.test(arg)) {
      console.error("usage: npm run db:pg:migration -- <name in snake_case>");
      return 2;
    }
    const previous = existsSync(POSTGRES_SCHEMA_PATH) ? POSTGRES_SCHEMA_PATH : null;
    const next = join(mkdtempSync(join(tmpdir(), "tailroute-pg-")), "schema.prisma");
    writeFileSync(next, currentPostgresSchema());
    const sql = prismaSchemaDiffSql(previous, next);
    if (isEmptyMigrationSql(sql)) {
      console.log("No PostgreSQL schema change.");
      return 0;
    }
    const dir = join(POSTGRES_MIGRATIONS_DIR, `${timestamp()}_${arg}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql);
    writeFileSync(POSTGRES_SCHEMA_PATH, currentPostgresSchema());
    console.log(`Wrote ${dir}/migration.sql`);
    return 0;
  }
  if (command === "migrate") {
    const url = process.env.DATABASE_URL;
    if (!url?.startsWith("postgres")) {
      console.error("DATABASE_URL must be a postgresql:// URL");
      return 2;
    }
    const applied = await applyPostgresMigrations(url);
    console.log(`${applied.length} migration(s) applied; ${postgresMigrationNames().length} in total.`);
    return 0;
  }
  if (command === "fresh" && arg) {
    const url = await createPostgresDatabase(pgAdminUrl(), arg);
    await applyPostgresMigrations(url);
    process.stdout.write(url);
    return 0;
  }
  console.error(
    "usage: tsx scripts/postgres.ts schema [--check] | migration <name> | migrate | fresh <db-name>",
  );
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
