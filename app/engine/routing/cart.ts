import type { CompiledShopConfig } from "../config/types";
import type { IssueList } from "../issues";
import { resolveLine, type ResolvedLine } from "../packing";
import type { CartLine } from "../types";

const MAX_UNITS = 10_000;
const unitsByConfig = new WeakMap<CompiledShopConfig, Map<string, ResolvedLine>>();

/**
 * `resolveLine`, with the unit shared by every line of the same variant, SKU, name and weight under one compiled
 * config (the catalogue's products come back checkout after checkout). Bounded; the line and quantity are the
 * caller's own.
 */
function resolvedLine(compiled: CompiledShopConfig, line: CartLine): ResolvedLine {
  let units = unitsByConfig.get(compiled);
  if (!units) {
    units = new Map();
    unitsByConfig.set(compiled, units);
  }
  // Lengths first, so no text in a field can make two different lines share a key.
  const { variantId, sku, name } = line;
  const key = `${variantId?.length ?? -1}|${sku?.length ?? -1}|${name?.length ?? -1}|${line.grams}|${variantId ?? ""}${sku ?? ""}${name ?? ""}`;
  let known = units.get(key);
  if (!known) {
    known = resolveLine(line, compiled.lookupProfile, compiled.config.defaultBox);
    if (units.size >= MAX_UNITS) units.clear();
    units.set(key, known);
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
