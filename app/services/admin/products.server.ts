import type { PrismaClient } from "@prisma/client";
import { ProductProfileForm } from "../../contracts/admin-forms";
import { productProfilesFromCsv } from "../../contracts/product-csv";
import type { CsvLineError } from "../../contracts/rate-card-csv";
import { bumpConfigVersion, configSaved } from "./config-version.server";
import { bool, fieldErrors, num, text, type SaveResult } from "./form-data";
import type { AdminGraphql } from "./admin-context.server";
import { shopUnits } from "./settings.server";
import { shopifyVariants, type ShopifyVariant } from "./shopify-variants.server";
import { fromInches, fromOunces, toInches, toOunces, type Units } from "./units";

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
  form: FormData,
  units: Units,
): Promise<SaveResult> {
  const parsed = parseProductProfileForm(form, units);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  await db.$transaction([upsert(db, shop, parsed.data), bumpConfigVersion(db, shop)]);
  configSaved(shop);
  return { ok: true, message: `Dimensions of ${parsed.data.name} saved` };
}

/** Deletes one of the shop's profiles (the variant falls back to the default box). */
export async function deleteProductProfile(
  db: PrismaClient,
  shop: string,
  variantId: string,
): Promise<SaveResult> {
  const existing = await db.productProfile.findFirst({ where: { shop, variantId }, select: { id: true } });
  if (!existing) return { ok: false, errors: { form: "no such product profile" } };
  await db.$transaction([
    db.productProfile.deleteMany({ where: { shop, variantId } }),
    bumpConfigVersion(db, shop),
  ]);
  configSaved(shop);
  return { ok: true, message: "Profile removed" };
}

export type ProductImportResult = { ok: true; message: string } | { ok: false; lineErrors: CsvLineError[] };

/** Imports profiles from CSV: all rows upserted in one transaction, or none when any line is wrong. */
export async function importProductProfiles(
  db: PrismaClient,
  shop: string,
  csv: string,
): Promise<ProductImportResult> {
  const { profiles, errors } = productProfilesFromCsv(csv);
  if (errors.length > 0) return { ok: false, lineErrors: errors };
  await db.$transaction([...profiles.map((p) => upsert(db, shop, p)), bumpConfigVersion(db, shop)]);
  configSaved(shop);
  return { ok: true, message: `${profiles.length} product profiles imported` };
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
 * What the products page shows: the shop's profiles in its display units, the variants read from Shopify (or
 * why they could not be), and the variant picker's choices — Shopify's variants, then profiled variants Shopify
 * no longer lists ("not in Shopify"), so a stale profile can still be edited or removed.
 */
export async function productsPage(db: PrismaClient, shop: string, graphql: AdminGraphql) {
  const [profiles, units, shopify] = await Promise.all([
    listProductProfiles(db, shop),
    shopUnits(db, shop),
    shopifyVariants(graphql),
  ]);
  return {
    units,
    variants: shopify.variants,
    variantsError: shopify.error,
    variantChoices: variantChoices(shopify.variants, profiles),
    profiles: profiles.map((p) => ({
      variantId: p.variantId,
      sku: p.sku,
      name: p.name,
      ...profileInUnits(p, units),
      fragile: p.fragile,
      valuable: p.valuable,
      coldChain: p.coldChain,
      bulky: p.bulky,
      shipAlone: p.shipAlone,
    })),
  };
}

/** The variant picker: Shopify's variants ("Title (SKU)"), then profiles of variants Shopify does not list. */
export function variantChoices(
  variants: Pick<ShopifyVariant, "variantId" | "title" | "sku">[],
  profiles: { variantId: string | null; name: string }[],
) {
  const listed = new Set(variants.map((v) => v.variantId));
  return [
    { label: "Choose a variant", value: "" },
    ...variants.map((v) => ({ label: `${v.title}${v.sku ? ` (${v.sku})` : ""}`, value: v.variantId })),
    ...profiles
      .filter(
        (p): p is { variantId: string; name: string } => Boolean(p.variantId) && !listed.has(p.variantId!),
      )
      .map((p) => ({ label: `${p.name} (not in Shopify)`, value: p.variantId })),
  ];
}

/** The products page's action: a CSV import, a profile removal, or a profile save (in the shop's units). */
export async function productsAction(db: PrismaClient, shop: string, form: FormData) {
  const intent = form.get("intent");
  if (intent === "import") return importProductProfiles(db, shop, String(form.get("csv") ?? ""));
  if (intent === "delete") return deleteProductProfile(db, shop, String(form.get("variantId") ?? ""));
  return saveProductProfile(db, shop, form, await shopUnits(db, shop));
}
