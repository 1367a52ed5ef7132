import type Database from "better-sqlite3";

type Prepare = (sql: string) => Database.Statement<[]>;

const isBusy = (error: unknown) =>
  typeof (error as { code?: unknown } | null)?.code === "string" &&
  (error as { code: string }).code.startsWith("SQLITE_BUSY");

/**
 * The statement Prisma's SQLite adapter runs as its `BEGIN` (installed by sqlite-statement-cache.ts, the one patch
 * of better-sqlite3's `prepare`). A plain `BEGIN` takes the write lock only at the first write. In write-ahead-log
 * mode (app/db/sqlite-wal.ts) a transaction that read first and then writes after another connection committed a
 * write is refused at once with SQLITE_BUSY_SNAPSHOT: its snapshot is stale, and no busy timeout helps
 * (https://www.sqlite.org/wal.html, "Sometimes Queries Return SQLITE_BUSY In WAL Mode";
 * https://www.sqlite.org/lang_transaction.html). `BEGIN IMMEDIATE` takes the write lock when the transaction
 * starts, so a transaction waits its turn (better-sqlite3's busy timeout) instead of failing halfway.
 * Plain reads outside a transaction are not affected and still run beside the writer.
 *
 * When the lock stays taken past the busy timeout, the transaction begins as a plain `BEGIN` after all, as before:
 * the adapter takes its one-transaction-at-a-time lock before `BEGIN` and does not give it back when `BEGIN`
 * throws, so a failing `BEGIN IMMEDIATE` would leave every later transaction of the client waiting forever. A plain
 * `BEGIN` takes no lock and cannot fail busy; the transaction's first write then waits, or fails as a conflict
 * (`redoOnConflict`, app/db/portable.server.ts).
 */
export function immediateBegin(prepare: Prepare): Database.Statement<[]> {
  const immediate = prepare("BEGIN IMMEDIATE");
  // Not a Json read: the adapter only runs its BEGIN statement.
  return {
    run() {
      try {
        return immediate.run();
      } catch (error) {
        if (!isBusy(error)) throw error;
        return prepare("BEGIN").run();
      }
    },
  } as unknown as Database.Statement<[]>;
}
