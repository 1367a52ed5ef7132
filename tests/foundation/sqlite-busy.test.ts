// SQLite has one writer at a time across every process on the file (the app server, job workers, the CLI). A
// write that finds the lock taken waits up to better-sqlite3's busy timeout, and a transaction that read first
// can be refused at once (SQLite's deadlock rule: https://www.sqlite.org/lockingv3.html). Either way Prisma reports
// P1008 with SQLITE_BUSY underneath; redoing the whole transaction is the answer, as for a unique-index conflict.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { isTransactionConflict, redoOnConflict } from "../../app/db/portable.server";
import { freshSqliteDatabase } from "../../scripts/lib/app-server";

const dir = mkdtempSync(join(tmpdir(), "tailroute-sqlite-busy-"));
const url = freshSqliteDatabase(join(dir, "busy.sqlite"));
const holder = createPrismaClient(url);
// A second process's view of the file, with a short busy timeout so the test does not wait 5 s.
const other = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 50 }) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const write = (k: string) => other.$executeRawUnsafe(`INSERT INTO busy_probe (k) VALUES ('${k}')`);

beforeAll(() => holder.$executeRawUnsafe("CREATE TABLE busy_probe (k TEXT PRIMARY KEY)"));

/** Holds SQLite's write lock for `ms` (a write transaction that has written and not yet committed). */
async function holdWriteLock(ms: number): Promise<{ released: Promise<unknown> }> {
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const released = holder.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`INSERT INTO busy_probe (k) VALUES ('holder-${ms}')`);
    locked();
    await sleep(ms);
  });
  await isLocked;
  return { released };
}

afterAll(async () => {
  await Promise.all([holder.$disconnect(), other.$disconnect()]);
  rmSync(dir, { recursive: true, force: true });
});

describe("SQLite's busy refusal", () => {
  it("counts as a transaction conflict", async () => {
    // GIVEN another connection holds the write lock
    const { released } = await holdWriteLock(300);
    // WHEN this one writes
    const error = await write("busy-a").catch((e: unknown) => e);
    await released;
    // THEN SQLite refused it as busy, and that is a conflict to redo
    expect(error).toMatchObject({ meta: { driverAdapterError: { cause: { originalCode: "SQLITE_BUSY" } } } });
    expect(isTransactionConflict(error)).toBe(true);
  });

  it("is redone by redoOnConflict until the lock is free, and the write lands once", async () => {
    // GIVEN another connection holds the write lock for 300 ms
    const { released } = await holdWriteLock(301);
    // WHEN this one writes through redoOnConflict
    await redoOnConflict(() => write("busy-b"));
    await released;
    // THEN the write landed once
    expect(await other.$queryRawUnsafe(`SELECT k FROM busy_probe WHERE k = 'busy-b'`)).toEqual([
      { k: "busy-b" },
    ]);
  });

  it("counts a transaction refused for a stale snapshot as a conflict too (WAL mode)", async () => {
    // GIVEN another connection holds the write lock past this client's busy timeout, so this client's transaction
    // begins as a plain one (app/db/sqlite-immediate-transactions.ts) and reads
    const { released } = await holdWriteLock(302);
    const error = await other
      .$transaction(async (tx) => {
        await tx.$queryRawUnsafe("SELECT COUNT(*) FROM busy_probe");
        // WHEN the other connection commits its write, then this transaction writes
        await released;
        await tx.$executeRawUnsafe(`INSERT INTO busy_probe (k) VALUES ('busy-c')`);
      })
      .catch((e: unknown) => e);
    // THEN SQLite refused it (its snapshot is stale), and that is a conflict to redo
    expect(error).toMatchObject({ code: "SQLITE_BUSY_SNAPSHOT" });
    expect(isTransactionConflict(error)).toBe(true);
  });
});
