import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@prisma/client";
import type { ShopConfigFile } from "../../contracts/shop-config";
import {
  StoredDefaultBoxSchema,
  StoredFallbackRatesSchema,
  StoredHolidaysSchema,
  StoredInventorySnapshotSchema,
  StoredRateCardBreaksSchema,
  StoredRateCardOverLastBreakSchema,
  StoredRateCardZonesSchema,
  StoredServiceFreightLevelsSchema,
  StoredStatesSchema,
  StoredStrategyTuningSchema,
  StoredSurchargesSchema,
  StoredTransitByZoneSchema,
  StoredWarehouseFreightLevelsSchema,
  StoredZoneChartSchema,
} from "../../contracts/stored-json";
import {
  StoredCubicTiersSchema,
  StoredLtlClassRatesSchema,
  StoredOunceBreaksSchema,
  StoredPalletsSchema,
  StoredZoneRangesSchema,
} from "../../contracts/stored-freight-json";
import { readJsonColumn } from "../../db/json-column";
import { loadPickupNetworkSettings } from "../pickup/network-settings.server";
import type {
  CarrierServiceConfig,
  DefaultBoxConfig,
  DeliveryMode,
  ShopConfig,
  StrategyConfig,
} from "../../engine/types";

/** Settings a shop starts with on install, before the merchant configures anything. */
export const NEW_SHOP_SETTINGS = {
  strategyTuning: {},
  defaultBox: { lengthIn: 12, widthIn: 10, heightIn: 8, weightOz: 16 } satisfies DefaultBoxConfig,
  fallbackRates: [],
} satisfies Omit<Prisma.ShopCreateInput, "shop">;

const json = (value: unknown) => value as Prisma.InputJsonValue;
const optionalJson = <T>(value: T | undefined) => (value === undefined ? undefined : json(value));

const MODE_COLUMNS: Record<DeliveryMode, "offersExpressParcel" | "offersPostal" | "offersFreight"> = {
  EXPRESS_PARCEL: "offersExpressParcel",
  POSTAL: "offersPostal",
  FREIGHT: "offersFreight",
};

/** A configuration as `saveShopConfig` takes it: the engine's, optionally with the file's admin-only sections. */
export type StoredShopConfig = ShopConfig & Partial<Pick<ShopConfigFile, "units" | "pickupNetworks">>;

/**
 * Replaces a shop's whole delivery configuration (warehouses, services with their rate cards, cartons,
 * product profiles, strategy; display units and pickup network settings when the file has those sections) in
 * one transaction and bumps its config version so that every app instance's cached copy goes stale. Inactive
 * warehouses / cartons and disabled services are stored as such. Used by the demo seed and configuration imports.
 */
