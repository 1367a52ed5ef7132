import { ProductProfileForm } from "./admin-forms";
import { csvRows, type CsvLineError } from "./rate-card-csv";

// Product dimensions CSV (docs/admin.md): one row per variant, inches and ounces, flags yes/no.
export const PRODUCT_CSV_COLUMNS = [
  "variant_id",
  "sku",
  "name",
  "length_in",
  "width_in",
  "height_in",
  "weight_oz",
  "fragile",
  "valuable",
  "cold_chain",
  "bulky",
  "ship_alone",
] as const;

/** Contract field → CSV column, so line errors name the column the merchant sees. */
const CSV_COLUMN_OF: Record<string, string> = {
  variantId: "variant_id",
  sku: "sku",
  name: "name",
  lengthIn: "length_in",
  widthIn: "width_in",
  heightIn: "height_in",
  weightOz: "weight_oz",
};

const FLAG: Record<string, boolean> = {
  "": false,
  yes: true,
  no: false,
  true: true,
  false: false,
  "1": true,
  "0": false,
  y: true,
  n: false,
};

export interface ProductCsvResult {
  profiles: ProductProfileForm[];
  errors: CsvLineError[];
}

/** Reads product profiles from CSV text; `profiles` is empty whenever any line is wrong. */
export function productProfilesFromCsv(text: string): ProductCsvResult {
  const reading = readProductCsv(text, Number.POSITIVE_INFINITY);
  for (;;) {
    const step = reading.next();
    if (step.done) return step.value;
  }
}

/**
 * The same reading, yielding the share of data lines read (0–1) every `progressEvery` lines, so a browser can
 * check a large file in slices between paints with exactly the server's rules.
 */
export function* readProductCsv(text: string, progressEvery: number): Generator<number, ProductCsvResult> {
  const rows = csvRows(text);
  const header = (rows[0] ?? []).map((c) => c.trim().toLowerCase());
  const column = new Map(header.map((name, i) => [name, i]));
  const errors: CsvLineError[] = [];
  for (const required of ["variant_id", "name", "length_in", "width_in", "height_in"])
    if (!column.has(required)) errors.push({ line: 1, message: `missing column "${required}"` });
  if (errors.length > 0) return { profiles: [], errors };
  const profiles: ProductProfileForm[] = [];
  const seen = new Map<string, number>();
  const dataLines = rows.length - 1;
  for (let index = 0; index < dataLines; index++) {
    if (index > 0 && index % progressEvery === 0) yield index / dataLines;
    const raw = rows[index + 1];
    const line = index + 2;
    if (raw.every((c) => c.trim() === "")) continue;
    const cell = (name: string) => raw[column.get(name) ?? -1]?.trim() ?? "";
    const number = (name: string) => (cell(name) === "" ? undefined : Number(cell(name)));
    const flags: Record<string, boolean> = {};
    for (const [key, name] of [
      ["fragile", "fragile"],
      ["valuable", "valuable"],
      ["coldChain", "cold_chain"],
      ["bulky", "bulky"],
      ["shipAlone", "ship_alone"],
    ] as const) {
      const value = FLAG[cell(name).toLowerCase()];
      if (value === undefined) errors.push({ line, message: `${name}: "${cell(name)}" must be yes or no` });
      flags[key] = value ?? false;
    }
    const parsed = ProductProfileForm.safeParse({
      variantId: cell("variant_id"),
      ...(cell("sku") ? { sku: cell("sku") } : {}),
      name: cell("name"),
      lengthIn: number("length_in"),
      widthIn: number("width_in"),
      heightIn: number("height_in"),
      weightOz: number("weight_oz"),
      ...flags,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ line, message: `${CSV_COLUMN_OF[String(issue.path[0])] ?? "row"}: ${issue.message}` });
      continue;
    }
    const earlier = seen.get(parsed.data.variantId);
    if (earlier) {
      errors.push({ line, message: `variant ${parsed.data.variantId} is already on line ${earlier}` });
      continue;
    }
    seen.set(parsed.data.variantId, line);
    profiles.push(parsed.data);
  }
  if (profiles.length === 0 && errors.length === 0)
    errors.push({ line: 2, message: "the file has no products" });
  return errors.length > 0 ? { profiles: [], errors } : { profiles, errors };
}
