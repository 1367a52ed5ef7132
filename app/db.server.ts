import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { databaseUrl, sqliteFilePath } from "./db/database-url";
import { createPostgresPrismaClient, isPostgresUrl } from "./db/postgres.server";
import { installSqliteStatementCache } from "./db/sqlite-statement-cache";
import { useWriteAheadLog } from "./db/sqlite-wal";
import { TRANSACTION_OPTIONS } from "./db/transaction-options";

installSqliteStatementCache();

declare global {
  // Reused across Remix dev rebuilds so the dev server does not open a new connection per change.
  var tailroutePrisma: PrismaClient | undefined;
}

/**
 * A Prisma client on the JS engine (the only engine that works offline) with the adapter DATABASE_URL calls for:
 * better-sqlite3 for `file:` URLs (the embedded default), node-postgres for `postgresql://` URLs.
 */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  if (isPostgresUrl(url)) return createPostgresPrismaClient(url);
  useWriteAheadLog(sqliteFilePath(url));
  return new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url }),
    transactionOptions: TRANSACTION_OPTIONS,
  });
}

const prisma: PrismaClient = globalThis.tailroutePrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalThis.tailroutePrisma = prisma;

export default prisma;
