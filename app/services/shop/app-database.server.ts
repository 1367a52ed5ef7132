import type { PrismaClient } from "@prisma/client";
import db from "../../db.server";

// Routes never hold the Prisma client (ESLint; docs/admin.md): a route whose service takes a database runs it
// through here on the app's own client, and every query stays inside the service.

/**
 * Runs a service on the app's database.
 *
 * @example
 * await withAppDb((db) => eraseShop(db, shop));
 */
export function withAppDb<T>(run: (db: PrismaClient) => T): T {
  return run(db);
}

/** Liveness: the app's database answers a trivial query (throws when it does not). */
export async function checkAppDatabase(): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
