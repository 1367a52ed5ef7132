import type { ProductRowFlag } from "../../contracts/product-bulk-form";
import type { ProductTableRow } from "../../services/admin/product-table.server";

/** A row as edited inline: lengths as typed (display units), flags as ticked. */
export type ProductRowDraft = { variantId: string; length: string; width: string; height: string } & Record<
  ProductRowFlag,
  boolean
>;

/** The row's stored values as a draft (empty lengths for a variant without dimensions). */
export function draftOf(row: ProductTableRow): ProductRowDraft {
  const d = row.dimensions;
  return {
    variantId: row.variantId,
    length: d ? String(d.length) : "",
    width: d ? String(d.width) : "",
    height: d ? String(d.height) : "",
    fragile: row.fragile,
    valuable: row.valuable,
    coldChain: row.coldChain,
    shipAlone: row.shipAlone,
    bulky: row.bulky,
  };
}
