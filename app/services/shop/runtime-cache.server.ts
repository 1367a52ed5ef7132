import type { PrismaClient } from "@prisma/client";
import type { LaneStat, ShopConfig } from "../../engine/types";
import type { LiveRateSetup } from "../carrier-accounts/live-rates/types";
import { loadShopConfig } from "./config-store.server";

/** What the checkout callback needs about a shop, kept in memory. */
export interface ShopRuntime<Compiled> {
  shop: string;
  callbackToken: string;
  configVersion: number;
  /** Bumped by every stock change (inventory webhook, full sync): a change reloads the runtime. */
  stockVersion: number;
  /** Business days a backordered cart's quote adds (docs/warehouses.md). */
  backorderDays: number;
  installed: boolean;
  config: ShopConfig;
  compiled: Compiled;
  onCallbackFailure: string;
  /** Learned transit per lane (tracking); the engine uses the lanes with enough deliveries. */
  laneStats: LaneStat[];
  /** Services priced live by a connected account (docs/carriers.md); null = none (most shops). */
  liveRates?: LiveRateSetup | null;
}

interface Entry<Compiled> {
  runtime: ShopRuntime<Compiled>;
  checkedAtMs: number;
  loadedAtMs: number;
  revalidating: boolean;
}

export interface ShopRuntimeCacheOptions<Compiled> {
  compile: (config: ShopConfig) => Compiled;
  /** How stale another instance's config save may be seen here; one tiny query per shop per period. */
  revalidateAfterMs?: number;
  clockMs?: () => number;
  /** The shop's learned lanes; none when absent. */
  loadLaneStats?: (shop: string) => Promise<LaneStat[]>;
  /** The configuration the engine sees, e.g. with synced warehouse stock laid over it; as stored when absent. */
  prepareConfig?: (shop: string, config: ShopConfig) => Promise<ShopConfig>;
  /** Lanes change with every delivery, not with a save: reload a runtime at least this often (default 5 min). */
  reloadAfterMs?: number;
  /** The shop's live-rate setup (connected accounts and mapped services); none when absent. */
  loadLiveRates?: (shop: string) => Promise<LiveRateSetup | null>;
}

/**
 * In-memory, per-shop configuration compiled for the engine. A warm request touches no database:
 * at most once per `revalidateAfterMs` a background query compares the shop's `configVersion` (bumped by
 * every save and by uninstall), so saves made on any app instance reach every instance within that
 * period; `invalidate` makes saves on this instance visible at once.
 */
export class ShopRuntimeCache<Compiled> {
  private readonly entries = new Map<string, Entry<Compiled>>();
  private readonly shopByToken = new Map<string, string>();
  private readonly loading = new Map<string, Promise<ShopRuntime<Compiled> | null>>();
  private readonly revalidateAfterMs: number;
  private readonly reloadAfterMs: number;
  private readonly clockMs: () => number;

  constructor(
    private readonly db: PrismaClient,
    private readonly options: ShopRuntimeCacheOptions<Compiled>,
  ) {
    this.revalidateAfterMs = options.revalidateAfterMs ?? 1000;
    this.reloadAfterMs = options.reloadAfterMs ?? 300_000;
    this.clockMs = options.clockMs ?? (() => Date.now());
  }

  /** The shop's runtime, or null when the shop is unknown. */
  async byShop(shop: string): Promise<ShopRuntime<Compiled> | null> {
    return this.cached(shop) ?? this.load(shop);
  }

  /**
   * The shop's runtime when this process holds one (revalidated in the background as `byShop` does), else
   * undefined: the callback's warm path, without waiting for a promise.
   */
  cached(shop: string): ShopRuntime<Compiled> | undefined {
    const entry = this.entries.get(shop);
    if (!entry) return undefined;
    if (this.clockMs() - entry.checkedAtMs >= this.revalidateAfterMs)
      this.revalidateInBackground(shop, entry);
    return entry.runtime;
  }

