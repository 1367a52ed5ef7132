import { cartonize, type PreparedCarton } from "./cartonize";
import { expandUnits } from "./cart-units";
import type { PackingResult, PackUnit } from "./types";

/**
 * Packing results keyed by cart signature (profile, unit weight and quantity of every line, order-free).
 * Bounded: when full, the oldest entry goes (Map keeps insertion order), so memory stays flat under load.
 *
 * @example
 * const cache = new PackingCache(cartons, 5000);
 * cache.pack([{ unit: mug, quantity: 2 }]) === cache.pack([{ unit: mug, quantity: 2 }]); // true
 */
export class PackingCache {
  private readonly entries = new Map<string, PackingResult>();
  hits = 0;
  misses = 0;
  /**
   * Bumped whenever an entry leaves (eviction, `clear`): while it is unchanged, a packing this cache returned is
   * still the one it returns for that signature, so a caller holding it need not ask again.
   */
  generation = 0;

  constructor(
    private readonly cartons: readonly PreparedCarton[],
    private readonly maxEntries = 5000,
  ) {}

  pack(lines: readonly { unit: PackUnit; quantity: number }[]): PackingResult {
    return this.packBySignature(cartSignature(lines), lines);
  }

  /**
   * `pack` for a caller that keeps the signature of `lines` (it must be `cartSignature(lines)`), so a hot path
   * asking for the same contents again skips rebuilding it.
   */
  packBySignature(key: string, lines: readonly { unit: PackUnit; quantity: number }[]): PackingResult {
    const cached = this.entries.get(key);
    if (cached) {
      this.hits += 1;
      return cached;
    }
    this.misses += 1;
    const result = cartonize(expandUnits(lines), this.cartons);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
      this.generation += 1;
    }
    this.entries.set(key, result);
    return result;
  }

  clear(): void {
    this.entries.clear();
    this.generation += 1;
  }
}

/**
 * Order-independent signature of what is being packed. Weight is part of it because carton payload limits
 * depend on it; it is rounded to 0.01 oz so float noise does not split the cache.
 *
 * @example
 * cartSignature([{ unit: mug, quantity: 2 }]); // "4001/MUG-11/p@12.35x2"
 */
export function cartSignature(lines: readonly { unit: PackUnit; quantity: number }[]): string {
  const parts = lines.map(
    (l) => `${l.unit.profileKey}@${Math.round(l.unit.weightOz * 100) / 100}x${l.quantity}`,
  );
  return parts.length === 1 ? parts[0] : parts.sort().join(",");
}
