import type { PrismaClient } from "@prisma/client";
import { isPickupNetwork, PickupPointIndex } from "../../engine/pickup";
import type {
  PickupNetworkRule,
  PickupPointRecord,
  PickupReliabilityRule,
  PointPickupStats,
} from "../../engine/pickup";
import type { ShopConfig } from "../../engine/types";
import { loadShopConfig } from "../shop/config-store.server";
import { loadPickupRules } from "./network-settings.server";
import { loadPickupReliabilityRule, loadPointPickupStats } from "./pickup-reliability.server";

/** Per-point pickup figures are read again after this long (they change with tracking, not with a save). */
export const PICKUP_STATS_TTL_MS = 10 * 60_000;

/** What a pickup query needs about a shop, kept in memory per config version. */
export interface PickupShopRuntime {
  shop: string;
  configVersion: number;
  installed: boolean;
  config: ShopConfig;
  rules: PickupNetworkRule[];
  index: PickupPointIndex;
  /** Points by id (for re-checking a choice). */
  byId: Map<string, PickupPointRecord>;
  /** The shop's "often uncollected" rule and its points' finished holds (docs/pickup-points.md). */
  reliabilityRule: PickupReliabilityRule;
  pickupStats: ReadonlyMap<string, PointPickupStats>;
}

type PointRow = Awaited<ReturnType<PrismaClient["pickupPoint"]["findMany"]>>[number];

/** A stored point as the engine's record (null for a row of an unknown network). */
export function toPointRecord(r: PointRow): PickupPointRecord | null {
  if (!isPickupNetwork(r.network)) return null;
  return {
    id: r.id,
    network: r.network,
    externalId: r.externalId,
    name: r.name,
    address1: r.address1,
    city: r.city,
    province: r.province,
    zip: r.zip,
    lat: r.latitude,
    lng: r.longitude,
    hours: r.hours,
    isSample: r.isSample,
  };
}

/** Loads a shop's active directory as engine records. */
export async function loadPickupPoints(db: PrismaClient, shop: string): Promise<PickupPointRecord[]> {
  const rows = await db.pickupPoint.findMany({ where: { shop, active: true } });
  return rows.map(toPointRecord).filter((p): p is PickupPointRecord => p !== null);
}

/**
 * Per-shop directory index, configuration and rules. Every save (settings, directory import, delivery
 * configuration) bumps Shop.configVersion; a request compares it with one indexed query and rebuilds the
 * kd-tree only when it changed, so every app instance sees a save on its next request.
 */
export class PickupDirectoryCache {
  private readonly entries = new Map<string, PickupShopRuntime>();
  private readonly loading = new Map<string, Promise<PickupShopRuntime | null>>();
  private readonly statsByShop = new Map<
    string,
    { at: number; value: Promise<ReadonlyMap<string, PointPickupStats>> }
  >();

  constructor(private readonly db: PrismaClient) {}

  async get(shop: string, now = new Date()): Promise<PickupShopRuntime | null> {
    const row = await this.db.shop.findUnique({
      where: { shop },
      select: { configVersion: true, uninstalledAt: true },
    });
    if (!row) return null;
    const cached = this.entries.get(shop);
    if (cached && cached.configVersion === row.configVersion)
      return { ...cached, installed: row.uninstalledAt === null, pickupStats: await this.stats(shop, now) };
    const key = `${shop}|${row.configVersion}`;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.load(shop, row.configVersion, row.uninstalledAt === null, now).finally(() =>
        this.loading.delete(key),
      );
      this.loading.set(key, pending);
    }
    return pending;
  }

  /** The shop's per-point figures, read at most every PICKUP_STATS_TTL_MS (one grouped query). */
  private stats(shop: string, now: Date, fresh = false): Promise<ReadonlyMap<string, PointPickupStats>> {
    const cached = this.statsByShop.get(shop);
    if (!fresh && cached && Math.abs(now.getTime() - cached.at) < PICKUP_STATS_TTL_MS) return cached.value;
    const value = loadPointPickupStats(this.db, shop, now);
    this.statsByShop.set(shop, { at: now.getTime(), value });
    // A failed read is not kept: the next request tries again.
    value.catch(() => this.statsByShop.delete(shop));
    return value;
  }

  private async load(shop: string, configVersion: number, installed: boolean, now: Date) {
    const [config, rules, points, reliabilityRule, pickupStats] = await Promise.all([
      loadShopConfig(this.db, shop, now),
      loadPickupRules(this.db, shop),
      loadPickupPoints(this.db, shop),
      loadPickupReliabilityRule(this.db, shop),
      // A configuration change (the rule saved, say) reads the figures again too.
      this.stats(shop, now, true),
    ]);
    if (!config) return null;
    const runtime: PickupShopRuntime = {
      shop,
      configVersion,
      installed,
      config,
      rules,
      index: new PickupPointIndex(points),
      byId: new Map(points.map((p) => [p.id, p])),
      reliabilityRule,
      pickupStats,
    };
    this.entries.set(shop, runtime);
    return runtime;
  }
}
