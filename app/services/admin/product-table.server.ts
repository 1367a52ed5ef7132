import type { PrismaClient } from "@prisma/client";
import { fromInches, fromOunces, type Units } from "./units";

/** Rows per page of the products table. */
export const PRODUCTS_PAGE_SIZE = 50;

export interface ProductTableFilters {
  /** Searched in the title and the SKU, case-insensitively. */
  q: string;
  /** Only variants without dimensions (shipping as the default box). */
  missing: boolean;
  page: number;
}

/** The table's filters from the page URL (`?q=mug&missing=1&page=2`); anything odd falls back to the default. */
export function productTableFilters(params: URLSearchParams): ProductTableFilters {
  const page = Number(params.get("page"));
  return {
    q: (params.get("q") ?? "").trim().slice(0, 100),
    missing: params.get("missing") === "1",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export interface ProductTableRow {
  variantId: string;
  title: string;
  sku: string | null;
  /** Weight in the shop's unit: Shopify's, else the profile's own (a variant Shopify no longer lists). */
  weight: number | null;
  /** False for a profile whose variant the last read of Shopify did not list. */
  inShopify: boolean;
  /** Lengths in the shop's unit; null = no dimensions (the default box stands in). */
  dimensions: { length: number; width: number; height: number } | null;
  fragile: boolean;
  valuable: boolean;
  coldChain: boolean;
  shipAlone: boolean;
  bulky: boolean;
}

export interface ProductTable {
  rows: ProductTableRow[];
  /** Rows matching the filters, over all pages. */
  total: number;
  page: number;
  pages: number;
  /** Whole shop, whatever the filters: variants listed and how many of them have no dimensions. */
  variants: number;
  missing: number;
}

/**
 * One page of the shop's products: every variant of the last Shopify read, plus profiles of variants Shopify no
 * longer lists, sorted by title, searched and filtered, 50 a page. Only this shop's rows are read.
 */
export async function productTable(
  db: PrismaClient,
  shop: string,
  units: Units,
  filters: ProductTableFilters,
): Promise<ProductTable> {
  const [catalogue, profiles] = await Promise.all([
    db.catalogueVariant.findMany({
      where: { shop },
      select: { variantId: true, title: true, sku: true, weightOz: true },
    }),
    db.productProfile.findMany({ where: { shop, variantId: { not: null } } }),
  ]);
  const profileOf = new Map(profiles.map((p) => [p.variantId!, p]));
  const listed = new Set(catalogue.map((v) => v.variantId));
  const all = [
    ...catalogue.map((v) => ({ ...v, inShopify: true })),
    ...profiles
      .filter((p) => !listed.has(p.variantId!))
      .map((p) => ({
        variantId: p.variantId!,
        title: p.name,
        sku: p.sku,
        weightOz: p.weightOz,
        inShopify: false,
      })),
  ].sort((a, b) => a.title.localeCompare(b.title) || a.variantId.localeCompare(b.variantId));
  const needle = filters.q.toLowerCase();
  const matching = all.filter(
    (v) =>
      (!filters.missing || !profileOf.has(v.variantId)) &&
      (!needle || v.title.toLowerCase().includes(needle) || (v.sku ?? "").toLowerCase().includes(needle)),
  );
  const pages = Math.max(1, Math.ceil(matching.length / PRODUCTS_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const rows = matching.slice((page - 1) * PRODUCTS_PAGE_SIZE, page * PRODUCTS_PAGE_SIZE).map((v) => {
    const p = profileOf.get(v.variantId);
    const weightOz = v.weightOz ?? p?.weightOz ?? null;
    return {
      variantId: v.variantId,
      title: v.title,
      sku: v.sku,
      weight: weightOz === null ? null : fromOunces(weightOz, units.weightUnit),
      inShopify: v.inShopify,
      dimensions: p
        ? {
            length: fromInches(p.lengthIn, units.dimensionUnit),
            width: fromInches(p.widthIn, units.dimensionUnit),
            height: fromInches(p.heightIn, units.dimensionUnit),
          }
        : null,
      fragile: p?.fragile ?? false,
      valuable: p?.valuable ?? false,
      coldChain: p?.coldChain ?? false,
      shipAlone: p?.shipAlone ?? false,
      bulky: p?.bulky ?? false,
    };
  });
  return {
    rows,
    total: matching.length,
    page,
    pages,
    variants: catalogue.length,
    missing: catalogue.filter((v) => !profileOf.has(v.variantId)).length,
  };
}
