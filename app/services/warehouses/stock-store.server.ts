import type { PrismaClient } from "@prisma/client";
import type { InventoryLevelsUpdatePayload } from "../../contracts/inventory-webhook";
import type { ShopConfig } from "../../engine/types";

const LOCATION = "gid://shopify/Location/";
const ITEM = "gid://shopify/InventoryItem/";
const VARIANT = "gid://shopify/ProductVariant/";

/** Synced stock per engine warehouse id (its key): units per variant (legacy numeric id, as the callback sends). */
export type StockOverlay = Map<string, Record<string, number>>;

export type StockUpdateOutcome = "UPDATED" | "STALE" | "UNLINKED_LOCATION";

/** The shop's warehouses that mirror a Shopify location: location gid → warehouse key. */
export async function linkedLocations(db: PrismaClient, shop: string): Promise<Map<string, string>> {
  const rows = await db.warehouse.findMany({
    where: { shop, shopifyLocationId: { not: null } },
    select: { key: true, shopifyLocationId: true },
  });
  return new Map(rows.map((w) => [w.shopifyLocationId as string, w.key]));
}

/**
 * Applies one inventory_levels/update delivery: the level's row is written unless a newer update is already
 * stored (Shopify does not guarantee order), and the shop's `stockVersion` is bumped in the same transaction so
 * every instance's callback cache reloads. A location that no warehouse mirrors is ignored.
 */
export async function applyInventoryLevelUpdate(
  db: PrismaClient,
  shop: string,
  payload: InventoryLevelsUpdatePayload,
): Promise<StockUpdateOutcome> {
  const locationId = `${LOCATION}${payload.location_id}`;
  const inventoryItemId = `${ITEM}${payload.inventory_item_id}`;
  const locations = await linkedLocations(db, shop);
  if (!locations.has(locationId)) return "UNLINKED_LOCATION";
  const levelUpdatedAt = new Date(payload.updated_at);
  const tracked = payload.available !== null;
  const available = payload.available ?? 0;
  return db.$transaction(async (tx) => {
    const where = { shop_locationId_inventoryItemId: { shop, locationId, inventoryItemId } };
    const existing = await tx.warehouseStock.findUnique({ where, select: { levelUpdatedAt: true } });
    if (existing && existing.levelUpdatedAt > levelUpdatedAt) return "STALE";
    await tx.warehouseStock.upsert({
      where,
      create: { shop, locationId, inventoryItemId, tracked, available, levelUpdatedAt },
      update: { tracked, available, levelUpdatedAt },
    });
    await tx.shop.updateMany({ where: { shop }, data: { stockVersion: { increment: 1 } } });
    return "UPDATED";
  });
}

/**
 * The shop's synced stock as the engine reads it. A warehouse appears once a level at its location is stored;
 * the others keep their configured snapshot. Items whose variant is still unknown (a webhook before the first
 * full sync) are left out; untracked items are unlimited (Infinity).
 */
export async function loadStockOverlay(db: PrismaClient, shop: string): Promise<StockOverlay> {
  const [locations, rows] = await Promise.all([
    linkedLocations(db, shop),
    db.warehouseStock.findMany({
      where: { shop },
      select: { locationId: true, variantId: true, tracked: true, available: true },
    }),
  ]);
  const overlay: StockOverlay = new Map();
  for (const row of rows) {
    const key = locations.get(row.locationId);
    if (!key) continue;
    const units = overlay.get(key) ?? {};
    overlay.set(key, units);
    if (!row.variantId?.startsWith(VARIANT)) continue;
    units[row.variantId.slice(VARIANT.length)] = row.tracked
      ? Math.max(0, row.available)
      : Number.POSITIVE_INFINITY;
  }
  return overlay;
}

/**
 * When each synced warehouse's stock was last confirmed from Shopify (warehouse key → instant): the later of the
 * newest level written at its location (webhook or sync) and the shop's last completed full sync. The engine says
 * "in stock" only within a day of it (docs/engine.md).
 */
export async function loadStockSyncTimes(db: PrismaClient, shop: string): Promise<Map<string, Date>> {
  const [locations, newest, lastSync] = await Promise.all([
    linkedLocations(db, shop),
    db.warehouseStock.groupBy({ by: ["locationId"], where: { shop }, _max: { updatedAt: true } }),
    db.stockSync.findFirst({
      where: { shop, state: "COMPLETED", finishedAt: { not: null } },
      orderBy: { finishedAt: "desc" },
      select: { finishedAt: true },
    }),
  ]);
  const times = new Map<string, Date>();
  for (const row of newest) {
    const key = locations.get(row.locationId);
    const at = row._max.updatedAt;
    if (!key || !at) continue;
    const synced = lastSync?.finishedAt && lastSync.finishedAt > at ? lastSync.finishedAt : at;
    times.set(key, synced);
  }
  return times;
}

/**
 * The configuration with each synced warehouse's inventory replaced by its synced stock, and the time that stock
 * was confirmed (`stockSyncedAt`); the others keep their configured snapshot, unconfirmed.
 */
export function withSyncedStock(
  config: ShopConfig,
  overlay: StockOverlay,
  syncTimes: ReadonlyMap<string, Date> = new Map(),
): ShopConfig {
  if (overlay.size === 0) return config;
  return {
    ...config,
    warehouses: config.warehouses.map((w) => {
      const synced = overlay.get(w.id);
      if (!synced) return w;
      const at = syncTimes.get(w.id);
      return { ...w, inventory: synced, ...(at ? { stockSyncedAt: at.toISOString() } : {}) };
    }),
  };
}
