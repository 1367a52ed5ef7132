import type { PrismaClient } from "@prisma/client";
import type { FieldErrors } from "../../components/form-kit/field-errors";
import {
  MAX_ROWS_PER_SAVE,
  PRODUCT_ROW_FLAGS,
  ProductRowEdit,
  typedNumber,
  type ProductRowFlag,
} from "../../contracts/product-bulk-form";
import type { AdminGraphql } from "./admin-context.server";
import { bumpConfigVersion, configSaved } from "./config-version.server";
import type { SaveResult } from "./form-data";
import { writeShippingMetafields, type ShippingProfile } from "./product-metafields.server";
import { toInches, type Units } from "./units";

// Saves of the products table: rows edited inline, or a bulk action over selected rows. Every row is checked
// first; one bad value (a zero or negative length, a variant that is not this shop's) saves nothing and names the
// row and field (`errors["<variantId>.length"] = "Ceramic mug 11 oz: length must be more than 0"`). A valid save
// writes the profiles in one transaction, then the same values to the variants' `$app:shipping` metafields.

const FIELD_LABEL: Record<string, string> = { length: "length", width: "width", height: "height" };

interface Known {
  title: string;
  sku: string | null;
  weightOz: number | null;
  profile: ({ lengthIn: number; widthIn: number; heightIn: number } & Record<ProductRowFlag, boolean>) | null;
}

/** This shop's variants among `variantIds` (catalogue and profiles), by id; other ids are simply absent. */
async function knownVariants(
  db: PrismaClient,
  shop: string,
  variantIds: string[],
): Promise<Map<string, Known>> {
  const ids = [...new Set(variantIds)];
  const [catalogue, profiles] = await Promise.all([
    db.catalogueVariant.findMany({ where: { shop, variantId: { in: ids } } }),
    db.productProfile.findMany({ where: { shop, variantId: { in: ids } } }),
  ]);
  const known = new Map<string, Known>();
  for (const p of profiles)
    known.set(p.variantId!, { title: p.name, sku: p.sku, weightOz: p.weightOz, profile: p });
  for (const v of catalogue) {
    const p = known.get(v.variantId)?.profile ?? null;
    known.set(v.variantId, { title: v.title, sku: v.sku, weightOz: v.weightOz, profile: p });
  }
  return known;
}

/** Writes checked profiles (inches) and their metafields; the answer says what Shopify refused, if anything. */
async function writeProfiles(
  db: PrismaClient,
  shop: string,
  graphql: AdminGraphql,
  known: Map<string, Known>,
  profiles: ShippingProfile[],
): Promise<SaveResult> {
  await db.$transaction([
    ...profiles.map((p) => {
      const k = known.get(p.variantId)!;
      const values = {
        lengthIn: Number(p.lengthIn),
        widthIn: Number(p.widthIn),
        heightIn: Number(p.heightIn),
        ...Object.fromEntries(PRODUCT_ROW_FLAGS.map((f) => [f, p[f] === true])),
      };
      return db.productProfile.upsert({
        where: { shop_variantId: { shop, variantId: p.variantId } },
        create: { shop, variantId: p.variantId, name: k.title, sku: k.sku, weightOz: k.weightOz, ...values },
        update: values,
      });
    }),
    bumpConfigVersion(db, shop),
  ]);
  configSaved(shop);
  const shopify = await writeShippingMetafields(graphql, profiles);
  const saved = `${profiles.length} product${profiles.length === 1 ? "" : "s"} saved`;
  return {
    ok: true,
    message:
      shopify.errors.length === 0
        ? `${saved} (and in Shopify)`
        : `${saved} here; Shopify's metafields were not all written: ${shopify.errors.slice(0, 3).join("; ")}`,
  };
}

const unknownVariant = (variantId: string) => `variant ${variantId} is not one of this shop's products`;

