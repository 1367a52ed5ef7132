import { assert } from "../assert";
import { lookupZip, USPS_ZONE_CHART } from "../geo";
import { DEFAULT_PALLET, PackingCache, prepareCartons } from "../packing";
import { NMFC_CLASSES } from "../rating/freight-class-table";
import { compileRateCard } from "../rating/rate-card";
import { compileSurcharges } from "../rating/surcharges";
import { compileCalendar, parseLocalTime } from "../transit";
import type {
  CarrierServiceConfig,
  PalletConfig,
  ProductProfile,
  ServiceTier,
  ShopConfig,
  ZoneChart,
} from "../types";
import {
  DEFAULT_CENTS_PER_DAY,
  DEFAULT_COLD_CHAIN_MAX_TRANSIT_DAYS,
  DEFAULT_LANE_STATS_MIN_SAMPLES,
  DEFAULT_UNRELIABILITY_CENTS,
  PACKING_CACHE_ENTRIES,
  PARCEL_MAX,
} from "./defaults";
import type { CompiledService, CompiledShopConfig, CompiledWarehouse } from "./types";
import { compileZoneTables } from "./zone-tables";

function assertUnique(ids: readonly string[], message: string) {
  assert(new Set(ids).size === ids.length, message);
}

/**
 * The part of a configuration the engine uses: inactive warehouses and cartons and disabled services are kept in
 * an exported file (so an import restores them) but never quoted, packed into or routed to.
 *
 * @example
 * activeConfig({ ...config, warehouses: [{ ...dallas, active: false }, edison] }).warehouses; // [edison]
 */
export function activeConfig(config: ShopConfig): ShopConfig {
  const inactive =
    config.warehouses.some((w) => w.active === false) ||
    config.carrierServices.some((s) => s.enabled === false) ||
    config.cartons.some((c) => c.active === false);
  if (!inactive) return config;
  return {
    ...config,
    warehouses: config.warehouses.filter((w) => w.active !== false),
    carrierServices: config.carrierServices.filter((s) => s.enabled !== false),
    cartons: config.cartons.filter((c) => c.active !== false),
  };
}

function compileWarehouses(config: ShopConfig): CompiledWarehouse[] {
  assert(config.warehouses.length > 0, "shop config needs at least one active warehouse");
  assertUnique(
    config.warehouses.map((w) => w.id),
    "warehouse ids must be unique",
  );
  return config.warehouses.map((w, index) => {
    const zip = lookupZip(w.address.zip);
    assert(zip, "warehouse ZIP is not a known US ZIP");
    assert(
      w.handlingDays >= 0 && Number.isInteger(w.handlingDays),
      "handling days must be a non-negative integer",
    );
    return {
      config: w,
      index,
      zip,
      label: `${w.address.city}, ${w.address.state}`,
      cutoffMinutes: parseLocalTime(w.cutoffLocalTime),
      modes: new Set(w.modes),
      ...(w.freightLevels ? { freightLevels: new Set(w.freightLevels) } : {}),
      ...(w.inventory ? { inventory: new Map(Object.entries(w.inventory)) } : {}),
    };
  });
}

function compileService(
  s: CarrierServiceConfig,
  index: number,
  warehouses: readonly CompiledWarehouse[],
  chartKeyOf: (chart: ZoneChart) => number,
  calendarIdOf: (key: string) => number,
  pallets: readonly PalletConfig[],
): CompiledService {
  assert(s.dimDivisor > 0, "DIM divisor must be positive");
  assert((s.mode === "FREIGHT") === (s.tier === "FREIGHT"), "freight mode and freight tier go together");
  assert(
    s.mode !== "FREIGHT" || (s.freight && s.freight.levels.length > 0),
    "freight services need service levels",
  );
  assert(s.transitByZone.length > 0, "service needs a transit table");
  assert(
    !s.markup || (s.markup.basisPoints >= -10_000 && Number.isInteger(s.markup.fixedCents)),
    "markup must be ≥ −100 % and whole cents",
  );
  for (const row of s.transitByZone) {
    assert(row.minDays >= 0 && row.minDays <= row.maxDays, "transit rows need 0 ≤ min ≤ max");
  }
  const zoneChart = s.zoneChart ?? USPS_ZONE_CHART;
  const calendar = compileCalendar(s.holidays);
  const allowed = warehouses
    .filter((w) => w.modes.has(s.mode) && (!s.warehouseIds || s.warehouseIds.includes(w.config.id)))
    .map((w) => w.index);
  const rateCard = compileRateCard(s.rateCard);
  const warehouseZip3 = new Map(warehouses.map((w) => [w.config.id, { index: w.index, zip3: w.zip.zip3 }]));
  return {
    config: s,
    index,
    rateCard,
    surcharges: compileSurcharges(s.surcharges, s.fuelBasisPoints),
    calendar,
    calendarId: calendarIdOf(calendar.key),
    zoneChart,
    zoneChartKey: chartKeyOf(zoneChart),
    transitByZone: new Map(s.transitByZone.map((row) => [row.zone, row])),
    ...(s.servedStates ? { servedStates: new Set(s.servedStates) } : {}),
    excludedStates: new Set(s.excludedStates ?? []),
    appointmentLeadDays: s.freight?.appointmentLeadDays ?? 0,
    warehouseIndexes: new Set(allowed),
    zoneTables: compileZoneTables(s.zoneTables ?? [], warehouseZip3),
    pallets,
    // Limited-access ZIPs are part of the shared rating's key (like area surcharges); ZIP3 lanes are not.
    ratingUsesDestZip: rateCard.ltl?.usesDestZip3 === true,
  };
}

