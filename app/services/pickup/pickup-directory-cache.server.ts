import type { PrismaClient } from "@prisma/client";
import { isPickupNetwork, PickupPointIndex } from "../../engine/pickup";
import type { PickupNetworkRule, PickupPointRecord } from "../../engine/pickup";
import type { ShopConfig } from "../../engine/types";
import { loadShopConfig } from "../shop/config-store.server";
import { loadPickupRules } from "./network-settings.server";

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

  constructor(private readonly db: PrismaClient) {}

  async get(shop: string, now = new Date()): Promise<PickupShopRuntime | null> {
    const row = await this.db.shop.findUnique({
      where: { shop },
      select: { configVersion: true, uninstalledAt: true },
    });
    if (!row) return null;
    const cached = this.entries.get(shop);
    if (cached && cached.configVersion === row.configVersion)
      return { ...cached, installed: row.uninstalledAt === null };
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

  private async load(shop: string, configVersion: number, installed: boolean, now: Date) {
    const [config, rules, points] = await Promise.all([
      loadShopConfig(this.db, shop, now),
      loadPickupRules(this.db, shop),
      loadPickupPoints(this.db, shop),
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
    };
    this.entries.set(shop, runtime);
    return runtime;
  }
}
