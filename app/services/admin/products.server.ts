import type { PrismaClient } from "@prisma/client";
import { ProductProfileForm } from "../../contracts/admin-forms";
import { StoredDefaultBoxSchema } from "../../contracts/stored-json";
import { productProfilesFromCsv } from "../../contracts/product-csv";
import type { CsvLineError } from "../../contracts/rate-card-csv";
import { bumpConfigVersion, configSaved } from "./config-version.server";
import { bool, fieldErrors, num, text, type SaveResult } from "./form-data";
import type { AdminGraphql } from "./admin-context.server";
import { shopUnits } from "./settings.server";
import { catalogueRead, productsMissingDimensions, syncCatalogue } from "./product-catalogue.server";
import { applyBulkAction, saveProductRows } from "./product-bulk.server";
import { deleteShippingMetafields, writeShippingMetafields } from "./product-metafields.server";
import { productTable, productTableFilters } from "./product-table.server";
import { fromInches, fromOunces, toInches, toOunces, type Units } from "./units";

export { productsMissingDimensions };

/** The shop's product profiles, for the list. */
export function listProductProfiles(db: PrismaClient, shop: string) {
  return db.productProfile.findMany({ where: { shop }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
}

/** Reads the profile form (values in the shop's display units) into inches and ounces, validated. */
export function parseProductProfileForm(form: FormData, units: Units) {
  const length = (name: string) => {
    const value = num(form, name);
    return value === undefined ? undefined : toInches(value, units.dimensionUnit);
  };
  const weight = num(form, "weight");
  return ProductProfileForm.safeParse({
    variantId: text(form, "variantId"),
    ...(text(form, "sku") ? { sku: text(form, "sku") } : {}),
    name: text(form, "name"),
    lengthIn: length("length"),
    widthIn: length("width"),
    heightIn: length("height"),
    weightOz: weight === undefined ? undefined : toOunces(weight, units.weightUnit),
    fragile: bool(form, "fragile"),
    valuable: bool(form, "valuable"),
    coldChain: bool(form, "coldChain"),
    bulky: bool(form, "bulky"),
    shipAlone: bool(form, "shipAlone"),
  });
}

const columns = (p: ProductProfileForm) => ({
  sku: p.sku ?? null,
  name: p.name,
  lengthIn: p.lengthIn,
  widthIn: p.widthIn,
  heightIn: p.heightIn,
  weightOz: p.weightOz ?? null,
  fragile: p.fragile,
  valuable: p.valuable,
  coldChain: p.coldChain,
  bulky: p.bulky,
  shipAlone: p.shipAlone,
});

const upsert = (db: PrismaClient, shop: string, p: ProductProfileForm) =>
  db.productProfile.upsert({
    where: { shop_variantId: { shop, variantId: p.variantId } },
    create: { shop, variantId: p.variantId, ...columns(p) },
    update: columns(p),
  });

/** Creates or replaces the profile of one variant (this shop's only). */
export async function saveProductProfile(
  db: PrismaClient,
  shop: string,
  graphql: AdminGraphql,
  form: FormData,
  units: Units,
): Promise<SaveResult> {
  const parsed = parseProductProfileForm(form, units);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  await db.$transaction([upsert(db, shop, parsed.data), bumpConfigVersion(db, shop)]);
  configSaved(shop);
  const shopify = await writeShippingMetafields(graphql, [parsed.data]);
  return { ok: true, message: `Dimensions of ${parsed.data.name} saved${shopifyNote(shopify.errors)}` };
}

/** What the answer adds when Shopify refused some metafields (the profiles are saved either way). */
const shopifyNote = (errors: string[]) =>
  errors.length === 0 ? "" : `; Shopify's metafields were not all written: ${errors.slice(0, 3).join("; ")}`;

/** Deletes one of the shop's profiles (the variant falls back to the default box). */
export async function deleteProductProfile(
  db: PrismaClient,
  shop: string,
  graphql: AdminGraphql,
  variantId: string,
): Promise<SaveResult> {
  const existing = await db.productProfile.findFirst({ where: { shop, variantId }, select: { id: true } });
  if (!existing) return { ok: false, errors: { form: "no such product profile" } };
  await db.$transaction([
    db.productProfile.deleteMany({ where: { shop, variantId } }),
    bumpConfigVersion(db, shop),
  ]);
  configSaved(shop);
  // Its metafields go too, or the next read of Shopify would bring the dimensions back.
  return {
    ok: true,
    message: `Profile removed${shopifyNote(await deleteShippingMetafields(graphql, variantId))}`,
  };
}

export type ProductImportResult = { ok: true; message: string } | { ok: false; lineErrors: CsvLineError[] };

/** Imports profiles from CSV: all rows upserted in one transaction, or none when any line is wrong. */
export async function importProductProfiles(
  db: PrismaClient,
  shop: string,
  graphql: AdminGraphql,
  csv: string,
): Promise<ProductImportResult> {
  const { profiles, errors } = productProfilesFromCsv(csv);
  if (errors.length > 0) return { ok: false, lineErrors: errors };
  await db.$transaction([...profiles.map((p) => upsert(db, shop, p)), bumpConfigVersion(db, shop)]);
  configSaved(shop);
  // The metafields follow (25 a call), so the next read of Shopify does not bring old values back.
  const shopify = await writeShippingMetafields(graphql, profiles);
  return { ok: true, message: `${profiles.length} product profiles imported${shopifyNote(shopify.errors)}` };
}

/** A stored profile in display units, for the edit form. */
export function profileInUnits(
  p: { lengthIn: number; widthIn: number; heightIn: number; weightOz: number | null },
  units: Units,
) {
  return {
    length: fromInches(p.lengthIn, units.dimensionUnit),
    width: fromInches(p.widthIn, units.dimensionUnit),
    height: fromInches(p.heightIn, units.dimensionUnit),
    weight: p.weightOz === null ? null : fromOunces(p.weightOz, units.weightUnit),
  };
}

/**
 * What the products page shows: one page of the table (filters from the URL), how many variants have no
 * dimensions, the shop's default box, and the last catalogue read. The first opening reads the catalogue.
 */
export async function productsPage(db: PrismaClient, shop: string, graphql: AdminGraphql, url: URL) {
  let syncError: string | null = null;
  if (!(await catalogueRead(db, shop))) syncError = (await syncCatalogue(db, shop, graphql)).error;
  const units = await shopUnits(db, shop);
  const filters = productTableFilters(url.searchParams);
  const [table, readAt, settings] = await Promise.all([
    productTable(db, shop, units, filters),
    catalogueRead(db, shop),
    db.shop.findUnique({ where: { shop }, select: { defaultBox: true } }),
  ]);
  const box = settings ? StoredDefaultBoxSchema.safeParse(settings.defaultBox) : null;
  return {
    units,
    filters,
    table,
    readAt: readAt?.toISOString() ?? null,
    syncError,
    defaultBox: box?.success ? profileInUnits(box.data, units) : null,
  };
}

/**
 * The products page's action: inline rows, a bulk action, a read of Shopify, a CSV import, a profile removal, or
 * a one-variant save (in the shop's units).
 */
export async function productsAction(db: PrismaClient, shop: string, graphql: AdminGraphql, form: FormData) {
  const intent = form.get("intent");
  if (intent === "import") return importProductProfiles(db, shop, graphql, String(form.get("csv") ?? ""));
  if (intent === "delete")
    return deleteProductProfile(db, shop, graphql, String(form.get("variantId") ?? ""));
  if (intent === "sync") {
    const result = await syncCatalogue(db, shop, graphql);
    return result.ok
      ? { ok: true as const, message: result.error ? `${result.message} (${result.error})` : result.message }
      : { ok: false as const, errors: { form: result.message } };
  }
  const units = await shopUnits(db, shop);
  if (intent === "rows") return saveProductRows(db, shop, graphql, units, String(form.get("rows") ?? ""));
  if (intent === "bulk-flags" || intent === "bulk-dimensions")
    return applyBulkAction(db, shop, graphql, units, form);
  return saveProductProfile(db, shop, graphql, form, units);
}