/** Saves rows edited inline (`rows`: JSON list, lengths in the shop's unit). */
export async function saveProductRows(
  db: PrismaClient,
  shop: string,
  graphql: AdminGraphql,
  units: Units,
  rowsJson: string,
): Promise<SaveResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(rowsJson);
  } catch {
    return { ok: false, errors: { form: "the edited rows could not be read" } };
  }
  if (!Array.isArray(raw) || raw.length === 0) return { ok: false, errors: { form: "no rows to save" } };
  if (raw.length > MAX_ROWS_PER_SAVE)
    return { ok: false, errors: { form: `at most ${MAX_ROWS_PER_SAVE} rows per save` } };
  const ids = raw.map((r) => String((r as { variantId?: unknown })?.variantId ?? ""));
  const known = await knownVariants(db, shop, ids);
  const errors: FieldErrors = {};
  const profiles: ShippingProfile[] = [];
  raw.forEach((row, index) => {
    const r = (row ?? {}) as Record<string, unknown>;
    const parsed = ProductRowEdit.safeParse({
      ...r,
      length: typedNumber(r.length),
      width: typedNumber(r.width),
      height: typedNumber(r.height),
    });
    const id = ids[index] || `row-${index + 1}`;
    const k = known.get(id);
    if (!k) {
      errors[`${id}.row`] = unknownVariant(id);
      return;
    }
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "row");
        errors[`${id}.${field}`] ??=
          `${k.title}: ${FIELD_LABEL[field] ? issue.message : `${field}: ${issue.message}`}`;
      }
      return;
    }
    const v = parsed.data;
    profiles.push({
      variantId: v.variantId,
      lengthIn: toInches(v.length, units.dimensionUnit),
      widthIn: toInches(v.width, units.dimensionUnit),
      heightIn: toInches(v.height, units.dimensionUnit),
      ...Object.fromEntries(PRODUCT_ROW_FLAGS.map((f) => [f, v[f]])),
    } as ShippingProfile);
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return writeProfiles(db, shop, graphql, known, profiles);
}

/**
 * A bulk action over selected rows: `bulk-flags` sets one flag on or off (rows need dimensions first),
 * `bulk-dimensions` gives them all the same lengths (their flags stay).
 */
export async function applyBulkAction(
  db: PrismaClient,
  shop: string,
  graphql: AdminGraphql,
  units: Units,
  form: FormData,
): Promise<SaveResult> {
  const ids = form.getAll("variantIds").map(String).filter(Boolean);
  if (ids.length === 0) return { ok: false, errors: { form: "select at least one product" } };
  if (ids.length > MAX_ROWS_PER_SAVE)
    return { ok: false, errors: { form: `at most ${MAX_ROWS_PER_SAVE} rows per save` } };
  const known = await knownVariants(db, shop, ids);
  const errors: FieldErrors = {};
  const profiles: ShippingProfile[] = [];
  const intent = form.get("intent");
  const flag = String(form.get("flag") ?? "") as ProductRowFlag;
  if (intent === "bulk-flags" && !PRODUCT_ROW_FLAGS.includes(flag))
    return { ok: false, errors: { flag: "choose a flag" } };
  const lengths = ["length", "width", "height"].map((name) => {
    const value = typedNumber(form.get(name));
    if (intent !== "bulk-dimensions") return 0;
    if (value === undefined) errors[name] = `enter a ${name}`;
    else if (!Number.isFinite(value)) errors[name] = `${name} must be a number`;
    else if (value <= 0) errors[name] = `${name} must be more than 0`;
    return toInches(value ?? 0, units.dimensionUnit);
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  for (const id of ids) {
    const k = known.get(id);
    if (!k) {
      errors[`${id}.row`] = unknownVariant(id);
      continue;
    }
    const flags = Object.fromEntries(PRODUCT_ROW_FLAGS.map((f) => [f, k.profile?.[f] ?? false]));
    if (intent === "bulk-dimensions") {
      profiles.push({
        variantId: id,
        lengthIn: lengths[0],
        widthIn: lengths[1],
        heightIn: lengths[2],
        ...flags,
      } as ShippingProfile);
    } else if (!k.profile) {
      errors[`${id}.length`] = `${k.title}: enter its dimensions before setting a flag`;
    } else {
      const { lengthIn, widthIn, heightIn } = k.profile;
      profiles.push({
        variantId: id,
        lengthIn,
        widthIn,
        heightIn,
        ...flags,
        [flag]: form.get("value") === "true",
      } as ShippingProfile);
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return writeProfiles(db, shop, graphql, known, profiles);
}