function checkPallets(pallets: readonly PalletConfig[] | undefined): readonly PalletConfig[] {
  if (!pallets || pallets.length === 0) return [DEFAULT_PALLET];
  assertUnique(
    pallets.map((p) => p.id),
    "pallet ids must be unique",
  );
  for (const p of pallets) {
    assert(p.lengthIn > 0 && p.widthIn > 0 && p.deckHeightIn >= 0, "pallet dimensions must be positive");
    assert(p.maxHeightIn > p.deckHeightIn, "a pallet's maximum height must be above its deck");
    assert(p.tareWeightLb >= 0 && p.maxWeightLb > p.tareWeightLb, "a pallet must carry more than its tare");
  }
  return pallets;
}

function profileLookup(profiles: readonly ProductProfile[]) {
  const byVariant = new Map<string, ProductProfile>();
  const bySku = new Map<string, ProductProfile>();
  for (const p of profiles) {
    assert(p.lengthIn > 0 && p.widthIn > 0 && p.heightIn > 0, "product dimensions must be positive");
    assert(
      p.nmfcClass === undefined || NMFC_CLASSES.includes(p.nmfcClass),
      "a product's NMFC class must be one of the 18 classes (50 … 500)",
    );
    if (p.variantId && !byVariant.has(p.variantId)) byVariant.set(p.variantId, p);
    if (p.sku && !bySku.has(p.sku)) bySku.set(p.sku, p);
  }
  return (variantId: string | undefined, sku: string | undefined) =>
    (variantId ? byVariant.get(variantId) : undefined) ?? (sku ? bySku.get(sku) : undefined);
}

/**
 * Validates a shop configuration and precomputes everything the quote hot path reuses: warehouse ZIP data and
 * cutoffs, rate-card indexes, surcharge programs, carrier calendars, zone charts, carton order, profile maps,
 * plus bounded caches (packing by cart signature, zones by ZIP3 pair). Throws `EngineAssertionError` on an
 * inconsistent configuration. Inactive warehouses and cartons and disabled services are left out (`activeConfig`);
 * `compiled.config` is the active part. Compile once per config version and reuse the result.
 *
 * @example
 * const compiled = compileShopConfig(demoShopConfig);
 * quote(compiled, { cart, destination, now: new Date("2026-11-24T15:00:00Z") });
 */
export function compileShopConfig(input: ShopConfig): CompiledShopConfig {
  const config = activeConfig(input);
  const warehouses = compileWarehouses(config);
  assertUnique(
    config.carrierServices.map((s) => s.id),
    "carrier service ids must be unique",
  );
  assertUnique(
    config.cartons.map((c) => c.id),
    "carton ids must be unique",
  );
  const chartKeys = new Map<string, number>();
  const chartKeyOf = (chart: ZoneChart) => {
    const json = JSON.stringify(chart);
    let key = chartKeys.get(json);
    if (key === undefined) {
      key = chartKeys.size;
      chartKeys.set(json, key);
    }
    return key;
  };
  const calendarIds = new Map<string, number>();
  const calendarIdOf = (key: string) => {
    let id = calendarIds.get(key);
    if (id === undefined) {
      id = calendarIds.size;
      calendarIds.set(key, id);
    }
    return id;
  };
  const pallets = checkPallets(config.pallets);
  const services = config.carrierServices.map((s, i) =>
    compileService(s, i, warehouses, chartKeyOf, calendarIdOf, pallets),
  );
  const servicesByTier = new Map<ServiceTier, CompiledService[]>();
  for (const s of services) {
    const list = servicesByTier.get(s.config.tier) ?? [];
    list.push(s);
    servicesByTier.set(s.config.tier, list);
  }
  assert(
    config.markup.basisPoints >= -10_000 && Number.isInteger(config.markup.fixedCents),
    "markup must be ≥ −100 % and whole cents",
  );
  const cartons = prepareCartons(config.cartons);
  const { strategy } = config;
  return {
    config,
    warehouses,
    services,
    servicesByTier,
    cartons,
    lookupProfile: profileLookup(config.productProfiles),
    packing: new PackingCache(cartons, PACKING_CACHE_ENTRIES),
    calendarCount: Math.max(1, calendarIds.size),
    strategy: {
      kind: strategy.kind,
      ...(strategy.costTargetBasisPoints !== undefined
        ? { costTargetBasisPoints: strategy.costTargetBasisPoints }
        : {}),
      centsPerDay: strategy.centsPerDay ?? DEFAULT_CENTS_PER_DAY,
      unreliabilityCents: strategy.unreliabilityCents ?? DEFAULT_UNRELIABILITY_CENTS,
      laneStatsMinSamples: strategy.laneStatsMinSamples ?? DEFAULT_LANE_STATS_MIN_SAMPLES,
      coldChainMaxTransitDays: strategy.coldChainMaxTransitDays ?? DEFAULT_COLD_CHAIN_MAX_TRANSIT_DAYS,
      ...(strategy.freightFromCartWeightLb !== undefined
        ? { freightFromCartWeightLb: strategy.freightFromCartWeightLb }
        : {}),
      ...(strategy.freightFromParcels !== undefined
        ? { freightFromParcels: strategy.freightFromParcels }
        : {}),
    },
    parcelMax: PARCEL_MAX,
  };
}
