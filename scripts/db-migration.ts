// `npm run db:migration -- <name>`: after a change to prisma/schema.prisma, writes the SQLite migration and its
// PostgreSQL twin under one timestamp (docs/database.md). Offline: `prisma migrate dev` and `--from-url` /
// `--from-migrations` need a native engine or a shadow database, so the "before" side is rebuilt as a datamodel:
//   SQLite      apply every committed migration's SQL to a temporary database, `prisma db pull` it into a schema;
//               that is exactly what the migrations build, whatever the git history says.
//   PostgreSQL  the committed prisma/postgres/schema.prisma (regenerated from the SQLite schema after each migration).
// Each side is then diffed against the current schema with `prisma migrate diff --from-schema-datamodel … --script`.
// An empty diff is refused, and so is a diff on one side only (the two histories have drifted apart).
//
// `--root <dir>` works on another copy of prisma/ (tests use a temporary one); Prisma itself runs from this project.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { PROJECT_ROOT } from "./lib/app-server";
import { isEmptyMigrationSql, postgresSchemaFrom, prismaSchemaDiffSql } from "./lib/postgres-schema";

const require = createRequire(import.meta.url);
const USAGE = "usage: npm run db:migration -- <name in snake_case> [--root <project dir>]";

interface Layout {
  sqliteSchema: string;
  sqliteMigrations: string;
  postgresSchema: string;
  postgresMigrations: string;
}

function layoutOf(root: string): Layout {
  return {
    sqliteSchema: join(root, "prisma", "schema.prisma"),
    sqliteMigrations: join(root, "prisma", "migrations"),
    postgresSchema: join(root, "prisma", "postgres", "schema.prisma"),
    postgresMigrations: join(root, "prisma", "postgres", "migrations"),
  };
}

function migrationDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** The datamodel the committed SQLite migrations build, written to `<work>/migrated.prisma`. */
function migratedSqliteDatamodel(layout: Layout, work: string): string | null {
  const names = migrationDirs(layout.sqliteMigrations);
  if (names.length === 0) return null;
  const dbFile = join(work, "migrated.sqlite");
  const db = new Database(dbFile);
  try {
    for (const name of names)
      db.exec(readFileSync(join(layout.sqliteMigrations, name, "migration.sql"), "utf8"));
  } finally {
    db.close();
  }
  // `db pull` rewrites the models of the file it is given and keeps its generator and datasource blocks.
  const schemaFile = join(work, "migrated.prisma");
  writeFileSync(schemaFile, readFileSync(layout.sqliteSchema, "utf8"));
  const pull = spawnSync(
    process.execPath,
    [require.resolve("prisma/build/index.js"), "db", "pull", "--schema", schemaFile],
    { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: `file:${dbFile}` }, encoding: "utf8" },
  );
  if (pull.status !== 0) throw new Error(`prisma db pull failed:\n${pull.stderr}${pull.stdout}`);
  return schemaFile;
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

interface WrittenMigration {
  sqlite: string;
  postgres: string;
}

/** Writes both migrations for the change in `<root>/prisma/schema.prisma`; throws with a reason when it cannot. */
function writeMigrations(name: string, root = PROJECT_ROOT): WrittenMigration {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(USAGE);
  const layout = layoutOf(root);
  const work = mkdtempSync(join(tmpdir(), "tailroute-migration-"));
  try {
    const sqliteSql = prismaSchemaDiffSql(migratedSqliteDatamodel(layout, work), layout.sqliteSchema);
    const postgresNext = join(work, "postgres-next.prisma");
    const postgresSchema = postgresSchemaFrom(readFileSync(layout.sqliteSchema, "utf8"));
    writeFileSync(postgresNext, postgresSchema);
    const postgresPrevious = existsSync(layout.postgresSchema) ? layout.postgresSchema : null;
    const postgresSql = prismaSchemaDiffSql(postgresPrevious, postgresNext);

    const sqliteEmpty = isEmptyMigrationSql(sqliteSql);
    const postgresEmpty = isEmptyMigrationSql(postgresSql);
    if (sqliteEmpty && postgresEmpty) {
      throw new Error("No schema change: prisma/schema.prisma matches the committed migrations.");
    }
    if (sqliteEmpty !== postgresEmpty) {
      throw new Error(
        `The SQLite and PostgreSQL migrations have drifted apart: only the ${sqliteEmpty ? "PostgreSQL" : "SQLite"} ` +
          "side has a change. Bring the other one up to date first (docs/database.md).",
      );
    }

    const dirName = `${timestamp()}_${name}`;
    const sqliteDir = join(layout.sqliteMigrations, dirName);
    const postgresDir = join(layout.postgresMigrations, dirName);
    if (existsSync(sqliteDir) || existsSync(postgresDir)) throw new Error(`${dirName} already exists`);
    mkdirSync(sqliteDir, { recursive: true });
    mkdirSync(postgresDir, { recursive: true });
    writeFileSync(join(sqliteDir, "migration.sql"), sqliteSql);
    writeFileSync(join(postgresDir, "migration.sql"), postgresSql);
    // The next PostgreSQL migration is diffed against this (tests/foundation/postgres-schema.test.ts checks it).
    writeFileSync(layout.postgresSchema, postgresSchema);
    return { sqlite: join(sqliteDir, "migration.sql"), postgres: join(postgresDir, "migration.sql") };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main(argv: string[]): number {
  const rootAt = argv.indexOf("--root");
  const root = rootAt >= 0 ? argv[rootAt + 1] : PROJECT_ROOT;
  const rest = rootAt >= 0 ? argv.filter((_, i) => i !== rootAt && i !== rootAt + 1) : argv;
  if (rest.length !== 1 || !root) {
    console.error(USAGE);
    return 2;
  }
  try {
    const written = writeMigrations(rest[0]!, root);
    console.log(`Wrote ${written.sqlite}\nWrote ${written.postgres}`);
    console.log("Apply with `npm run db:migrate`; commit both files and prisma/postgres/schema.prisma.");
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
