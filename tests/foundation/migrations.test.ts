import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// node:sqlite (built into Node 24) reads the schema; loading better-sqlite3 into a vitest worker crashes at exit.
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";
import { freshSqliteDatabase } from "../../scripts/lib/app-server";

const dir = mkdtempSync(join(tmpdir(), "tailroute-migrations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Tables, columns (name, type, not-null, default, pk) and indexes, in a comparable form. */
function schemaShape(file: string) {
  const db = new DatabaseSync(file, { readOnly: true });
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_prisma%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' ORDER BY name",
    )
    .all() as { name: string }[];
  const shape = tables.map(({ name }) => ({
    name,
    columns: db.prepare(`PRAGMA table_info("${name}")`).all(),
    indexes: (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number }[])
      .map((i) => ({
        unique: i.unique,
        columns: (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map(
          (c) => c.name,
        ),
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  }));
  db.close();
  return shape;
}

describe("prisma/migrations", () => {
  it("build exactly the schema in prisma/schema.prisma (no forgotten migration)", () => {
    // GIVEN one database built by the committed migrations and one created straight from the schema
    const migrated = join(dir, "migrated.sqlite");
    freshSqliteDatabase(migrated);
    const fromSchema = join(dir, "from-schema.sqlite");
    const diff = spawnSync(
      process.execPath,
      [
        "node_modules/prisma/build/index.js",
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      { encoding: "utf8" },
    );
    expect(diff.status, diff.stderr).toBe(0);
    const db = new DatabaseSync(fromSchema);
    db.exec(diff.stdout);
    db.close();
    // THEN they have the same tables, columns and indexes
    const fromMigrations = schemaShape(migrated);
    expect(fromMigrations.map((t) => t.name)).toContain("RoutingDecision");
    expect(fromMigrations).toEqual(schemaShape(fromSchema));
  });

  it("scope every shop-owned table by a `shop` column with an index leading on it", () => {
    const migrated = join(dir, "scoped.sqlite");
    freshSqliteDatabase(migrated);
    for (const table of schemaShape(migrated)) {
      const columns = (table.columns as { name: string }[]).map((c) => c.name);
      expect(columns, table.name).toContain("shop");
      expect(
        table.indexes.some((i) => i.columns[0] === "shop"),
        `${table.name} has an index on shop`,
      ).toBe(true);
    }
  });
});
