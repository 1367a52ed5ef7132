import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import { offlineAdminClient } from "../../services/admin/admin-graphql.server";
import { runStockSync } from "../../services/warehouses/stock-sync.server";
import { enqueueJob, type JobWriter } from "../enqueue.server";
import type { JobKind } from "../types";

export const STOCK_FULL_SYNC = "stock.full-sync";

export interface StockFullSyncPayload {
  /** Why the sync was asked for: "install", "cli", "admin". */
  reason: string;
}

/**
 * A full stock sync of the shop, on install or on demand. The key names the request, so asking twice for the same
 * one (a redelivered install, a double click) syncs once.
 */
export function enqueueStockFullSync(
  tx: JobWriter,
  shop: string,
  request: { reason: string; key: string },
): Promise<string> {
  return enqueueJob(tx, STOCK_FULL_SYNC, { reason: request.reason } satisfies StockFullSyncPayload, {
    key: `${shop}:${request.key}`,
    shop,
  });
}

/**
 * Starts or resumes the shop's bulk operation, streams its JSONL into WarehouseStock and reports progress
 * (docs/warehouses.md). Any failure fails the attempt with its error: throttling, a network error or a crash
 * resume the same operation on the next attempt; Shopify failing the operation (its StockSync row is FAILED with
 * Shopify's reason) starts a new one. After the last attempt the job is FAILED with that error — listed by
 * `tailroute jobs --failed` and the admin's Background work for Retry — never dropped.
 */
export function stockFullSyncKind(
  db: PrismaClient,
  deps: JobDeps & { pollMs?: number } = {},
): JobKind<StockFullSyncPayload> {
  return {
    kind: STOCK_FULL_SYNC,
    attempts: 5,
    backoff: deps.backoff ?? { baseMs: 30_000, maxMs: 10 * 60_000 },
    timeoutMs: 30 * 60_000,
    concurrencyPerShop: 1,
    async handler(_payload, { shop, signal, progress }) {
      const client = await (deps.clientFor ?? ((s: string) => offlineAdminClient(db, s)))(shop);
      if (!client) return { drop: "no offline Admin access for the shop" };
      await runStockSync(db, client, shop, {
        signal,
        progress: (p) => progress(p),
        ...(deps.pollMs !== undefined ? { pollMs: deps.pollMs } : {}),
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.retry ? { retry: deps.retry } : {}),
      });
    },
  };
}
