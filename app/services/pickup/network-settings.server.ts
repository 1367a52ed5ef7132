import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import {
  PickupNetworkSettingsInputSchema,
  type PickupNetworkSettings,
} from "../../contracts/pickup-settings";
import { DEFAULT_PICKUP_RULES, isPickupNetwork, PICKUP_NETWORKS } from "../../engine/pickup";
import type { PickupNetworkRule } from "../../engine/pickup";

type SettingRow = Awaited<ReturnType<PrismaClient["pickupNetworkSetting"]["findMany"]>>[number];

function defaultsOf(network: PickupNetworkRule["network"]): PickupNetworkSettings {
  const {
    carrier: _carrier,
    holdDaysKind: _kind,
    strictLimits: _strict,
    maxLengthPlusGirthIn: _girth,
    ...settings
  } = DEFAULT_PICKUP_RULES[network];
  return settings;
}

function isDimensions(value: unknown): value is [number, number, number] {
  return Array.isArray(value) && value.length === 3 && value.every((n) => typeof n === "number");
}

function fromRow(row: SettingRow): PickupNetworkSettings | null {
  if (!isPickupNetwork(row.network)) return null;
  return {
    network: row.network,
    enabled: row.enabled,
    maxWeightLb: row.maxWeightLb,
    maxLongestIn: row.maxLongestIn,
    // Anything but a 3-number array (SQL NULL, a JSON null) means "no compartment limit".
    maxDimensionsIn: isDimensions(row.maxDimensionsIn) ? row.maxDimensionsIn : null,
    maxValueCents: row.maxValueCents,
    holdDays: row.holdDays,
    maxDistanceMiles: row.maxDistanceMiles,
    excludeFragile: row.excludeFragile,
    excludeValuable: row.excludeValuable,
    excludeColdChain: row.excludeColdChain,
  };
}

/**
 * One entry per network, in PICKUP_NETWORKS order; a network the merchant never saved comes back with the
 * carrier defaults (disabled).
 */
export async function loadPickupNetworkSettings(
  db: PrismaClient,
  shop: string,
): Promise<PickupNetworkSettings[]> {
  const rows = await db.pickupNetworkSetting.findMany({ where: { shop } });
  const saved = new Map(rows.map((r) => [r.network, fromRow(r)]));
  return PICKUP_NETWORKS.map((n) => saved.get(n) ?? defaultsOf(n));
}

/** The engine rules of a shop: defaults (carrier, hold-day kind) overlaid with its saved settings. */
export async function loadPickupRules(db: PrismaClient, shop: string): Promise<PickupNetworkRule[]> {
  const settings = await loadPickupNetworkSettings(db, shop);
  return settings.map((s) => ({ ...DEFAULT_PICKUP_RULES[s.network], ...s }));
}

/**
 * Validates and saves the merchant's network settings in one transaction and bumps Shop.configVersion so
 * every cached copy goes stale. Invalid input saves nothing and returns each problem with its field path.
 */
export async function savePickupNetworkSettings(
  db: PrismaClient,
  shop: string,
  input: unknown,
): Promise<
  { ok: true; settings: PickupNetworkSettings[] } | { ok: false; errors: { path: string; message: string }[] }
> {
  const parsed = PickupNetworkSettingsInputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    };
  }
  const exists = await db.shop.findUnique({ where: { shop }, select: { id: true } });
  if (!exists) return { ok: false, errors: [{ path: "", message: `Unknown shop ${shop}` }] };
  const writes = parsed.data.networks.map((s) => {
    // "No compartment limit" is stored as [] (any non-triple reads back as null): no JSON-null handling,
    // which differs between the SQLite and PostgreSQL clients.
    const data = { ...s, maxDimensionsIn: s.maxDimensionsIn ?? [] };
    return db.pickupNetworkSetting.upsert({
      where: { shop_network: { shop, network: s.network } },
      create: { id: randomUUID(), shop, ...data },
      update: data,
    });
  });
  await db.$transaction([
    ...writes,
    db.shop.update({ where: { shop }, data: { configVersion: { increment: 1 } } }),
  ]);
  return { ok: true, settings: await loadPickupNetworkSettings(db, shop) };
}
