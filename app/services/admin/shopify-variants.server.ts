import type { AdminGraphql } from "./admin-context.server";
import { readAllPages, type Connection } from "./admin-connection.server";

export interface ShopifyVariant {
  /** Numeric id, as the CarrierService callback sends `variant_id`. */
  variantId: string;
  title: string;
  sku: string | null;
  /** Shopify's shipping weight converted to ounces; null when unset. */
  weightOz: number | null;
  /** Unit price in cents. */
  priceCents: number;
}

// Variant weight lives on the inventory item since API 2024-04 (ProductVariant.weight was removed). Every page
// is read by its cursor. 100 per page: each variant costs about 4 points (variant, inventory item, measurement,
// weight), so a page stays near 400 of the 1,000-point single-query limit (250 would exceed it).
export const VARIANTS_PAGE_SIZE = 100;
const VARIANTS_QUERY = `#graphql
  query TailrouteVariants($cursor: String) {
    productVariants(first: ${VARIANTS_PAGE_SIZE}, after: $cursor) {
      nodes {
        id
        displayName
        sku
        price
        inventoryItem { measurement { weight { unit value } } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }`;

export interface VariantNode {
  id: string;
  displayName: string;
  sku: string | null;
  price: string;
  inventoryItem: { measurement: { weight: { unit: string; value: number } | null } | null } | null;
}

interface VariantsData {
  productVariants: Connection<VariantNode>;
}

/** A runaway guard: a catalogue beyond this is read up to here and said so (import dimensions by CSV). */
export const MAX_VARIANTS = 20_000;

const OUNCES_PER: Record<string, number> = {
  GRAMS: 1 / 28.349523125,
  KILOGRAMS: 35.27396195,
  OUNCES: 1,
  POUNDS: 16,
};

export function toShopifyVariant(v: VariantNode): ShopifyVariant {
  const weight = v.inventoryItem?.measurement?.weight;
  return {
    variantId: v.id.slice(v.id.lastIndexOf("/") + 1),
    title: v.displayName,
    sku: v.sku || null,
    priceCents: Math.round(Number(v.price) * 100) || 0,
    weightOz: weight ? Math.round(weight.value * (OUNCES_PER[weight.unit] ?? 0) * 100) / 100 : null,
  };
}

const unreadable = (error: unknown) =>
  `Shopify products could not be read: ${error instanceof Error ? error.message.split("\n")[0] : "unknown error"}`;

/** The shop's variants and their Shopify weights; an unreachable Admin API yields an explained empty list. */
export async function shopifyVariants(
  graphql: AdminGraphql,
): Promise<{ variants: ShopifyVariant[]; error: string | null }> {
  try {
    const { nodes, truncated } = await readAllPages(
      graphql,
      VARIANTS_QUERY,
      (d: VariantsData) => d.productVariants,
      {
        maxNodes: MAX_VARIANTS,
      },
    );
    return {
      variants: nodes.map(toShopifyVariant),
      error: truncated
        ? `The shop has more than ${MAX_VARIANTS.toLocaleString("en-US")} variants: only the first ${MAX_VARIANTS.toLocaleString("en-US")} are listed (import the others' dimensions by CSV)`
        : null,
    };
  } catch (error) {
    return { variants: [], error: unreadable(error) };
  }
}

/** Variants a search finds, as the admin's product pickers offer them. */
export const VARIANT_SEARCH_LIMIT = 20;
const VARIANT_FIELDS = `id displayName sku price inventoryItem { measurement { weight { unit value } } }`;
const SEARCH_QUERY = `#graphql
  query TailrouteVariantSearch($query: String!) {
    productVariants(first: ${VARIANT_SEARCH_LIMIT}, query: $query) { nodes { ${VARIANT_FIELDS} } }
  }`;
const BY_IDS_QUERY = `#graphql
  query TailrouteVariantsByIds($ids: [ID!]!) {
    nodes(ids: $ids) { ... on ProductVariant { ${VARIANT_FIELDS} } }
  }`;

/**
 * Shopify's search syntax for what a merchant typed: each word as a prefix term (`mug*`), so "ceramic mu" finds
 * "Ceramic mug 11 oz"; the syntax's own characters (quotes, colons, parentheses, wildcards) are dropped, so typed
 * text can never become a field filter. See shopify.dev "Shopify API search syntax".
 */
export function variantSearchQuery(typed: string): string {
  return typed
    .replace(/[^\p{L}\p{N}\s_.-]/gu, " ")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => `${word}*`)
    .join(" ");
}

/**
 * The first variants matching what the merchant typed (title, SKU…, as Shopify's product search matches them):
 * one Admin API call however large the catalogue, for pickers that must work with 10,000 products.
 */
export async function searchShopifyVariants(
  graphql: AdminGraphql,
  typed: string,
): Promise<{ variants: ShopifyVariant[]; error: string | null }> {
  const query = variantSearchQuery(typed);
  if (!query) return { variants: [], error: null };
  try {
    const data = await graphql<{ productVariants: { nodes: VariantNode[] } }>(SEARCH_QUERY, { query });
    return { variants: data.productVariants.nodes.map(toShopifyVariant), error: null };
  } catch (error) {
    return { variants: [], error: unreadable(error) };
  }
}

/** The given variants (numeric ids), read by id in one call; ids Shopify does not know are left out. */
export async function shopifyVariantsByIds(
  graphql: AdminGraphql,
  variantIds: string[],
): Promise<{ variants: ShopifyVariant[]; error: string | null }> {
  if (variantIds.length === 0) return { variants: [], error: null };
  try {
    const ids = [...new Set(variantIds)].map((id) => `gid://shopify/ProductVariant/${id}`);
    const data = await graphql<{ nodes: (VariantNode | null)[] }>(BY_IDS_QUERY, { ids });
    const found = data.nodes.filter((n): n is VariantNode => Boolean(n && n.id));
    return { variants: found.map(toShopifyVariant), error: null };
  } catch (error) {
    return { variants: [], error: unreadable(error) };
  }
}
