import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import { StockBulkItemLine, StockBulkLevelLine } from "../../contracts/inventory-webhook";
import { adminRequest, type RetryPolicy } from "../order-routing/admin-retry.server";
import { linkedLocations } from "./stock-store.server";

/**
 * The bulk query of a full stock sync: every inventory item with its variant and its levels' available quantity
 * (shopify.dev bulkOperationRunQuery: at most 5 connections, nesting depth 2; JSONL with `__parentId` on nested
 * nodes when groupObjects is false).
 */
export const STOCK_BULK_QUERY = `{
  inventoryItems {
    edges { node { id tracked variant { id }
      inventoryLevels { edges { node { id location { id } quantities(names: ["available"]) { name quantity } updatedAt } } }
    } }
  }
}`;

const RUN = `mutation StockSyncRun($query: String!) {
  bulkOperationRunQuery(query: $query, groupObjects: false) {
    bulkOperation { id status }
    userErrors { field message code }
  }
}`;

const POLL = `query StockSyncPoll($id: ID!) {
  bulkOperation(id: $id) { id status errorCode objectCount url partialDataUrl }
}`;

interface BulkOperation {
  id: string;
  status: string;
  errorCode?: string | null;
  objectCount?: string | number | null;
  url?: string | null;
}

export interface StockSyncProgress {
  done: number;
  /** 0 while unknown (Shopify does not say how many objects a bulk operation will read). */
  total: number;
  note?: string;
}

export interface StockSyncOptions {
  progress?: (p: StockSyncProgress) => Promise<void> | void;
  signal?: AbortSignal;
  /** Between polls of the bulk operation (default 2 s). */
  pollMs?: number;
  fetchJsonl?: (url: string, signal?: AbortSignal) => Promise<Response>;
  now?: () => Date;
  /** Retries of one throttled or failed Admin call inside the attempt (admin-retry). */
  retry?: RetryPolicy;
}

export interface StockSyncResult {
  syncId: string;
  levels: number;
  removed: number;
}

const BATCH = 200;

/**
 * Runs (or resumes, after a crash) one full stock sync of a shop: starts the bulk operation, polls it, streams its
 * JSONL and writes each level at a linked location; levels not seen by this sync nor updated by a webhook since it
 * started are removed. One `stockVersion` bump at the end reloads every callback cache.
 */
export async function runStockSync(
  db: PrismaClient,
  client: GraphQLClient,
  shop: string,
  options: StockSyncOptions = {},
): Promise<StockSyncResult> {
  const now = options.now ?? (() => new Date());
  const progress = options.progress ?? (() => undefined);
  const sync =
    (await db.stockSync.findFirst({ where: { shop, state: "RUNNING" }, orderBy: { startedAt: "desc" } })) ??
    (await db.stockSync.create({ data: { shop, startedAt: now() } }));
  try {
    let operationId = sync.bulkOperationId;
    if (!operationId) {
      operationId = await startBulkOperation(client, options.retry);
      await db.stockSync.update({ where: { id: sync.id }, data: { bulkOperationId: operationId } });
    }
    const operation = await waitForOperation(client, operationId, options, progress);
    const levels = operation.url ? await writeJsonl(db, shop, operation.url, options, progress) : 0;
    const removed = await db.$transaction(async (tx) => {
      const gone = await tx.warehouseStock.deleteMany({ where: { shop, updatedAt: { lt: sync.startedAt } } });
      await tx.shop.updateMany({ where: { shop }, data: { stockVersion: { increment: 1 } } });
      await tx.stockSync.update({
        where: { id: sync.id },
        data: { state: "COMPLETED", levels, finishedAt: now(), error: null },
      });
      return gone.count;
    });
    await progress({ done: levels, total: levels, note: `${levels} levels synced, ${removed} removed` });
    return { syncId: sync.id, levels, removed };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const final = error instanceof StockSyncError;
    await db.stockSync.update({
      where: { id: sync.id },
      data: final ? { state: "FAILED", error: message, finishedAt: now() } : { error: message },
    });
    throw error;
  }
}

/** A sync that cannot succeed by retrying the same bulk operation (Shopify failed or refused it). */
export class StockSyncError extends Error {}

async function startBulkOperation(client: GraphQLClient, retry?: RetryPolicy): Promise<string> {
  const data = await adminRequest<{
    bulkOperationRunQuery: {
      bulkOperation: { id: string } | null;
      userErrors: { message: string; code?: string | null }[];
    };
  }>(client, RUN, { query: STOCK_BULK_QUERY }, retry);
  const { bulkOperation, userErrors } = data.bulkOperationRunQuery;
  // OPERATION_IN_PROGRESS and the like: a thrown error retries the job with backoff.
  if (!bulkOperation)
    throw new Error(`bulkOperationRunQuery refused: ${userErrors.map((e) => e.message).join("; ")}`);
  return bulkOperation.id;
}

