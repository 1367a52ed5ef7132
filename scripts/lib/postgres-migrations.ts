// Applies prisma/postgres/migrations to a PostgreSQL database. `prisma migrate deploy` cannot run against
// PostgreSQL offline with the JS engine (docs/database.md), so this small runner does what it would:
// apply each migration directory's SQL once, in name order, each in its own transaction, recorded in a table.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { POSTGRES_MIGRATIONS_DIR } from "./postgres-schema";

const LEDGER = "_tailroute_migrations";

export function postgresMigrationNames(dir = POSTGRES_MIGRATIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Applies the migrations not yet recorded; returns the names it applied. Safe to run from several instances. */
export async function applyPostgresMigrations(url: string, dir = POSTGRES_MIGRATIONS_DIR): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${LEDGER}" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    for (const name of postgresMigrationNames(dir)) {
      await client.query("BEGIN");
      try {
        // One instance migrates at a time; the others wait, then see the ledger row and skip.
        await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [LEDGER]);
        const done = await client.query(`SELECT 1 FROM "${LEDGER}" WHERE name = $1`, [name]);
        if (done.rowCount === 0) {
          await client.query(readFileSync(join(dir, name, "migration.sql"), "utf8"));
          await client.query(`INSERT INTO "${LEDGER}" (name) VALUES ($1)`, [name]);
          applied.push(name);
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`PostgreSQL migration ${name} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    await client.end();
  }
  return applied;
}

/** Creates an empty database next to the one `adminUrl` points at and returns its URL. */
export async function createPostgresDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("database names are lower-case letters, digits and _");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Drops every database whose name starts with `prefix` and passes `also` (the test run's teardown). */
export async function dropPostgresDatabasesWithPrefix(
  adminUrl: string,
  prefix: string,
  also: (name: string) => boolean = () => true,
): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    const doomed = rows.map((row) => row.datname).filter((name) => also(name));
    for (const name of doomed) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    return doomed.length;
  } finally {
    await client.end();
  }
}
