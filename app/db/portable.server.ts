// Prisma values and errors that work with both generated clients (SQLite and PostgreSQL). Each client has its
// own runtime, so `instanceof Prisma.PrismaClientKnownRequestError` and `Prisma.DbNull` from @prisma/client are
// only understood by the SQLite client (and `instanceof` cannot tell the clients apart: Prisma hands out a
// proxy); code that receives a client as a parameter uses these instead.
import { Prisma, type PrismaClient } from "@prisma/client";
import { isPostgresPrismaClient, postgresPrismaNamespace } from "./postgres.server";

/** A unique index refused the write (Prisma P2002), whichever client raised it. */
export function isUniqueConstraintViolation(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: unknown }).name === "PrismaClientKnownRequestError" &&
    (error as { code?: unknown }).code === "P2002"
  );
}

/**
 * The database refused a transaction because another one got there first: a unique index (P2002), or a write
 * conflict / deadlock PostgreSQL resolved by aborting us (P2034). Redoing the transaction is the fix.
 * Codes: https://www.prisma.io/docs/orm/reference/error-reference#prisma-client-query-engine
 */
export function isTransactionConflict(error: unknown): boolean {
  return (
    isUniqueConstraintViolation(error) ||
    (typeof error === "object" &&
      error !== null &&
      (error as { name?: unknown }).name === "PrismaClientKnownRequestError" &&
      (error as { code?: unknown }).code === "P2034")
  );
}

/** SQL NULL for a nullable Json column, in the namespace of the client that will write it. */
export function jsonDbNull(db: PrismaClient): typeof Prisma.DbNull {
  return isPostgresPrismaClient(db)
    ? (postgresPrismaNamespace().DbNull as typeof Prisma.DbNull)
    : Prisma.DbNull;
}

/**
 * A case-insensitive "contains" filter on a text column for either client: PostgreSQL's `contains` is
 * case-sensitive unless `mode: "insensitive"` (ILIKE), which the SQLite client does not accept, while SQLite's
 * LIKE already ignores ASCII case. https://www.prisma.io/docs/orm/prisma-client/queries/case-sensitivity
 */
export function containsText(db: PrismaClient, term: string): { contains: string; mode?: "insensitive" } {
  return isPostgresPrismaClient(db) ? { contains: term, mode: "insensitive" } : { contains: term };
}