async function waitForOperation(
  client: GraphQLClient,
  id: string,
  options: StockSyncOptions,
  progress: (p: StockSyncProgress) => Promise<void> | void,
): Promise<BulkOperation> {
  for (;;) {
    options.signal?.throwIfAborted();
    const { bulkOperation } = await adminRequest<{ bulkOperation: BulkOperation | null }>(
      client,
      POLL,
      { id },
      options.retry,
    );
    if (!bulkOperation) throw new StockSyncError(`bulk operation ${id} not found`);
    if (bulkOperation.status === "COMPLETED") return bulkOperation;
    if (["FAILED", "CANCELED", "CANCELING", "EXPIRED"].includes(bulkOperation.status))
      throw new StockSyncError(
        `bulk operation ${bulkOperation.status}${bulkOperation.errorCode ? ` (${bulkOperation.errorCode})` : ""}`,
      );
    await progress({
      done: 0,
      total: 0,
      note: `Shopify has read ${Number(bulkOperation.objectCount ?? 0)} objects`,
    });
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 2000));
  }
}

async function writeJsonl(
  db: PrismaClient,
  shop: string,
  url: string,
  options: StockSyncOptions,
  progress: (p: StockSyncProgress) => Promise<void> | void,
): Promise<number> {
  const locations = await linkedLocations(db, shop);
  const response = await (options.fetchJsonl ?? ((u, signal) => fetch(u, { signal })))(url, options.signal);
  if (!response.ok || !response.body) throw new Error(`bulk operation result: HTTP ${response.status}`);
  const items = new Map<string, { tracked: boolean; variantId: string | null }>();
  const lines = createInterface({ input: Readable.fromWeb(response.body as never), crlfDelay: Infinity });
  let batch: Parameters<typeof writeBatch>[2] = [];
  let written = 0;
  let lineNo = 0;
  for await (const text of lines) {
    lineNo += 1;
    if (text.trim() === "") continue;
    const value: unknown = JSON.parse(text);
    const level = StockBulkLevelLine.safeParse(value);
    if (level.success) {
      const item = items.get(level.data.__parentId);
      if (!item || !locations.has(level.data.location.id)) continue;
      const available = level.data.quantities.find((q) => q.name === "available")?.quantity ?? 0;
      batch.push({
        locationId: level.data.location.id,
        inventoryItemId: level.data.__parentId,
        variantId: item.variantId,
        tracked: item.tracked,
        available,
        levelUpdatedAt: level.data.updatedAt ? new Date(level.data.updatedAt) : new Date(0),
      });
    } else {
      const parsed = StockBulkItemLine.safeParse(value);
      if (!parsed.success)
        throw new StockSyncError(`bulk operation JSONL line ${lineNo} has an unknown shape`);
      items.set(parsed.data.id, { tracked: parsed.data.tracked, variantId: parsed.data.variant?.id ?? null });
    }
    if (batch.length >= BATCH) {
      written += await writeBatch(db, shop, batch);
      batch = [];
      await progress({ done: written, total: 0, note: `${written} levels written` });
    }
  }
  if (batch.length > 0) written += await writeBatch(db, shop, batch);
  return written;
}

async function writeBatch(
  db: PrismaClient,
  shop: string,
  rows: {
    locationId: string;
    inventoryItemId: string;
    variantId: string | null;
    tracked: boolean;
    available: number;
    levelUpdatedAt: Date;
  }[],
): Promise<number> {
  await db.$transaction(async (tx) => {
    for (const row of rows) {
      const where = {
        shop_locationId_inventoryItemId: {
          shop,
          locationId: row.locationId,
          inventoryItemId: row.inventoryItemId,
        },
      };
      const existing = await tx.warehouseStock.findUnique({ where, select: { levelUpdatedAt: true } });
      // A webhook newer than the bulk snapshot keeps its quantity; the sync still fills the variant and marks it seen.
      const quantity =
        existing && existing.levelUpdatedAt > row.levelUpdatedAt
          ? { variantId: row.variantId, tracked: row.tracked }
          : {
              variantId: row.variantId,
              tracked: row.tracked,
              available: row.available,
              levelUpdatedAt: row.levelUpdatedAt,
            };
      await tx.warehouseStock.upsert({ where, create: { shop, ...row }, update: quantity });
    }
  });
  return rows.length;
}
