import type { Prisma, PrismaClient } from "@prisma/client";
import { isPostgresPrismaClient } from "../db/postgres.server";

/** pg-boss's own schema in the app's database (created by pg-boss on start; shop/redact deletes from it). */
export const PGBOSS_SCHEMA = "pgboss";

/**
 * shop/redact: the shop's Job rows and, on PostgreSQL, its pg-boss jobs (when pg-boss's schema exists yet).
 * Whichever engine runs, no process needs to be running one.
 */
export async function eraseShopJobs(db: PrismaClient, shop: string): Promise<number> {
  let n = (await db.job.deleteMany({ where: { shop } })).count;
  if (!isPostgresPrismaClient(db)) return n;
  if (await hasBossSchema(db))
    n += await db.$executeRawUnsafe(`DELETE FROM ${PGBOSS_SCHEMA}.job WHERE group_id = $1`, shop);
  return n;
}

/** Whether pg-boss has created its schema in this (PostgreSQL) database yet. */
export async function hasBossSchema(db: Prisma.TransactionClient): Promise<boolean> {
  const [row] = await db.$queryRawUnsafe<{ present: boolean }[]>(
    `SELECT to_regclass('${PGBOSS_SCHEMA}.job') IS NOT NULL AS present`,
  );
  return Boolean(row?.present);
}
