// The PostgreSQL Prisma client, for deployments that run several app instances (docs/deploy.md). It is
// generated from prisma/postgres/schema.prisma (the same models) into node_modules/.prisma/postgres-client,
// and loaded only when DATABASE_URL is a postgres URL, so SQLite installs never touch it.
import { PrismaPg } from "@prisma/adapter-pg";
import type { Prisma, PrismaClient } from "@prisma/client";
import { createRequire } from "node:module";
import { TRANSACTION_OPTIONS } from "./transaction-options";

const POSTGRES_CLIENT_MODULE = ".prisma/postgres-client";

export function isPostgresUrl(url: string): boolean {
  return url.startsWith("postgres://") || url.startsWith("postgresql://");
}

interface PostgresClientModule {
  PrismaClient: new (options: object) => unknown;
  Prisma: { DbNull: unknown; JsonNull: unknown };
}

function postgresClientModule(): PostgresClientModule {
  return createRequire(import.meta.url)(POSTGRES_CLIENT_MODULE) as PostgresClientModule;
}

/** The generated PostgreSQL client's `Prisma` namespace (its own DbNull/JsonNull sentinels). */
export function postgresPrismaNamespace(): PostgresClientModule["Prisma"] {
  return postgresClientModule().Prisma;
}

/** Clients made here. (`instanceof` cannot tell the two generated clients apart: Prisma returns a proxy.) */
const postgresClients = new WeakSet<object>();

export function isPostgresPrismaClient(client: object): boolean {
  return postgresClients.has(client);
}

export function createPostgresPrismaClient(url: string): PrismaClient {
  const generated = postgresClientModule();
  // Both clients come from one set of models, so the SQLite client's types describe this one too.
  const client = new generated.PrismaClient({
    adapter: new PrismaPg({ connectionString: url }),
    transactionOptions: TRANSACTION_OPTIONS,
  }) as PrismaClient;
  postgresClients.add(client);
  return client;
}

/**
 * REPEATABLE READ for a transaction on the PostgreSQL client: its reads share one snapshot. The SQLite client's
 * types (which describe both clients) know only Serializable, hence the cast; the PostgreSQL client accepts it
 * (https://www.prisma.io/docs/orm/prisma-client/queries/transactions#transaction-isolation-level).
 */
export const POSTGRES_REPEATABLE_READ = "RepeatableRead" as unknown as Prisma.TransactionIsolationLevel;
