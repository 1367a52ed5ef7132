// The product dimensions CSV checked in slices in the browser, so a file of thousands of lines never holds the
// page still (the import's progress bar keeps moving). Each slice goes through the contract itself
// (productProfilesFromCsv), so every per-line rule is the server's; what spans slices — a variant repeated in
// another slice, a file without products — is added here with the contract's own wording. A property test holds
// the result equal to checking the whole file at once (tests/admin/products.test.ts).
import Papa from "papaparse";
import { productProfilesFromCsv } from "../../contracts/product-csv";
import { csvRows, type CsvLineError } from "../../contracts/rate-card-csv";

export interface ProductCsvCheck {
  errors: CsvLineError[];
  /** Products the file would import (0 whenever a line is wrong, like the contract). */
  products: number;
}

/** Data lines per slice. */
export const PRODUCT_CSV_SLICE_ROWS = 500;

/** The contract's wording of a repeated variant and of a bad yes/no cell. */
const REPEAT = /^variant \S+ is already on line \d+$/;
const FLAG_ERROR = / must be yes or no$/;

const blank = (row: string[]) => row.every((cell) => cell.trim() === "");

/**
 * Checks a product CSV slice by slice: yields the share of lines checked (0–1) after each slice and returns what
 * `productProfilesFromCsv(text)` would find.
 */
export function* checkProductCsv(
  text: string,
  sliceRows = PRODUCT_CSV_SLICE_ROWS,
): Generator<number, ProductCsvCheck> {
  const rows = csvRows(text);
  const header = rows[0] ?? [];
  const headerOnly = productProfilesFromCsv(Papa.unparse([header]));
  if (headerOnly.errors.some((e) => e.line === 1)) return { errors: headerOnly.errors, products: 0 };
  const variantColumn = header.map((c) => c.trim().toLowerCase()).indexOf("variant_id");
  const errors: CsvLineError[] = [];
  const firstLineOf = new Map<string, number>();
  let products = 0;
  for (let start = 1; start < rows.length; start += sliceRows) {
    const slice = rows.slice(start, start + sliceRows);
    // Slice line 2 is file line start + 1.
    const toFileLine = (line: number) => line + start - 1;
    const result = productProfilesFromCsv(Papa.unparse([header, ...slice]));
    // Lines the contract could not read (a zod error) never count for repeats; a bad yes/no flag still does.
    const unreadLines = new Set<number>();
    for (const error of result.errors) {
      // Decided for the whole file below: a repeat may point to another slice, emptiness is the file's.
      if (error.message === "the file has no products" || REPEAT.test(error.message)) continue;
      const line = toFileLine(error.line);
      if (!FLAG_ERROR.test(error.message)) unreadLines.add(line);
      errors.push({ line, message: error.message });
    }
    slice.forEach((row, index) => {
      const line = start + index + 1;
      if (blank(row) || unreadLines.has(line)) return;
      const variantId = (row[variantColumn] ?? "").trim();
      const earlier = firstLineOf.get(variantId);
      if (earlier !== undefined) {
        errors.push({ line, message: `variant ${variantId} is already on line ${earlier}` });
        return;
      }
      firstLineOf.set(variantId, line);
      products += 1;
    });
    yield Math.min(1, (start + slice.length - 1) / Math.max(1, rows.length - 1));
  }
  if (products === 0 && errors.length === 0) errors.push({ line: 2, message: "the file has no products" });
  errors.sort((a, b) => a.line - b.line);
  return errors.length > 0 ? { errors, products: 0 } : { errors, products };
}
