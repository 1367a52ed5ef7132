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

interface VariantNode {
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
      variants: nodes.map((v) => {
        const weight = v.inventoryItem?.measurement?.weight;
        return {
          variantId: v.id.slice(v.id.lastIndexOf("/") + 1),
          title: v.displayName,
          sku: v.sku || null,
          priceCents: Math.round(Number(v.price) * 100) || 0,
          weightOz: weight ? Math.round(weight.value * (OUNCES_PER[weight.unit] ?? 0) * 100) / 100 : null,
        };
      }),
      error: truncated
        ? `The shop has more than ${MAX_VARIANTS.toLocaleString("en-US")} variants: only the first ${MAX_VARIANTS.toLocaleString("en-US")} are listed (import the others' dimensions by CSV)`
        : null,
    };
  } catch (error) {
    return {
      variants: [],
      error: `Shopify products could not be read: ${error instanceof Error ? error.message.split("\n")[0] : "unknown error"}`,
    };
  }
}
