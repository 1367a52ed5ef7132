import type { AdminGraphql } from "../admin-context.server";

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

// Variant weight lives on the inventory item since API 2024-04 (ProductVariant.weight was removed).
const VARIANTS_QUERY = `#graphql
  query TailrouteVariants {
    productVariants(first: 250) {
      nodes {
        id
        displayName
        sku
        price
        inventoryItem { measurement { weight { unit value } } }
      }
    }
  }`;

interface VariantsData {
  productVariants: {
    nodes: {
      id: string;
      displayName: string;
      sku: string | null;
      price: string;
      inventoryItem: { measurement: { weight: { unit: string; value: number } | null } | null } | null;
    }[];
  };
}

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
    const data = await graphql<VariantsData>(VARIANTS_QUERY);
    return {
      variants: data.productVariants.nodes.map((v) => {
        const weight = v.inventoryItem?.measurement?.weight;
        return {
          variantId: v.id.slice(v.id.lastIndexOf("/") + 1),
          title: v.displayName,
          sku: v.sku || null,
          priceCents: Math.round(Number(v.price) * 100) || 0,
          weightOz: weight ? Math.round(weight.value * (OUNCES_PER[weight.unit] ?? 0) * 100) / 100 : null,
        };
      }),
      error: null,
    };
  } catch (error) {
    return {
      variants: [],
      error: `Shopify products could not be read: ${error instanceof Error ? error.message.split("\n")[0] : "unknown error"}`,
    };
  }
}
