import type { z } from "zod";
import { zodIssuesText } from "../contracts/zod-issues";

/** Where a stored Json value came from, so a bad row can be found and fixed. */
export interface JsonColumnRef {
  shop: string;
  /** Prisma model and column, e.g. "CarrierService.surcharges". */
  column: string;
  /** The row's id, when there is one. */
  id?: string;
}

/** A stored Json value that does not match its schema: written by an older version, or corrupted. */
export class StoredJsonError extends Error {
  readonly shop: string;
  readonly column: string;
  constructor(ref: JsonColumnRef, detail: string) {
    super(
      `Stored ${ref.column}${ref.id ? ` of row ${ref.id}` : ""} for shop ${ref.shop} is not valid: ${detail}`,
    );
    this.name = "StoredJsonError";
    this.shop = ref.shop;
    this.column = ref.column;
  }
}

/**
 * Reads a Prisma `Json` column through its zod schema: the typed value, or a {@link StoredJsonError} naming the shop
 * and column. Never a cast: a row written by an older version fails here, with a clear message, and not deep in the
 * engine.
 *
 * @example
 * const rules = readJsonColumn(SurchargeRulesSchema, row.surcharges, { shop, column: "CarrierService.surcharges" });
 */
export function readJsonColumn<S extends z.ZodType>(
  schema: S,
  value: unknown,
  ref: JsonColumnRef,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new StoredJsonError(ref, zodIssuesText(parsed.error, { root: "value", limit: 5 }));
  return parsed.data;
}
