import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  currentPostgresSchema,
  POSTGRES_SCHEMA_PATH,
  postgresSchemaFrom,
} from "../../scripts/lib/postgres-schema";

describe("the PostgreSQL variant of the data model", () => {
  it("is generated from prisma/schema.prisma: the committed copy matches (else run npm run db:migration)", () => {
    // GIVEN the committed PostgreSQL schema  WHEN it is regenerated from the SQLite one  THEN nothing changed
    expect(readFileSync(POSTGRES_SCHEMA_PATH, "utf8")).toBe(currentPostgresSchema());
  });

  it("changes only the provider and the client output, never a model", () => {
    const sqlite = readFileSync("prisma/schema.prisma", "utf8");
    const postgres = postgresSchemaFrom(sqlite);
    const models = (schema: string) => schema.slice(schema.indexOf("model Session"));
    expect(models(postgres)).toBe(models(sqlite));
    expect(postgres).toMatch(/provider = "postgresql"/);
    expect(postgres).not.toMatch(/provider = "sqlite"/);
  });

  it("refuses a schema whose datasource block it does not recognise", () => {
    expect(() => postgresSchemaFrom('datasource db {\n  provider = "mysql"\n}')).toThrow(
      /expected datasource/,
    );
  });
});