export async function saveShopConfig(
  db: PrismaClient,
  config: StoredShopConfig,
  options: { sampleRateCards?: boolean; now?: Date } = {},
) {
  const { shop } = config;
  const effectiveFrom = options.now ?? new Date(0);
  const where = { where: { shop } };
  const { kind, costTargetBasisPoints, ...strategyTuning } = config.strategy;
  const settings = {
    routingStrategy: kind,
    costTargetBasisPoints: costTargetBasisPoints ?? null,
    strategyTuning: json(strategyTuning),
    markupBasisPoints: config.markup.basisPoints,
    markupFixedCents: config.markup.fixedCents,
    defaultBox: json(config.defaultBox),
    fallbackRates: json(config.fallbackRates),
    residentialDefault: config.residentialDefault ?? "GUESS_FROM_COMPANY",
    pallets: optionalJson(config.pallets),
    currency: config.currency,
    ...(config.units ?? {}),
  };
  // A warehouse's link to its Shopify location is not part of the engine's configuration: keep the link of
  // every warehouse key that survives the save, or routing could no longer move orders there.
  const locationLinks = new Map(
    (
      await db.warehouse.findMany({
        where: { shop, shopifyLocationId: { not: null } },
        select: { key: true, shopifyLocationId: true },
      })
    ).map((w) => [w.key, w.shopifyLocationId]),
  );
  // Ids are made here so the whole replacement is a single batch transaction (all or nothing).
  const warehouseIdByKey = new Map(config.warehouses.map((w) => [w.id, randomUUID()]));
  const serviceRows = config.carrierServices.map((s, sortOrder) => ({
    id: randomUUID(),
    sortOrder,
    service: s,
  }));

  await db.$transaction([
    db.warehouseService.deleteMany(where),
    db.rateCard.deleteMany(where),
    db.carrierService.deleteMany(where),
    db.warehouse.deleteMany(where),
    db.carton.deleteMany(where),
    db.productProfile.deleteMany(where),
    db.zoneChart.deleteMany(where),
    ...(config.pickupNetworks ? [db.pickupNetworkSetting.deleteMany(where)] : []),
    db.shop.upsert({
      where: { shop },
      create: { shop, ...settings },
      update: { ...settings, configVersion: { increment: 1 } },
    }),
    db.warehouse.createMany({
      data: config.warehouses.map((w, sortOrder) => ({
        id: warehouseIdByKey.get(w.id)!,
        shop,
        key: w.id,
        name: w.name,
        address1: w.address.address1 ?? null,
        city: w.address.city,
        province: w.address.state,
        zip: w.address.zip,
        country: w.address.country,
        timeZone: w.timeZone,
        cutoffLocalTime: w.cutoffLocalTime,
        handlingDays: w.handlingDays,
        offersExpressParcel: w.modes.includes("EXPRESS_PARCEL"),
        offersPostal: w.modes.includes("POSTAL"),
        offersFreight: w.modes.includes("FREIGHT"),
        inventorySnapshot: optionalJson(w.inventory),
        shopifyLocationId: locationLinks.get(w.id) ?? null,
        freightLevels: optionalJson(w.freightLevels),
        active: w.active ?? true,
        sortOrder,
      })),
    }),
    ...serviceRows.map(({ id, sortOrder, service }) =>
      db.carrierService.create({ data: { id, shop, sortOrder, ...carrierServiceColumns(service) } }),
    ),
    db.rateCard.createMany({
      data: serviceRows.map(({ id, service: s }) => ({
        shop,
        carrierServiceId: id,
        name: s.rateCard.name,
        isSample: options.sampleRateCards === true || s.rateCard.sample === true,
        basis: s.rateCard.basis,
        zones: json(s.rateCard.zones),
        breaks: json(s.rateCard.breaks),
        overLastBreakCentsPerLb: json(s.rateCard.overLastBreakCentsPerLb),
        ltlClassRates: optionalJson(s.rateCard.ltl),
        ounceBreaks: optionalJson(s.rateCard.ounceBreaks),
        cubicTiers: optionalJson(s.rateCard.cubicTiers),
        effectiveFrom,
      })),
    }),
    db.zoneChart.createMany({
      data: config.carrierServices.flatMap((s) =>
        (s.zoneTables ?? []).map((t) => ({
          shop,
          serviceCode: s.id,
          warehouseKey: t.warehouseId,
          originZip3: t.originZip3,
          source: t.source,
          ranges: json(t.ranges),
        })),
      ),
    }),
    db.warehouseService.createMany({
      data: serviceRows.flatMap(({ id, service: s }) =>
        (s.warehouseIds ?? []).map((key) => {
          const warehouseId = warehouseIdByKey.get(key);
          if (!warehouseId) throw new Error(`Service ${s.id} names unknown warehouse ${key}`);
          return { shop, warehouseId, carrierServiceId: id };
        }),
      ),
    }),
    db.carton.createMany({
      data: config.cartons.map((c, sortOrder) => ({
        shop,
        sortOrder,
        key: c.id,
        name: c.name,
        lengthIn: c.lengthIn,
        widthIn: c.widthIn,
        heightIn: c.heightIn,
        tareWeightOz: c.tareWeightOz,
        maxWeightOz: c.maxWeightOz,
        active: c.active ?? true,
      })),
    }),
    db.productProfile.createMany({
      data: config.productProfiles.map((p, sortOrder) => ({
        shop,
        sortOrder,
        variantId: p.variantId ?? null,
        sku: p.sku ?? null,
        name: p.name,
        lengthIn: p.lengthIn,
        widthIn: p.widthIn,
        heightIn: p.heightIn,
        weightOz: p.weightOz ?? null,
        fragile: p.fragile ?? false,
        valuable: p.valuable ?? false,
        coldChain: p.coldChain ?? false,
        bulky: p.bulky ?? false,
        shipAlone: p.shipAlone ?? false,
        nmfcClass: p.nmfcClass ?? null,
        stackable: p.stackable ?? true,
        ownSkid: p.ownSkid ?? false,
      })),
    }),
    ...(config.pickupNetworks
      ? [
          db.pickupNetworkSetting.createMany({
            // "No compartment limit" is stored as [] like network-settings.server.ts does (no JSON null).
            data: config.pickupNetworks.map((n) => ({
              id: randomUUID(),
              shop,
              ...n,
              maxDimensionsIn: n.maxDimensionsIn ?? [],
            })),
          }),
        ]
      : []),
  ]);

  return {
    warehouses: config.warehouses.length,
    carrierServices: config.carrierServices.length,
    rateCards: config.carrierServices.length,
    cartons: config.cartons.length,
    productProfiles: config.productProfiles.length,
  };
}

