import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// `npm run db:migration -- <name>` on a temporary copy of prisma/, so no throwaway migration lands in the repository.
const root = mkdtempSync(join(tmpdir(), "tailroute-db-migration-"));
cpSync("prisma/schema.prisma", join(root, "prisma", "schema.prisma"));
cpSync("prisma/migrations", join(root, "prisma", "migrations"), { recursive: true });
cpSync("prisma/postgres", join(root, "prisma", "postgres"), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

function dbMigration(name: string) {
  return spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "scripts/db-migration.ts", name, "--root", root],
    { encoding: "utf8" },
  );
}

const newDirs = (dir: string, before: string[]) =>
  readdirSync(join(root, dir)).filter((name) => !before.includes(name));

// Each run starts three Prisma CLI processes: on a loaded 2-core machine one run took over 30 s (vitest's default).
describe("npm run db:migration", () => {
  it("refuses when the schema matches the committed migrations", () => {
    // GIVEN the repository's schema and migrations  WHEN asked for a migration  THEN it refuses and writes nothing
    const before = readdirSync(join(root, "prisma", "migrations"));
    const run = dbMigration("nothing_changed");
    expect(run.status, run.stdout).toBe(1);
    expect(run.stderr).toMatch(/No schema change/);
    expect(newDirs("prisma/migrations", before)).toEqual([]);
  }, 120_000);

  it("writes the SQLite and the PostgreSQL migration together, then sees nothing left to migrate", () => {
    // GIVEN a new model in the schema
    const sqliteBefore = readdirSync(join(root, "prisma", "migrations"));
    const pgBefore = readdirSync(join(root, "prisma", "postgres", "migrations"));
    const schemaPath = join(root, "prisma", "schema.prisma");
    writeFileSync(
      schemaPath,
      readFileSync(schemaPath, "utf8") +
        "\nmodel ThrowawayProbe {\n  id   String @id\n  shop String\n  note Json\n\n  @@index([shop])\n}\n",
    );
    // WHEN a migration is written
    const run = dbMigration("throwaway_probe");
    expect(run.status, run.stderr).toBe(0);
    // THEN one directory of the same name appears on each side, with that provider's SQL
    const [sqliteDir] = newDirs("prisma/migrations", sqliteBefore);
    const [pgDir] = newDirs("prisma/postgres/migrations", pgBefore);
    expect(sqliteDir).toMatch(/^\d{14}_throwaway_probe$/);
    expect(pgDir).toBe(sqliteDir);
    const sqliteSql = readFileSync(join(root, "prisma", "migrations", sqliteDir!, "migration.sql"), "utf8");
    const pgSql = readFileSync(
      join(root, "prisma", "postgres", "migrations", pgDir!, "migration.sql"),
      "utf8",
    );
    expect(sqliteSql).toMatch(/CREATE TABLE "ThrowawayProbe"/);
    expect(sqliteSql).not.toMatch(/CREATE TABLE "Shop"/);
    expect(pgSql).toMatch(/"note" JSONB NOT NULL/);
    expect(pgSql).toMatch(/CONSTRAINT "ThrowawayProbe_pkey"/);
    expect(readFileSync(join(root, "prisma", "postgres", "schema.prisma"), "utf8")).toMatch(
      /model ThrowawayProbe/,
    );
    // AND a second run finds the schema migrated
    const again = dbMigration("again");
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/No schema change/);
  }, 120_000);
});
