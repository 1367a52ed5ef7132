import type { CartLine, DefaultBoxConfig, ProductProfile } from "../types";
import { GRAMS_PER_OZ, sortedDims } from "./dimensions";
import type { PackUnit } from "./types";

/** A cart line resolved against the catalogue: one unit template and how many of it. */
export interface ResolvedLine {
  line: CartLine;
  unit: PackUnit;
  quantity: number;
  /** False when the default box stood in for a missing profile. */
  profiled: boolean;
}

/** Finds a product profile by variant id first, then by SKU. */
export type ProfileLookup = (
  variantId: string | undefined,
  sku: string | undefined,
) => ProductProfile | undefined;

/**
 * Resolves a cart line to a unit template. Weight precedence: the cart's grams (Shopify's variant weight, the
 * merchant's source of truth) → the profile's weightOz → the default box's weightOz. Dimensions: profile →
 * default box.
 *
 * @example
 * resolveLine({ variantId: "4001", quantity: 2, grams: 350, priceCents: 1800 }, lookup, defaultBox).unit.weightOz; // ≈ 12.35
 */
export function resolveLine(
  line: CartLine,
  lookup: ProfileLookup,
  defaultBox: DefaultBoxConfig,
): ResolvedLine {
  const profile = lookup(line.variantId, line.sku);
  const dims = sortedDims(profile ?? defaultBox);
  const weightOz = line.grams > 0 ? line.grams / GRAMS_PER_OZ : (profile?.weightOz ?? defaultBox.weightOz);
  // The key names the line's identity (contents are reported per variant) and whether a profile was found.
  const profileKey = `${line.variantId ?? ""}/${line.sku ?? ""}/${profile ? "p" : "d"}`;
  const unit: PackUnit = {
    profileKey,
    ...(line.variantId ? { variantId: line.variantId } : {}),
    ...(line.sku ? { sku: line.sku } : {}),
    name: profile?.name ?? line.name ?? line.sku ?? line.variantId ?? "item",
    lengthIn: dims[0],
    widthIn: dims[1],
    heightIn: dims[2],
    weightOz,
    shipAlone: profile?.shipAlone ?? false,
    bulky: profile?.bulky ?? false,
    fragile: profile?.fragile ?? false,
    valuable: profile?.valuable ?? false,
    coldChain: profile?.coldChain ?? false,
    ...(profile?.stackable === false ? { stackable: false } : {}),
    ...(profile?.ownSkid ? { ownSkid: true } : {}),
    ...(profile?.nmfcClass !== undefined ? { nmfcClass: profile.nmfcClass } : {}),
  };
  return { line, unit, quantity: line.quantity, profiled: profile !== undefined };
}

/**
 * Expands resolved lines into one unit per physical item.
 *
 * @example
 * expandUnits([{ unit, quantity: 3, … }]).length; // 3
 */
export function expandUnits(lines: readonly { unit: PackUnit; quantity: number }[]): PackUnit[] {
  const units: PackUnit[] = [];
  for (const l of lines) for (let i = 0; i < l.quantity; i += 1) units.push(l.unit);
  return units;
}
