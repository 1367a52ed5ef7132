// The product dimensions CSV checked in slices in the browser, so a file of thousands of lines never holds the
// page still (the import's progress bar keeps moving). The contract's own reading runs, pausing every slice, so
// every rule, and its wording, is the server's (tests/admin/products.test.ts holds the two equal).
import { readProductCsv } from "../../contracts/product-csv";
import type { CsvLineError } from "../../contracts/rate-card-csv";

export interface ProductCsvCheck {
  errors: CsvLineError[];
  /** Products the file would import (0 whenever a line is wrong, like the contract). */
  products: number;
}

/** Data lines per slice. */
export const PRODUCT_CSV_SLICE_ROWS = 500;

/**
 * Checks a product CSV slice by slice: yields the share of lines checked (0–1) after each slice and returns what
 * `productProfilesFromCsv(text)` would find.
 */
export function* checkProductCsv(
  text: string,
  sliceRows = PRODUCT_CSV_SLICE_ROWS,
): Generator<number, ProductCsvCheck> {
  const { errors, profiles } = yield* readProductCsv(text, sliceRows);
  return { errors, products: profiles.length };
}
