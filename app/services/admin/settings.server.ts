import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { UnitsForm } from "../../contracts/admin-forms";
import { RESIDENTIAL_DEFAULTS, ShopConfigFileSchema } from "../../contracts/shop-config";
import type { ResidentialDefault } from "../../engine/types";
import { loadShopConfigFile, saveShopConfig } from "../shop/config-store.server";
import { bumpConfigVersion, configSaved } from "./config-version.server";
import { fieldErrors, text, type SaveResult } from "./form-data";
import type { Units } from "./units";

/** The shop's display units (defaults for a shop row that does not exist yet). */
export async function shopUnits(db: PrismaClient, shop: string): Promise<Units> {
  const row = await db.shop.findUnique({
    where: { shop },
    select: { weightUnit: true, dimensionUnit: true },
  });
  const parsed = UnitsForm.safeParse(row ?? {});
  return parsed.success ? parsed.data : { weightUnit: "LB", dimensionUnit: "IN" };
}

export async function saveUnits(db: PrismaClient, shop: string, form: FormData): Promise<SaveResult> {
  const parsed = UnitsForm.safeParse({
    weightUnit: text(form, "weightUnit"),
    dimensionUnit: text(form, "dimensionUnit"),
  });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  await db.$transaction([
    db.shop.update({ where: { shop }, data: parsed.data }),
    bumpConfigVersion(db, shop),
  ]);
  configSaved(shop);
  return { ok: true, message: "Units saved" };
}

const ResidentialForm = z.object({
  residentialDefault: z.enum(RESIDENTIAL_DEFAULTS, { message: "choose residential, commercial or a guess" }),
});

/** How the shop rates an address the checkout does not classify (today's guess for a shop row not yet made). */
export async function shopResidentialDefault(db: PrismaClient, shop: string): Promise<ResidentialDefault> {
  const row = await db.shop.findUnique({ where: { shop }, select: { residentialDefault: true } });
  const parsed = ResidentialForm.safeParse(row ?? {});
  return parsed.success ? parsed.data.residentialDefault : "GUESS_FROM_COMPANY";
}

/**
 * Saves the residential default and bumps the configuration version, so the checkout callback and order routing
 * (both read it with the shop's configuration) use it from their next request.
 */
export async function saveResidentialDefault(
  db: PrismaClient,
  shop: string,
  form: FormData,
): Promise<SaveResult> {
  const parsed = ResidentialForm.safeParse({ residentialDefault: text(form, "residentialDefault") });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  await db.$transaction([
    db.shop.update({ where: { shop }, data: parsed.data }),
    bumpConfigVersion(db, shop),
  ]);
  configSaved(shop);
  return { ok: true, message: "Residential default saved" };
}

/**
 * The whole configuration as JSON, or null for an unknown shop: every warehouse, service (with its current rate
 * card) and carton, inactive ones flagged, plus units and pickup network settings. Importing it restores the
 * same configuration; `npx tailroute quote --config` reads the same file (and quotes only the active part).
 */
export async function exportShopConfig(db: PrismaClient, shop: string, now: Date = new Date()) {
  return loadShopConfigFile(db, shop, now);
}

/** Maximum configuration file accepted by the import. */
export const CONFIG_MAX_BYTES = 5_000_000;

/**
 * Replaces the shop's configuration with an exported JSON file. The file's `shop` is ignored: a file exported
 * from another store (or the CLI's demo) imports into this shop. Invalid JSON or any contract error → nothing
 * saved. Warehouse links to Shopify locations survive by warehouse key.
 */
export async function importShopConfig(db: PrismaClient, shop: string, raw: string): Promise<SaveResult> {
  if (raw.length > CONFIG_MAX_BYTES) return { ok: false, errors: { config: "the file is over 5 MB" } };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { ok: false, errors: { config: `not JSON: ${(error as Error).message}` } };
  }
  const parsed = ShopConfigFileSchema.safeParse(
    value && typeof value === "object" ? { ...value, shop } : value,
  );
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return {
      ok: false,
      errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [`config.${k}`, v])),
    };
  }
  // One transaction (saveShopConfig's): it bumps the config version and keeps each surviving warehouse key's
  // link to its Shopify location.
  const counts = await saveShopConfig(db, parsed.data);
  configSaved(shop);
  return {
    ok: true,
    message: `Configuration imported: ${counts.warehouses} warehouses, ${counts.carrierServices} services, ${counts.productProfiles} product profiles`,
  };
}

/**
 * The settings page's action: a configuration import (`intent=importConfig`), the residential default
 * (`intent=residential`) or the display units.
 */
export function settingsAction(db: PrismaClient, shop: string, form: FormData) {
  const intent = form.get("intent");
  if (intent === "importConfig") return importShopConfig(db, shop, String(form.get("config") ?? ""));
  if (intent === "residential") return saveResidentialDefault(db, shop, form);
  return saveUnits(db, shop, form);
}
