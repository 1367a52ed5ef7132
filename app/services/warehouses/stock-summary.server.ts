import type { PrismaClient } from "@prisma/client";

export interface WarehouseStockSummary {
  warehouse: string;
  name: string;
  locationId: string | null;
  /** Variants with a stored level here (tracked or not). */
  variants: number;
  /** Units available over the tracked variants (negative levels count as 0). */
  units: number;
  untrackedVariants: number;
  /** Levels a webhook stored before a full sync mapped their item to a variant (not used at checkout yet). */
  unmappedItems: number;
  lastUpdate: Date | null;
}

export interface StockSummary {
  shop: string;
  warehouses: WarehouseStockSummary[];
  lastSync: {
    id: string;
    state: string;
    levels: number;
    startedAt: Date;
    finishedAt: Date | null;
    error: string | null;
  } | null;
}

/** What `tailroute stock` and the admin show: per warehouse, its synced stock; and the shop's latest full sync. */
export async function stockSummary(db: PrismaClient, shop: string): Promise<StockSummary> {
  const [warehouses, rows, lastSync] = await Promise.all([
    db.warehouse.findMany({
      where: { shop },
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
      select: { key: true, name: true, shopifyLocationId: true },
    }),
    db.warehouseStock.findMany({
      where: { shop },
      select: { locationId: true, variantId: true, tracked: true, available: true, updatedAt: true },
    }),
    db.stockSync.findFirst({
      where: { shop },
      orderBy: { startedAt: "desc" },
      select: { id: true, state: true, levels: true, startedAt: true, finishedAt: true, error: true },
    }),
  ]);
  return {
    shop,
    warehouses: warehouses.map((w) => {
      const here = w.shopifyLocationId ? rows.filter((r) => r.locationId === w.shopifyLocationId) : [];
      const mapped = here.filter((r) => r.variantId !== null);
      return {
        warehouse: w.key,
        name: w.name,
        locationId: w.shopifyLocationId,
        variants: mapped.length,
        units: mapped.filter((r) => r.tracked).reduce((n, r) => n + Math.max(0, r.available), 0),
        untrackedVariants: mapped.filter((r) => !r.tracked).length,
        unmappedItems: here.length - mapped.length,
        lastUpdate: here.reduce<Date | null>((d, r) => (d && d > r.updatedAt ? d : r.updatedAt), null),
      };
    }),
    lastSync,
  };
}

/**
 * Asks for the full sync that follows an install (afterAuth): keyed by the install's time, so the OAuth runs of
 * one install sync once and a reinstall syncs again.
 */
export async function requestInstallStockSync(db: PrismaClient, shop: string): Promise<void> {
  const row = await db.shop.findUnique({ where: { shop }, select: { installedAt: true } });
  if (!row) return;
  const { enqueueStockFullSync } = await import("../../jobs/kinds/stock-full-sync.server");
  await enqueueStockFullSync(db, shop, {
    reason: "install",
    key: `install:${row.installedAt.toISOString()}`,
  });
}
