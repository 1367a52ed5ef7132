import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { freshTestDatabase } from "../support/test-database";

// SQLite runs one interactive transaction at a time: a burst of webhooks queues for the writer. With Prisma's
// default maxWait (2 s) the tail of the queue failed with P2028 and its request answered 500
// (app/db/transaction-options.ts).

const dir = mkdtempSync(join(tmpdir(), "tailroute-tx-queue-"));
const db = createPrismaClient(freshTestDatabase("tx_queue", dir));

afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("a burst of interactive transactions", () => {
  it("all commit when the queue for the writer is longer than Prisma's default wait", async () => {
    // GIVEN 16 transactions that each hold the database for 250 ms (4 s of queue on a single writer)
    const burst = Array.from({ length: 16 }, (_, i) =>
      db.$transaction(async (tx) => {
        await tx.webhookReceipt.create({
          data: { shop: "tx-queue.myshopify.com", webhookId: `burst-${i}`, topic: "orders/create" },
        });
        await new Promise((resolve) => setTimeout(resolve, 250));
      }),
    );
    // WHEN they run together
    const settled = await Promise.allSettled(burst);
    // THEN none was refused for waiting, and every write is there
    expect(settled.filter((s) => s.status === "rejected").map((s) => String(s.reason))).toEqual([]);
    expect(await db.webhookReceipt.count({ where: { shop: "tx-queue.myshopify.com" } })).toBe(16);
  }, 60_000);
});
