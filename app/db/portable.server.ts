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
 * SQLite refused the statement because another connection (another process: the app server, a job worker, the
 * CLI) holds the file's lock: after better-sqlite3's busy timeout, or at once when waiting could deadlock
 * (https://www.sqlite.org/lockingv3.html). The adapter reports it as P1008 (P2010 for raw SQL) with the driver's
 * SQLITE_BUSY code underneath, or a stale snapshot as SQLITE_BUSY_SNAPSHOT itself.
 */
export function isSqliteBusy(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)
    ?.meta?.driverAdapterError?.cause;
  if (typeof cause?.originalCode === "string" && cause.originalCode.startsWith("SQLITE_BUSY")) return true;
  // A write in a transaction whose snapshot another connection's commit made stale (WAL mode) comes as Prisma's
  // error with SQLite's code itself: SQLITE_BUSY_SNAPSHOT (https://www.sqlite.org/rescode.html#busy_snapshot).
  const code = (error as { name?: unknown; code?: unknown } | null)?.code;
  return (
    (error as { name?: unknown } | null)?.name === "PrismaClientKnownRequestError" &&
    typeof code === "string" &&
    code.startsWith("SQLITE_BUSY")
  );
}

/**
 * The database refused a transaction because another one got there first: a unique index (P2002), a write
 * conflict / deadlock PostgreSQL resolved by aborting us (P2034), or SQLite's lock held by another connection.
 * Redoing the transaction is the fix.
 * Codes: https://www.prisma.io/docs/orm/reference/error-reference#prisma-client-query-engine
 */
export function isTransactionConflict(error: unknown): boolean {
  return (
    isUniqueConstraintViolation(error) ||
    isSqliteBusy(error) ||
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

/**
 * Runs `write` again when the database refused it because a concurrent writer got there first
 * (isTransactionConflict, or what `alsoRedo` says). Every conflict has a winner, so N writers racing on one row (a
 * provider's retries, a fulfillment webhook and a tracking event naming the same parcel) need at most N attempts;
 * a short random pause keeps the losers from colliding again in lockstep.
 */
export async function redoOnConflict<T>(
  write: () => Promise<T>,
  options: { attempts?: number; alsoRedo?: (error: unknown) => boolean } = {},
): Promise<T> {
  const attempts = options.attempts ?? 10;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const conflict = isTransactionConflict(error) || (options.alsoRedo?.(error) ?? false);
      if (!conflict || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
