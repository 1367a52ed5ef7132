import type { CompiledShopConfig } from "../config/types";
import type { IssueList } from "../issues";
import { resolveLine, type ResolvedLine } from "../packing";
import type { CartLine } from "../types";

const MAX_UNITS = 10_000;

/** A resolved line as the catalogue gave it, with the fields it was resolved from. */
interface KnownUnit {
  variantId: string | undefined;
  sku: string | undefined;
  name: string | undefined;
  grams: number;
  resolved: ResolvedLine;
}

/** Per compiled config: resolved units by variant id ("" without one), each list compared field by field. */
interface UnitTable {
  byVariant: Map<string, KnownUnit[]>;
  size: number;
}

const unitsByConfig = new WeakMap<CompiledShopConfig, UnitTable>();

/**
 * `resolveLine`, with the unit shared by every line of the same variant, SKU, name and weight under one compiled
 * config (the catalogue's products come back checkout after checkout). Found by variant id, then by comparing the
 * other fields, so no key text is built per line. Bounded; the line and quantity are the caller's own.
 */
function resolvedLine(compiled: CompiledShopConfig, line: CartLine): ResolvedLine {
  let table = unitsByConfig.get(compiled);
  if (!table) {
    table = { byVariant: new Map(), size: 0 };
    unitsByConfig.set(compiled, table);
  }
  const { variantId, sku, name, grams } = line;
  let list = table.byVariant.get(variantId ?? "");
  let known: ResolvedLine | undefined;
  if (list)
    for (const entry of list)
      if (
        entry.variantId === variantId &&
        entry.sku === sku &&
        entry.name === name &&
        entry.grams === grams
      ) {
        known = entry.resolved;
        break;
      }
  if (!known) {
    known = resolveLine(line, compiled.lookupProfile, compiled.config.defaultBox);
    if (table.size >= MAX_UNITS) {
      table.byVariant.clear();
      table.size = 0;
      list = undefined;
    }
    if (!list) {
      list = [];
      table.byVariant.set(variantId ?? "", list);
    }
    list.push({ variantId, sku, name, grams, resolved: known });
    table.size += 1;
  }
  return { line, unit: known.unit, quantity: line.quantity, profiled: known.profiled };
}

/**
 * Resolves cart lines against the catalogue. Lines with a non-positive or fractional quantity or negative
 * weight are skipped (INVALID_CART_LINE); lines without a profile use the default box (PROFILE_MISSING).
 *
 * @example
 * resolveCart(compiled, [{ variantId: "4001", quantity: 2, grams: 350, priceCents: 1800 }], issues).length; // 1
 */
export function resolveCart(
  compiled: CompiledShopConfig,
  cart: readonly CartLine[],
  issues: IssueList,
): ResolvedLine[] {
  const lines: ResolvedLine[] = [];
  for (const line of cart) {
    const label = line.sku ?? line.variantId ?? line.name ?? "item";
    if (!Number.isInteger(line.quantity) || line.quantity <= 0 || !(line.grams >= 0)) {
      issues.add(
        "INVALID_CART_LINE",
        "warning",
        `Cart line ${label} skipped: quantity must be a positive integer and grams ≥ 0`,
      );
      continue;
    }
    const resolved = resolvedLine(compiled, line);
    if (!resolved.profiled) {
      issues.add("PROFILE_MISSING", "warning", `No product profile for ${label}: default box assumed`);
    }
    lines.push(resolved);
  }
  return lines;
}
