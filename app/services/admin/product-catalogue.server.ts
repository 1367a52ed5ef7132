import type { PrismaClient } from "@prisma/client";
import type { AdminGraphql } from "./admin-context.server";
import { readAllPages, type Connection } from "./admin-connection.server";
import { configSaved } from "./config-version.server";
import {
  ensureShippingMetafieldDefinitions,
  profileFromMetafields,
  SHIPPING_METAFIELD_SELECTION,
  SHIPPING_METAFIELDS,
  shippingValuesOf,
} from "./product-metafields.server";
import { MAX_VARIANTS, toShopifyVariant, type VariantNode } from "./shopify-variants.server";

// The products page's copy of the Shopify catalogue (CatalogueVariant): every variant with its title, SKU and
// Shopify weight, read page by page with its `$app:shipping` metafields. Metafields that give all three lengths
// become (or update) the variant's ProductProfile, so dimensions a merchant typed on the Shopify variant page reach
// the rates; the page then pages, searches and counts from the database.

// Each variant costs about 12 points here (variant, inventory item weight, eight metafield objects), so 50 per page
// stays near 600 of the 1,000-point single-query limit.
export const CATALOGUE_PAGE_SIZE = 50;
const CATALOGUE_QUERY = `#graphql
  query TailrouteCatalogue($cursor: String) {
    productVariants(first: ${CATALOGUE_PAGE_SIZE}, after: $cursor) {
      nodes {
        id
        displayName
        sku
        price
        inventoryItem { measurement { weight { unit value } } }
        ${SHIPPING_METAFIELD_SELECTION}
      }
      pageInfo { hasNextPage endCursor }
    }
  }`;

type CatalogueNode = VariantNode & Record<string, { value: string } | null | unknown>;

export interface CatalogueSyncResult {
  ok: boolean;
  message: string;
  variants: number;
  /** Profiles created or changed from Shopify's metafields. */
  fromShopify: number;
  /** Why the catalogue could not be read (nothing was changed), or why it is incomplete. */
  error: string | null;
}

const firstLine = (error: unknown) =>
  error instanceof Error ? error.message.split("\n")[0] : "unknown error";

/**
 * Reads every variant (up to 20,000) with its `$app:shipping` metafields and replaces the shop's catalogue copy;
 * variants whose metafields give all three lengths get their profile from them (Shopify is where both the admin and
 * the merchant's own edits land). A failed page changes nothing. Creates the metafield definitions first (an
 * existing one is fine), so reading on demand also repairs a shop whose install could not create them.
 */
export async function syncCatalogue(
  db: PrismaClient,
  shop: string,
  graphql: AdminGraphql,
  now: Date = new Date(),
): Promise<CatalogueSyncResult> {
  const definitions = await ensureShippingMetafieldDefinitions(graphql);
  let pages;
  try {
    pages = await readAllPages(
      graphql,
      CATALOGUE_QUERY,
      (d: { productVariants: Connection<CatalogueNode> }) => d.productVariants,
      {
        maxNodes: MAX_VARIANTS,
      },
    );
  } catch (error) {
    const reason = `Shopify products could not be read: ${firstLine(error)}`;
    return { ok: false, message: reason, variants: 0, fromShopify: 0, error: reason };
  }
  const variants = pages.nodes.map((node) => {
    const values: Record<string, string | null> = {};
    for (const m of SHIPPING_METAFIELDS) {
      const field = node[m.key] as { value?: string } | null | undefined;
      values[m.key] = field?.value ?? null;
    }
    return { ...toShopifyVariant(node), fromMetafields: profileFromMetafields(shippingValuesOf(values)) };
  });
  const existing = new Map(
    (await db.productProfile.findMany({ where: { shop, variantId: { not: null } } })).map((p) => [
      p.variantId!,
      p,
    ]),
  );
  const changed = variants.filter((v) => {
    if (!v.fromMetafields) return false;
    const p = existing.get(v.variantId);
    if (!p) return true;
    return (Object.keys(v.fromMetafields) as (keyof typeof v.fromMetafields)[]).some(
      (k) => p[k] !== v.fromMetafields![k],
    );
  });
  await db.$transaction(async (tx) => {
    await tx.catalogueVariant.deleteMany({ where: { shop } });
    for (let i = 0; i < variants.length; i += 1000)
      await tx.catalogueVariant.createMany({
        data: variants.slice(i, i + 1000).map((v) => ({
          shop,
          variantId: v.variantId,
          title: v.title,
          sku: v.sku,
          weightOz: v.weightOz,
          syncedAt: now,
        })),
      });
    for (const v of changed) {
      const known = existing.get(v.variantId);
      await tx.productProfile.upsert({
        where: { shop_variantId: { shop, variantId: v.variantId } },
        create: {
          shop,
          variantId: v.variantId,
          name: v.title,
          sku: v.sku,
          weightOz: v.weightOz,
          ...v.fromMetafields!,
        },
        update: { ...v.fromMetafields!, ...(known ? {} : { name: v.title }) },
      });
    }
    if (changed.length > 0)
      await tx.shop.update({ where: { shop }, data: { configVersion: { increment: 1 } } });
  });
  if (changed.length > 0) configSaved(shop);
  const notes = [
    pages.truncated
      ? `only the first ${MAX_VARIANTS.toLocaleString("en-US")} variants were read (import the others' dimensions by CSV)`
      : null,
    definitions.errors.length > 0
      ? `metafield definitions not created: ${definitions.errors.join("; ")}`
      : null,
  ].filter((n): n is string => n !== null);
  return {
    ok: true,
    message: `${variants.length} variants read from Shopify, ${changed.length} dimensions taken from their metafields`,
    variants: variants.length,
    fromShopify: changed.length,
    error: notes.length > 0 ? notes.join("; ") : null,
  };
}

/** Whether the shop's catalogue was ever read (an empty copy is read again when the page opens). */
export async function catalogueRead(db: PrismaClient, shop: string): Promise<Date | null> {
  const row = await db.catalogueVariant.findFirst({ where: { shop }, select: { syncedAt: true } });
  return row?.syncedAt ?? null;
}

/**
 * For the home checklist: how many of the shop's Shopify variants (as last read) have no dimensions and so ship as
 * the default box, out of how many. `variants` is 0 until the products page (or a sync) has read the catalogue.
 */
export async function productsMissingDimensions(
  db: PrismaClient,
  shop: string,
): Promise<{ missing: number; variants: number }> {
  const [catalogue, profiled] = await Promise.all([
    db.catalogueVariant.findMany({ where: { shop }, select: { variantId: true } }),
    db.productProfile.findMany({ where: { shop, variantId: { not: null } }, select: { variantId: true } }),
  ]);
  const withDimensions = new Set(profiled.map((p) => p.variantId));
  return {
    missing: catalogue.filter((v) => !withDimensions.has(v.variantId)).length,
    variants: catalogue.length,
  };
}
