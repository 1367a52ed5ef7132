import Database from "better-sqlite3";
import { immediateBegin } from "./sqlite-immediate-transactions";

/**
 * Keeps every better-sqlite3 statement alive for the life of the process.
 *
 * Why: on Node 24, better-sqlite3 (11 and 12) aborts the process when the garbage collector finalizes a
 * `Statement` at a moment Node has no current environment (`RemoveEnvironmentCleanupHook: (env) != nullptr`,
 * reported upstream; Node 22 is unaffected). Prisma's adapter prepares a fresh statement per query and
 * drops it, so a busy process crashed within seconds. Here `Database#prepare` hands out light wrappers over
 * one cached native statement per SQL text, kept reachable in a module-level registry so that no native
 * statement (or database) is ever garbage collected. Memory is bounded by the number of distinct SQL texts
 * the app issues. Remove this when better-sqlite3 fixes the finalizer.
 */
type NativeStatement = Database.Statement<unknown[]>;
const cachesByDatabase = new Map<Database.Database, Map<string, NativeStatement>>();
const INSTALLED = Symbol.for("tailroute.sqliteStatementCache");

/** What Prisma's adapter uses of a statement: bind once, then run or read rows as arrays. */
class ReusableStatement {
  private args: unknown[] = [];
  private rawRows = false;
  constructor(private readonly native: NativeStatement) {}
  get reader(): boolean {
    return this.native.reader;
  }
  bind(...args: unknown[]): this {
    this.args = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    return this;
  }
  columns() {
    return this.native.columns();
  }
  raw(toggle = true): this {
    this.rawRows = toggle;
    return this;
  }
  run(...args: unknown[]) {
    return this.native.run(...(args.length ? args : this.args));
  }
  all(...args: unknown[]) {
    return this.native.raw(this.rawRows).all(...(args.length ? args : this.args));
  }
  get(...args: unknown[]) {
    return this.native.raw(this.rawRows).get(...(args.length ? args : this.args));
  }
}

/**
 * Patches `Database.prototype.prepare` once per process, the one patch of better-sqlite3 (Prisma's adapter reaches
 * SQLite through `prepare` only): statements cached as above, and transactions begun IMMEDIATE
 * (sqlite-immediate-transactions.ts). Idempotent.
 */
export function installSqliteStatementCache(): void {
  // Not a Json read: the prototype gets a private marker property its type does not declare.
  const proto = Database.prototype as unknown as Record<symbol | string, unknown>;
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const originalPrepare = Database.prototype.prepare;
  const cachedPrepare = (db: Database.Database, sql: string) => {
    let cache = cachesByDatabase.get(db);
    if (!cache) cachesByDatabase.set(db, (cache = new Map()));
    let native = cache.get(sql);
    if (!native) {
      native = originalPrepare.call(db, sql) as NativeStatement;
      cache.set(sql, native);
    }
    // Not a Json read: the wrapper implements the Statement methods the Prisma adapter calls, not the whole class.
    return new ReusableStatement(native) as unknown as Database.Statement<[]>;
  };
  Database.prototype.prepare = function prepare(this: Database.Database, sql: string) {
    // Prisma's adapter begins every transaction with this exact text (sqlite-immediate-transactions.ts).
    if (sql === "BEGIN") return immediateBegin((text) => cachedPrepare(this, text));
    return cachedPrepare(this, sql);
  } as typeof Database.prototype.prepare;
}
