import { z } from "zod";

// The products page's bulk edit (app/routes/app.products.tsx): rows edited inline in the table, sent together as
// one JSON field `rows`, lengths in the shop's display unit. All rows are saved, or none.

/** At most one page of rows (50) per save, with room for a bulk action over a page's selection. */
export const MAX_ROWS_PER_SAVE = 250;

const length = (name: string) =>
  z
    .number({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? `enter a ${name}`
          : issue.code === "invalid_type"
            ? `${name} must be a number`
            : undefined,
    })
    .refine(Number.isFinite, `${name} must be a number`)
    .refine((v) => v > 0, `${name} must be more than 0`);

export const ProductRowEdit = z.object({
  variantId: z.string().regex(/^\d+$/, "not a variant id"),
  length: length("length"),
  width: length("width"),
  height: length("height"),
  fragile: z.boolean(),
  valuable: z.boolean(),
  coldChain: z.boolean(),
  shipAlone: z.boolean(),
  bulky: z.boolean(),
});
export type ProductRowEdit = z.infer<typeof ProductRowEdit>;

export const PRODUCT_ROW_FLAGS = ["fragile", "valuable", "coldChain", "shipAlone", "bulky"] as const;
export type ProductRowFlag = (typeof PRODUCT_ROW_FLAGS)[number];

/** A typed number field: "" stays undefined (zod says "enter …"), anything else becomes a number (maybe NaN). */
export function typedNumber(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number") return value;
  const text = String(value).trim();
  return text === "" ? undefined : Number(text);
}
