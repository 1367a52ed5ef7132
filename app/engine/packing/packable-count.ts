/** The scale the packing heuristic runs at (0.01 in / 0.01 oz): `cartonize` passes it to binpackingjs. */
export const PACKING_FACTOR = 100;

/** A weight as `cartonize` hands it to binpackingjs: rounded up to the factor (never under the real weight). */
export const toLibraryWeight = (oz: number) => Math.ceil(oz * PACKING_FACTOR - 1e-6) / PACKING_FACTOR;

/** A value as binpackingjs scales it before any comparison (`Math.round(value × factor)`). */
const scaled = (value: number) => Math.round(value * PACKING_FACTOR);

interface Box {
  lengthIn: number;
  widthIn: number;
  heightIn: number;
}

/**
 * An upper bound of how many of `units` the 3D heuristic can place in one carton (sides `sides`, payload
 * `payloadOz`), computed in the library's own integer units: a placed unit fits the carton alone in some rotation
 * and within the payload, and the placed units together weigh no more than the payload and take no more than the
 * carton's volume. 0 means the heuristic places none. Lets `cartonize` skip a 3D run whose answer cannot matter.
 *
 * @example
 * packableCount([8, 6, 4], 316, [mug, mug, lamp]); // 2: the lamp is longer than the small box
 */
export function packableCount(
  sides: readonly [number, number, number],
  payloadOz: number,
  units: readonly (Box & { weightOz: number })[],
): number {
  const [x, y, z] = sortedScaled(sides[0], sides[1], sides[2]);
  const maxWeight = scaled(payloadOz);
  if (maxWeight === 0) return 0;
  const weights: number[] = [];
  const volumes: number[] = [];
  for (const u of units) {
    const [a, b, c] = sortedScaled(u.lengthIn, u.widthIn, u.heightIn);
    const weight = scaled(toLibraryWeight(u.weightOz));
    if (a > x || b > y || c > z || weight > maxWeight) continue;
    weights.push(weight);
    volumes.push(a * b * c);
  }
  if (weights.length <= 1) return weights.length;
  return Math.min(fittingCount(weights, maxWeight), fittingCount(volumes, x * y * z));
}

const sorted3: [number, number, number] = [0, 0, 0];

/** Three sides scaled as the library sees them, longest first (in a shared array: read it before the next call). */
function sortedScaled(p: number, q: number, r: number): readonly [number, number, number] {
  let a = scaled(p);
  let b = scaled(q);
  let c = scaled(r);
  if (a < b) [a, b] = [b, a];
  if (b < c) [b, c] = [c, b];
  if (a < b) [a, b] = [b, a];
  sorted3[0] = a;
  sorted3[1] = b;
  sorted3[2] = c;
  return sorted3;
}

/** How many of the smallest values fit together under `limit`. */
function fittingCount(values: number[], limit: number): number {
  values.sort((a, b) => a - b);
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) {
    sum += values[i];
    if (sum > limit) return i;
  }
  return values.length;
}
