import type { CompiledShopConfig } from "../config/types";
import type { IssueList } from "../issues";
import { resolveLine, type ResolvedLine } from "../packing";
import type { CartLine } from "../types";

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
    const resolved = resolveLine(line, compiled.lookupProfile, compiled.config.defaultBox);
    if (!resolved.profiled) {
      issues.add("PROFILE_MISSING", "warning", `No product profile for ${label}: default box assumed`);
    }
    lines.push(resolved);
  }
  return lines;
}