  /** `byToken` for a token whose shop this process holds: the runtime, or undefined (then ask `byToken`). */
  cachedByToken(token: string): ShopRuntime<Compiled> | undefined {
    const known = this.shopByToken.get(token);
    const runtime = known === undefined ? undefined : this.cached(known);
    return runtime?.callbackToken === token ? runtime : undefined;
  }

  /** The runtime of the shop whose callback token this is, or null. */
  async byToken(token: string): Promise<ShopRuntime<Compiled> | null> {
    const known = this.shopByToken.get(token);
    if (known) {
      const runtime = await this.byShop(known);
      return runtime?.callbackToken === token ? runtime : null;
    }
    const row = await this.db.shop.findUnique({ where: { callbackToken: token }, select: { shop: true } });
    if (!row) return null;
    const runtime = await this.byShop(row.shop);
    return runtime?.callbackToken === token ? runtime : null;
  }

  /** Drops a shop's cached runtime (after a save or an uninstall on this instance). */
  invalidate(shop: string): void {
    const entry = this.entries.get(shop);
    if (entry) this.shopByToken.delete(entry.runtime.callbackToken);
    this.entries.delete(shop);
  }

  private load(shop: string): Promise<ShopRuntime<Compiled> | null> {
    const pending = this.loading.get(shop);
    if (pending) return pending;
    const promise = this.loadFromDatabase(shop).finally(() => this.loading.delete(shop));
    this.loading.set(shop, promise);
    return promise;
  }

  private async loadFromDatabase(shop: string): Promise<ShopRuntime<Compiled> | null> {
    const row = await this.db.shop.findUnique({
      where: { shop },
      select: {
        callbackToken: true,
        configVersion: true,
        stockVersion: true,
        backorderDays: true,
        uninstalledAt: true,
        onCallbackFailure: true,
      },
    });
    const stored = row ? await loadShopConfig(this.db, shop) : null;
    if (!row || !stored) return null;
    const config = this.options.prepareConfig ? await this.options.prepareConfig(shop, stored) : stored;
    const runtime: ShopRuntime<Compiled> = {
      shop,
      callbackToken: row.callbackToken,
      configVersion: row.configVersion,
      stockVersion: row.stockVersion,
      backorderDays: row.backorderDays,
      installed: row.uninstalledAt === null,
      config,
      compiled: this.options.compile(config),
      onCallbackFailure: row.onCallbackFailure,
      laneStats: this.options.loadLaneStats ? await this.options.loadLaneStats(shop) : [],
      liveRates: this.options.loadLiveRates ? await this.options.loadLiveRates(shop) : null,
    };
    this.invalidate(shop);
    const now = this.clockMs();
    this.entries.set(shop, { runtime, checkedAtMs: now, loadedAtMs: now, revalidating: false });
    this.shopByToken.set(runtime.callbackToken, shop);
    return runtime;
  }

  private revalidateInBackground(shop: string, entry: Entry<Compiled>): void {
    if (entry.revalidating) return;
    entry.revalidating = true;
    void this.db.shop
      .findUnique({
        where: { shop },
        select: { configVersion: true, stockVersion: true, uninstalledAt: true, callbackToken: true },
      })
      .then(async (row) => {
        const current = entry.runtime;
        const changed =
          !row ||
          row.configVersion !== current.configVersion ||
          row.stockVersion !== current.stockVersion ||
          (row.uninstalledAt === null) !== current.installed ||
          row.callbackToken !== current.callbackToken ||
          this.clockMs() - entry.loadedAtMs >= this.reloadAfterMs;
        if (!changed) return;
        if (!row) return this.invalidate(shop);
        await this.loadFromDatabase(shop);
      })
      .catch(() => {
        // Keep serving the cached runtime; the next request past the period tries again.
      })
      .finally(() => {
        entry.revalidating = false;
        entry.checkedAtMs = this.clockMs();
      });
  }
}
