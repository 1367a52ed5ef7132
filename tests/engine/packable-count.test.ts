import { pack3D } from "binpackingjs/3d";
import { describe, expect, it } from "vitest";
import { PACKING_FACTOR, packableCount, toLibraryWeight } from "../../app/engine/packing/packable-count";
import { seededRandom } from "../../bench/lib/varied-mix";

/** What binpackingjs itself places in one carton, as `cartonize` asks it. */
function placedByLibrary(
  sides: [number, number, number],
  payloadOz: number,
  units: { lengthIn: number; widthIn: number; heightIn: number; weightOz: number }[],
): number {
  const result = pack3D({
    bins: [{ name: "c", width: sides[0], height: sides[1], depth: sides[2], maxWeight: payloadOz }],
    items: units.map((u, i) => ({
      name: String(i),
      width: u.lengthIn,
      height: u.widthIn,
      depth: u.heightIn,
      weight: toLibraryWeight(u.weightOz),
    })),
    factor: PACKING_FACTOR,
  });
  return result.packedBins[0]?.items.length ?? 0;
}

describe("packableCount (the bound cartonize uses to skip 3D runs)", () => {
  it("is never below what the 3D heuristic places, and 0 exactly when it places nothing", () => {
    // GIVEN 600 random cartons and unit sets, sides with and without fractions of an inch
    const random = seededRandom(14);
    const side = (max: number) => {
      const value = 0.5 + random() * max;
      return random() < 0.5 ? Math.round(value) : Math.round(value * 1000) / 1000;
    };
    for (let i = 0; i < 600; i += 1) {
      const sides: [number, number, number] = [side(24), side(18), side(12)];
      const payloadOz = side(400);
      const units = Array.from({ length: 1 + Math.floor(random() * 8) }, () => ({
        lengthIn: side(20),
        widthIn: side(12),
        heightIn: side(8),
        weightOz: side(120),
      }));
      // WHEN the bound and the library's own placement are compared
      const bound = packableCount(sides, payloadOz, units);
      const placed = placedByLibrary(sides, payloadOz, units);
      // THEN the bound holds, and says 0 only when the library places none (and 1 for a lone unit that fits)
      expect(placed).toBeLessThanOrEqual(bound);
      expect(bound === 0).toBe(placed === 0);
      if (units.length === 1) expect(bound).toBe(placed);
    }
  });
});
