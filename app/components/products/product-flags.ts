import type { ProductRowFlag } from "../../contracts/product-bulk-form";

/** The handling flags of the products table, in column order, with the labels the merchant sees. */
export const PRODUCT_FLAG_LABELS: [ProductRowFlag, string][] = [
  ["fragile", "Fragile"],
  ["valuable", "Valuable"],
  ["coldChain", "Cold chain"],
  ["shipAlone", "Ships alone"],
  ["bulky", "Freight only"],
];
