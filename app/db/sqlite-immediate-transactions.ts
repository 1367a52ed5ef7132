import Database from "better-sqlite3";

const INSTALLED = Symbol.for("tailroute.sqliteImmediateTransactions");

const isBusy = (error: unknown) =>
  typeof (error as { code?: unknown } | null)?.code === "string" &&
  (error as { code: string }).code.startsWith("SQLITE_BUSY");

/**
 * Prisma's SQLite adapter opens every transaction with a plain `BEGIN`, which takes the write lock only at the first
 * write. In write-ahead-log mode (app/db/sqlite-wal.ts) a transaction that read first and then writes after another
 * connection committed a write is refused at once with SQLITE_BUSY_SNAPSHOT: its snapshot is stale, and no busy
 * timeout helps (https://www.sqlite.org/wal.html, "Sometimes Queries Return SQLITE_BUSY In WAL Mode";
 * https://www.sqlite.org/lang_transaction.html). `BEGIN IMMEDIATE` takes the write lock when the transaction
 * starts, so a transaction waits its turn (better-sqlite3's busy timeout) instead of failing halfway.
 * Plain reads outside a transaction are not affected and still run beside the writer.
 *
 * When the lock stays taken past the busy timeout, the transaction begins as a plain `BEGIN` after all, as before:
 * the adapter takes its one-transaction-at-a-time lock before `BEGIN` and does not give it back when `BEGIN`
 * throws, so a failing `BEGIN IMMEDIATE` would leave every later transaction of the client waiting forever. A plain
 * `BEGIN` takes no lock and cannot fail busy; the transaction's first write then waits, or fails as a conflict
 * (`redoOnConflict`, app/db/portable.server.ts).
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
    if (sql !== "BEGIN") return prepare.call(this, sql);
    const immediate = prepare.call(this, "BEGIN IMMEDIATE") as Database.Statement<[]>;
    const deferred = prepare.call(this, "BEGIN") as Database.Statement<[]>;
    // Not a Json read: the adapter only runs its BEGIN statement.
    return {
      run() {
        try {
          return immediate.run();
        } catch (error) {
          if (!isBusy(error)) throw error;
          return deferred.run();
        }
      },
    } as unknown as Database.Statement;
  } as typeof Database.prototype.prepare;
}