function carrierServiceColumns(s: CarrierServiceConfig) {
  return {
    code: s.id,
    carrier: s.carrier,
    name: s.name,
    mode: s.mode,
    tier: s.tier,
    dimDivisor: s.dimDivisor,
    dimMinCubicIn: s.dimMinCubicIn,
    maxWeightLb: s.limits.maxWeightLb,
    maxLongestIn: s.limits.maxLongestIn,
    maxLengthPlusGirthIn: s.limits.maxLengthPlusGirthIn,
    fuelBasisPoints: s.fuelBasisPoints,
    surcharges: json(s.surcharges),
    holidays: json(s.holidays),
    transitByZone: json(s.transitByZone),
    zoneChart: optionalJson(s.zoneChart),
    servedStates: optionalJson(s.servedStates),
    excludedStates: optionalJson(s.excludedStates),
    reachesPoBox: s.reachesPoBox,
    reachesMilitary: s.reachesMilitary,
    freightLevels: optionalJson(s.freight?.levels),
    appointmentLeadDays: s.freight?.appointmentLeadDays ?? null,
    markupBasisPoints: s.markup?.basisPoints ?? null,
    markupFixedCents: s.markup?.fixedCents ?? null,
    enabled: s.enabled ?? true,
  };
}

type Compacted<T> = { [K in keyof T as null extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as null extends T[K] ? K : never]?: Exclude<T[K], null>;
};

/** Drops keys whose value is null/undefined, so optional config fields stay absent rather than null. */
function compact<T extends Record<string, unknown>>(value: T): Compacted<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== null && v !== undefined),
  ) as Compacted<T>;
}

/**
 * Reads a shop's configuration into the engine's `ShopConfig` (the inverse of `saveShopConfig`), or null
 * when the shop is unknown. Only enabled services and active warehouses/cartons are included; the
 * newest effective rate card of each service applies.
 */
export async function loadShopConfig(
  db: PrismaClient,
  shop: string,
  now: Date = new Date(),
): Promise<ShopConfig | null> {
  return readShopConfig(db, shop, now, false);
}

/**
 * The whole configuration as the file the admin exports (`ShopConfigFile`): inactive warehouses and cartons and
 * disabled services too, flagged `active: false` / `enabled: false`, plus the display units and every pickup
 * network's settings. `saveShopConfig` of this value stores the same configuration again, so export → import →
 * export gives the same file. Null for an unknown shop.
 */
export async function loadShopConfigFile(
  db: PrismaClient,
  shop: string,
  now: Date = new Date(),
): Promise<ShopConfigFile | null> {
  const [config, units, pickupNetworks] = await Promise.all([
    readShopConfig(db, shop, now, true),
    db.shop.findUnique({ where: { shop }, select: { weightUnit: true, dimensionUnit: true } }),
    loadPickupNetworkSettings(db, shop),
  ]);
  if (!config || !units) return null;
  return { ...config, units, pickupNetworks } as ShopConfigFile;
}

