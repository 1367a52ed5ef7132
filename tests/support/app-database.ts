import { inject } from "vitest";
import { createPrismaClient } from "../../app/db.server";

/** A Prisma client on the database of the app that the global setup started. */
export function appDatabase() {
  return createPrismaClient(inject("appDatabaseUrl"));
}
