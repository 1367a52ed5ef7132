import Database from "better-sqlite3";

/**
 * Puts a SQLite database file in write-ahead-log mode (https://www.sqlite.org/wal.html): readers and the writer no
 * longer block each other, so the app server, job workers and the CLI on one file wait only for each other's
 * writes, and a commit costs fewer fsyncs. The mode is stored in the file itself, so after the first open this only
 * reads it. All processes must be on one host (WAL needs shared memory: no network filesystem), and a copy of a
 * live database must include its `-wal` file or be made with `sqlite3 .backup` (docs/deploy.md).
 *
 * Never fails an open: a file that does not exist yet (Prisma creates it) or that another process holds locked at
 * this moment stays as it is until the next open.
 */
export function useWriteAheadLog(path: string): void {
  if (!path || path === ":memory:") return;
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: 1_000, fileMustExist: true });
    // exec, not pragma(): no prepared statement is left for the statement cache (sqlite-statement-cache.ts) to keep.
    db.exec("PRAGMA journal_mode = WAL");
  } catch {
    // Busy or read-only: the rollback journal still works, with readers and the writer taking turns.
  } finally {
    db?.close();
  }
}
