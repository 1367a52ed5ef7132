import type { PackUnit } from "./types";

/** Placements kept per carton; the oldest goes first beyond this. */
const MAX_PLACEMENTS = 4096;
const byCarton = new WeakMap<object, Map<string, readonly number[]>>();
const unitKeys = new WeakMap<PackUnit, string>();

/** What the 3D heuristic reads of a unit: its sides and weight. */
function unitKey(unit: PackUnit): string {
  let key = unitKeys.get(unit);
  if (key === undefined) {
    key = `${unit.lengthIn},${unit.widthIn},${unit.heightIn},${unit.weightOz}`;
    unitKeys.set(unit, key);
  }
  return key;
}

/**
 * The units the 3D heuristic places in a carton, remembered per carton (a compiled config's prepared carton) and
 * list of units (sides and weight, in order): the heuristic is deterministic, and the same cartons meet the same
 * unit lists again and again (two mugs and a tee, the leftovers of a split), across carts and their splits. Bounded
 * per carton. The answer is shared: read it, never change it.
 *
 * @example
 * memoisedPlacement(smallBox, [mug, mug], () => runHeuristic(smallBox, [mug, mug])); // [0, 1]
 */
export function memoisedPlacement(
  carton: object,
  units: readonly PackUnit[],
  place: () => number[],
): readonly number[] {
  let placements = byCarton.get(carton);
  if (!placements) {
    placements = new Map();
    byCarton.set(carton, placements);
  }
  let key = "";
  for (const unit of units) key += `${unitKey(unit)};`;
  let placed = placements.get(key);
  if (!placed) {
    placed = place();
    if (placements.size >= MAX_PLACEMENTS) {
      const oldest = placements.keys().next().value;
      if (oldest !== undefined) placements.delete(oldest);
    }
    placements.set(key, placed);
  }
  return placed;
}
