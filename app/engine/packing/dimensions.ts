import type { DimensionsIn } from "../types";

/**
 * Dimensions sorted longest first, so "length" is always the longest side as carriers define it.
 *
 * @example
 * sortedDims({ lengthIn: 4, widthIn: 12, heightIn: 8 }); // [12, 8, 4]
 */
export function sortedDims(d: DimensionsIn): [number, number, number] {
  const a = [d.lengthIn, d.widthIn, d.heightIn].sort((x, y) => y - x);
  return [a[0], a[1], a[2]];
}

/**
 * Rounds a measured side up to whole inches, as UPS/FedEx/USPS do before any size rule. A tiny epsilon keeps
 * 12.000000001 (float noise) at 12.
 *
 * @example
 * ceilInches(12.2); // 13
 */
export function ceilInches(sideIn: number): number {
  return Math.ceil(sideIn - 1e-9);
}

/**
 * Length + girth = longest + 2 × (the two other sides), each rounded up to whole inches.
 *
 * @example
 * lengthPlusGirthIn({ lengthIn: 20, widthIn: 10, heightIn: 10 }); // 60
 */
export function lengthPlusGirthIn(d: DimensionsIn): number {
  const a = ceilInches(d.lengthIn);
  const b = ceilInches(d.widthIn);
  const c = ceilInches(d.heightIn);
  // longest + 2 × (the two others) = 2 × (all three) − longest, with no sorted copy (asked per package and quote)
  return 2 * (a + b + c) - Math.max(a, b, c);
}

/**
 * Weight in whole pounds, rounded up (carriers bill any fraction of a pound as a full pound); at least 1 lb.
 *
 * @example
 * ouncesToBilledPounds(16.2); // 2
 */
export function ouncesToBilledPounds(weightOz: number): number {
  return Math.max(1, Math.ceil(weightOz / 16 - 1e-9));
}

/** Grams per ounce (avoirdupois). */
export const GRAMS_PER_OZ = 28.349523125;
