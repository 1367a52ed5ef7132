import Database from "better-sqlite3";

const INSTALLED = Symbol.for("tailroute.sqliteImmediateTransactions");

/**
 * Prisma's SQLite adapter opens every transaction with a plain `BEGIN`, which takes the write lock only at the first
 * write. In write-ahead-log mode (app/db/sqlite-wal.ts) a transaction that read first and then writes after another
 * connection committed a write is refused at once with SQLITE_BUSY_SNAPSHOT: its snapshot is stale, and no busy
 * timeout helps (https://www.sqlite.org/wal.html, "Sometimes Queries Return SQLITE_BUSY In WAL Mode";
 * https://www.sqlite.org/lang_transaction.html). `BEGIN IMMEDIATE` takes the write lock when the transaction
 * starts, so a transaction waits its turn (better-sqlite3's busy timeout) instead of failing halfway.
 * Plain reads outside a transaction are not affected and still run beside the writer.
 *
 * Patches `Database.prototype.prepare` once per process, for the exact text `BEGIN` only. Idempotent.
 */
export function installImmediateTransactions(): void {
  // Not a Json read: the prototype gets a private marker property its type does not declare.
  const proto = Database.prototype as unknown as Record<symbol | string, unknown>;
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function prepareImmediate(this: Database.Database, sql: string) {
    return prepare.call(this, sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
  } as typeof Database.prototype.prepare;
}
