// The app's SQLite file is in write-ahead-log mode (app/db/sqlite-wal.ts): another process reading it (the CLI, a
// job worker, a test's own connection) does not hold up the app's writes, which in the default rollback-journal
// mode wait for every reader to finish and fail with SQLITE_BUSY after the busy timeout
// (https://www.sqlite.org/wal.html, https://www.sqlite.org/lockingv3.html). The other connections use better-sqlite3,
// the app's own SQLite library, not node:sqlite: two copies of SQLite in one process do not see each other's file
// locks (https://www.sqlite.org/howtocorrupt.html, "Multiple copies of SQLite linked into the same application").
// Importing app/db.server first installs its statement cache, which keeps better-sqlite3 from aborting the worker.
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { sqliteFilePath } from "../../app/db/database-url";
import { freshSqliteDatabase } from "../../scripts/lib/app-server";

const dir = mkdtempSync(join(tmpdir(), "tailroute-sqlite-wal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the app's SQLite database", () => {
  it("is in write-ahead-log mode once the app opened it", async () => {
    // GIVEN a freshly migrated database  WHEN the app opens it
    const url = freshSqliteDatabase(join(dir, "mode.sqlite"));
    const db = createPrismaClient(url);
    await db.webhookReceipt.count();
    await db.$disconnect();
    // THEN the file says WAL to any other connection
    const other = new Database(sqliteFilePath(url), { readonly: true });
    expect(other.pragma("journal_mode", { simple: true })).toBe("wal");
    other.close();
  });

  it("takes a write while another process is in the middle of reading it", async () => {
    // GIVEN the app's client, and another connection holding a read transaction open (as a CLI listing jobs would)
    const url = freshSqliteDatabase(join(dir, "reader.sqlite"));
    const db = createPrismaClient(url);
    const reader = new Database(sqliteFilePath(url));
    reader.exec("BEGIN");
    expect(reader.prepare("SELECT COUNT(*) AS n FROM WebhookReceipt").get()).toEqual({ n: 0 });
    try {
      // WHEN the app writes
      const written = await db.webhookReceipt
        .create({ data: { shop: "reader-beside.myshopify.com", webhookId: "w-1", topic: "orders/create" } })
        .then(() => "written")
        .catch((error: unknown) => (error as Error).message);
      // THEN the write lands, and the reader still sees the snapshot it started with
      expect(written).toBe("written");
      expect(reader.prepare("SELECT COUNT(*) AS n FROM WebhookReceipt").get()).toEqual({ n: 0 });
    } finally {
      reader.exec("COMMIT");
      reader.close();
      await db.$disconnect();
    }
    const after = createPrismaClient(url);
    expect(await after.webhookReceipt.count()).toBe(1);
    await after.$disconnect();
  });

  it("lets a transaction that read first write, even when another connection tried to write in between", async () => {
    // GIVEN the app in a transaction that has read a row it is about to update (read, then write, as the stock
    // webhook does), and another connection that does not wait for locks
    const url = freshSqliteDatabase(join(dir, "snapshot.sqlite"));
    const db = createPrismaClient(url);
    const other = new Database(sqliteFilePath(url), { timeout: 0 });
    let otherWrite = "";
    try {
      const outcome = await db
        .$transaction(async (tx) => {
          await tx.webhookReceipt.count();
          // WHEN the other connection writes while the transaction is open
          try {
            other.exec(`INSERT INTO WebhookReceipt (id, shop, webhookId, topic, receivedAt)
              VALUES ('r-other', 'other.myshopify.com', 'w-other', 'orders/create', 0)`);
            otherWrite = "written";
          } catch (error) {
            otherWrite = (error as { code?: string }).code ?? "refused";
          }
          await tx.webhookReceipt.create({
            data: { shop: "snapshot.myshopify.com", webhookId: "w-app", topic: "orders/create" },
          });
          return "committed";
        })
        .catch((error: unknown) => (error as Error).message);
      // THEN the app's transaction commits (it held the write lock from its start, so the other write had to wait
      // its turn and was refused at once for having no busy timeout), rather than failing with a stale snapshot
      expect(outcome).toBe("committed");
      expect(otherWrite).toBe("SQLITE_BUSY");
    } finally {
      other.close();
      await db.$disconnect();
    }
  });

  it("runs a transaction that cannot get the write lock in time as a plain one, and the next is not stuck", async () => {
    // GIVEN another connection holding the write lock, and the app's client with a short busy timeout
    const url = freshSqliteDatabase(join(dir, "held.sqlite"));
    createPrismaClient(url).$disconnect(); // (puts the file in WAL mode)
    const holder = new Database(sqliteFilePath(url));
    holder.exec("BEGIN IMMEDIATE");
    const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 50 }) });
    try {
      // WHEN a transaction that only reads starts while the lock is held
      const read = await db
        .$transaction(async (tx) => tx.webhookReceipt.count())
        .catch((error: unknown) => (error as Error).message);
      // THEN it reads, as a transaction that waits for no lock
      expect(read).toBe(0);
      // AND once the lock is free, the next transaction writes (the client's one-transaction-at-a-time lock was
      // given back: Prisma's adapter kept it for good when its BEGIN failed, and every later transaction hung)
      holder.exec("COMMIT");
      const next = await Promise.race([
        db
          .$transaction((tx) =>
            tx.webhookReceipt.create({ data: { shop: "held.myshopify.com", webhookId: "w-1", topic: "t" } }),
          )
          .then(() => "written"),
        new Promise((resolve) => setTimeout(() => resolve("stuck for 5 s"), 5_000)),
      ]);
      expect(next).toBe("written");
    } finally {
      holder.close();
      await db.$disconnect();
    }
  });
});