async function readShopConfig(
  db: PrismaClient,
  shop: string,
  now: Date,
  everything: boolean,
): Promise<ShopConfig | null> {
  const settings = await db.shop.findUnique({ where: { shop } });
  if (!settings) return null;
  const onlyActive = everything ? {} : { active: true };
  const [warehouses, services, cartons, profiles, zoneCharts] = await Promise.all([
    db.warehouse.findMany({ where: { shop, ...onlyActive }, orderBy: { sortOrder: "asc" } }),
    db.carrierService.findMany({
      where: { shop, ...(everything ? {} : { enabled: true }) },
      orderBy: { sortOrder: "asc" },
      include: {
        // The export keeps a service whose only card takes effect later (the newest card stands in).
        rateCards: {
          ...(everything ? {} : { where: { effectiveFrom: { lte: now } }, take: 1 }),
          orderBy: { effectiveFrom: "desc" },
        },
        warehouses: { include: { warehouse: { select: { key: true } } } },
      },
    }),
    db.carton.findMany({ where: { shop, ...onlyActive }, orderBy: { sortOrder: "asc" } }),
    db.productProfile.findMany({ where: { shop }, orderBy: { sortOrder: "asc" } }),
    db.zoneChart.findMany({ where: { shop }, orderBy: [{ serviceCode: "asc" }, { warehouseKey: "asc" }] }),
  ]);
  // Imported carrier zone charts by service code (each chart is for one warehouse).
  const zoneTables = new Map<string, NonNullable<CarrierServiceConfig["zoneTables"]>>();
  for (const c of zoneCharts) {
    const list = zoneTables.get(c.serviceCode) ?? [];
    list.push({
      warehouseId: c.warehouseKey,
      originZip3: c.originZip3,
      source: c.source,
      ranges: readJsonColumn(StoredZoneRangesSchema, c.ranges, {
        shop,
        column: "ZoneChart.ranges",
        id: c.id,
      }),
    });
    zoneTables.set(c.serviceCode, list);
  }

  // Every Json column goes through its zod reader here, once per configuration load (the carrier callback then
  // serves the compiled configuration from the runtime cache): a corrupted row fails with the shop and column named.
  const shopColumn = (column: string) => ({ shop, column: `Shop.${column}` });
  const strategy: StrategyConfig = {
    ...readJsonColumn(StoredStrategyTuningSchema, settings.strategyTuning, shopColumn("strategyTuning")),
    // A String column holding the StrategyKind union (its writers take it from the engine's type).
    kind: settings.routingStrategy as StrategyConfig["kind"],
    ...(settings.costTargetBasisPoints !== null
      ? { costTargetBasisPoints: settings.costTargetBasisPoints }
      : {}),
  };

  return {
    shop,
    currency: settings.currency,
    warehouses: warehouses.map((w) => {
      const ref = (column: string) => ({ shop, column: `Warehouse.${column}`, id: w.id });
      const inventory = readJsonColumn(
        StoredInventorySnapshotSchema,
        w.inventorySnapshot,
        ref("inventorySnapshot"),
      );
      const freightLevels = readJsonColumn(
        StoredWarehouseFreightLevelsSchema,
        w.freightLevels,
        ref("freightLevels"),
      );
      return {
        id: w.key,
        name: w.name,
        address: compact({
          address1: w.address1,
          city: w.city,
          state: w.province,
          zip: w.zip,
          country: "US" as const,
        }),
        timeZone: w.timeZone,
        cutoffLocalTime: w.cutoffLocalTime,
        handlingDays: w.handlingDays,
        modes: (Object.keys(MODE_COLUMNS) as DeliveryMode[]).filter((mode) => w[MODE_COLUMNS[mode]]),
        ...(inventory ? { inventory } : {}),
        ...(freightLevels ? { freightLevels } : {}),
        ...(w.active ? {} : { active: false }),
      };
    }),
    carrierServices: services
      .filter((s) => s.rateCards.length > 0)
      .map((s) => {
        const card = s.rateCards.find((c) => c.effectiveFrom <= now) ?? s.rateCards[0];
        const warehouseIds = s.warehouses.map((ws) => ws.warehouse.key);
        const hasMarkup = s.markupBasisPoints !== null || s.markupFixedCents !== null;
        const ref = (column: string) => ({ shop, column: `CarrierService.${column}`, id: s.id });
        const cardRef = (column: string) => ({ shop, column: `RateCard.${column}`, id: card.id });
        const freightLevels = readJsonColumn(
          StoredServiceFreightLevelsSchema,
          s.freightLevels,
          ref("freightLevels"),
        );
        const service: CarrierServiceConfig = compact({
          id: s.code,
          carrier: s.carrier,
          name: s.name,
          // String columns holding engine unions (written from the engine's types, checked by the config contract).
          mode: s.mode as CarrierServiceConfig["mode"],
          tier: s.tier as CarrierServiceConfig["tier"],
          dimDivisor: s.dimDivisor,
          dimMinCubicIn: s.dimMinCubicIn,
          limits: {
            maxWeightLb: s.maxWeightLb,
            maxLongestIn: s.maxLongestIn,
            maxLengthPlusGirthIn: s.maxLengthPlusGirthIn,
          },
          rateCard: {
            name: card.name,
            basis: card.basis as CarrierServiceConfig["rateCard"]["basis"],
            zones: readJsonColumn(StoredRateCardZonesSchema, card.zones, cardRef("zones")),
            breaks: readJsonColumn(StoredRateCardBreaksSchema, card.breaks, cardRef("breaks")),
            overLastBreakCentsPerLb: readJsonColumn(
              StoredRateCardOverLastBreakSchema,
              card.overLastBreakCentsPerLb,
              cardRef("overLastBreakCentsPerLb"),
            ),
            ...(everything && card.isSample ? { sample: true } : {}),
            ...lightAndFreightTiers(card, shop),
          },
          surcharges: readJsonColumn(StoredSurchargesSchema, s.surcharges, ref("surcharges")),
          fuelBasisPoints: s.fuelBasisPoints,
          holidays: readJsonColumn(StoredHolidaysSchema, s.holidays, ref("holidays")),
          transitByZone: readJsonColumn(StoredTransitByZoneSchema, s.transitByZone, ref("transitByZone")),
          zoneChart: readJsonColumn(StoredZoneChartSchema, s.zoneChart, ref("zoneChart")),
          zoneTables: zoneTables.get(s.code) ?? null,
          servedStates: readJsonColumn(StoredStatesSchema, s.servedStates, ref("servedStates")),
          excludedStates: readJsonColumn(StoredStatesSchema, s.excludedStates, ref("excludedStates")),
          reachesPoBox: s.reachesPoBox,
          reachesMilitary: s.reachesMilitary,
          freight: freightLevels
            ? { levels: freightLevels, appointmentLeadDays: s.appointmentLeadDays ?? 0 }
            : null,
          warehouseIds: warehouseIds.length > 0 ? warehouseIds.sort() : null,
          markup: hasMarkup
            ? { basisPoints: s.markupBasisPoints ?? 0, fixedCents: s.markupFixedCents ?? 0 }
            : null,
          enabled: s.enabled ? null : false,
        });
        return service;
      }),
    cartons: cartons.map((c) => ({
      id: c.key,
      name: c.name,
      lengthIn: c.lengthIn,
      widthIn: c.widthIn,
      heightIn: c.heightIn,
      tareWeightOz: c.tareWeightOz,
      maxWeightOz: c.maxWeightOz,
      ...(c.active ? {} : { active: false }),
    })),
    defaultBox: readJsonColumn(StoredDefaultBoxSchema, settings.defaultBox, shopColumn("defaultBox")),
    productProfiles: profiles.map(
      ({ variantId, sku, name, lengthIn, widthIn, heightIn, weightOz, nmfcClass, ...flags }) =>
        compact({
          variantId,
          sku,
          name,
          lengthIn,
          widthIn,
          heightIn,
          weightOz,
          fragile: flags.fragile || null,
          valuable: flags.valuable || null,
          coldChain: flags.coldChain || null,
          bulky: flags.bulky || null,
          shipAlone: flags.shipAlone || null,
          nmfcClass,
          stackable: flags.stackable ? null : false,
          ownSkid: flags.ownSkid || null,
        }),
    ),
    strategy,
    markup: { basisPoints: settings.markupBasisPoints, fixedCents: settings.markupFixedCents },
    fallbackRates: readJsonColumn(
      StoredFallbackRatesSchema,
      settings.fallbackRates,
      shopColumn("fallbackRates"),
    ),
    // GUESS_FROM_COMPANY (or a value this version does not know) is the default: left out.
    ...(settings.residentialDefault === "RESIDENTIAL" || settings.residentialDefault === "COMMERCIAL"
      ? { residentialDefault: settings.residentialDefault }
      : {}),
    ...(() => {
      const pallets = readJsonColumn(StoredPalletsSchema, settings.pallets, shopColumn("pallets"));
      return pallets ? { pallets } : {};
    })(),
  };
}

/** A stored card's LTL class rates and light-parcel tiers, each only when present. */
function lightAndFreightTiers(
  card: { id: string; ltlClassRates: unknown; ounceBreaks: unknown; cubicTiers: unknown },
  shop: string,
) {
  const ref = (column: string) => ({ shop, column: `RateCard.${column}`, id: card.id });
  const ltl = readJsonColumn(StoredLtlClassRatesSchema, card.ltlClassRates, ref("ltlClassRates"));
  const ounceBreaks = readJsonColumn(StoredOunceBreaksSchema, card.ounceBreaks, ref("ounceBreaks"));
  const cubicTiers = readJsonColumn(StoredCubicTiersSchema, card.cubicTiers, ref("cubicTiers"));
  return {
    ...(ltl ? { ltl } : {}),
    ...(ounceBreaks && ounceBreaks.length > 0 ? { ounceBreaks } : {}),
    ...(cubicTiers && cubicTiers.length > 0 ? { cubicTiers } : {}),
  };
}
