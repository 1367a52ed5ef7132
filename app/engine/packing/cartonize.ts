import { pack3D, type Item3D } from "binpackingjs/3d";
import type { CartonConfig, PackageContent } from "../types";
import { sortedDims } from "./dimensions";
import { PACKING_FACTOR, packableCount, toLibraryWeight } from "./packable-count";
import { memoisedPlacement } from "./placement-memo";
import type { PackedPackage, PackingResult, PackUnit } from "./types";

/** A carton prepared once per config: sides sorted, volume and payload precomputed. */
export interface PreparedCarton {
  carton: CartonConfig;
  sides: [number, number, number];
  volumeCubicIn: number;
  payloadOz: number;
}

/**
 * Sorts cartons smallest volume first (ties by id) and precomputes what the heuristic needs.
 *
 * @example
 * prepareCartons(config.cartons)[0].carton.id; // the smallest carton
 */
export function prepareCartons(cartons: readonly CartonConfig[]): PreparedCarton[] {
  return cartons
    .map((carton) => {
      const sides = sortedDims(carton);
      return {
        carton,
        sides,
        volumeCubicIn: sides[0] * sides[1] * sides[2],
        payloadOz: carton.maxWeightOz - carton.tareWeightOz,
      };
    })
    .filter((c) => c.payloadOz > 0)
    .sort((a, b) => a.volumeCubicIn - b.volumeCubicIn || a.carton.id.localeCompare(b.carton.id));
}

// binpackingjs scales decimals by a factor; fixing it at 100 (0.01 in / 0.01 oz) keeps its integer maths small.
const FACTOR = PACKING_FACTOR;

function unitFitsAlone(unit: PackUnit, c: PreparedCarton): boolean {
  return (
    unit.lengthIn <= c.sides[0] &&
    unit.widthIn <= c.sides[1] &&
    unit.heightIn <= c.sides[2] &&
    unit.weightOz <= c.payloadOz
  );
}

/** The indices (into `units`) the 3D heuristic places in one carton (remembered: `memoisedPlacement`). */
function packInto(c: PreparedCarton, units: readonly PackUnit[]): readonly number[] {
  // One unit: the heuristic places it exactly when it fits the carton alone (what `packableCount` tells).
  if (units.length === 1) return packableCount(c.sides, c.payloadOz, units) === 1 ? ONE : NONE;
  return memoisedPlacement(c, units, () => runHeuristic(c, units));
}

const ONE: readonly number[] = [0];
const NONE: readonly number[] = [];

/** Runs the 3D heuristic for one carton; returns the indices (into `units`) that fit. */
function runHeuristic(c: PreparedCarton, units: readonly PackUnit[]): number[] {
  const items: Item3D[] = units.map((u, i) => ({
    name: String(i),
    width: u.lengthIn,
    height: u.widthIn,
    depth: u.heightIn,
    weight: toLibraryWeight(u.weightOz),
  }));
  const result = pack3D({
    bins: [
      { name: c.carton.id, width: c.sides[0], height: c.sides[1], depth: c.sides[2], maxWeight: c.payloadOz },
    ],
    items,
    factor: FACTOR,
  });
  const packed = result.packedBins[0]?.items ?? [];
  return packed.map((p) => Number(p.sourceItem.name)).sort((a, b) => a - b);
}

/** Cheap necessary conditions before asking the 3D heuristic. */
function mayFitAll(c: PreparedCarton, units: readonly PackUnit[]): boolean {
  let volume = 0;
  let weight = 0;
  for (const u of units) {
    if (!unitFitsAlone(u, c)) return false;
    volume += u.lengthIn * u.widthIn * u.heightIn;
    weight += u.weightOz;
  }
  return volume <= c.volumeCubicIn && weight <= c.payloadOz;
}

function fitsAll(c: PreparedCarton, units: readonly PackUnit[]): boolean {
  return mayFitAll(c, units) && packInto(c, units).length === units.length;
}

function contentsOf(units: readonly PackUnit[]): PackageContent[] {
  const byKey = new Map<string, PackageContent>();
  for (const u of units) {
    const key = `${u.variantId ?? ""}|${u.sku ?? ""}`;
    const existing = byKey.get(key);
    if (existing) existing.quantity += 1;
    else
      byKey.set(key, {
        ...(u.variantId ? { variantId: u.variantId } : {}),
        ...(u.sku ? { sku: u.sku } : {}),
        quantity: 1,
      });
  }
  return [...byKey.values()];
}

function cartonPackage(c: PreparedCarton, units: PackUnit[]): PackedPackage {
  const contentOz = units.reduce((s, u) => s + u.weightOz, 0);
  return {
    cartonId: c.carton.id,
    lengthIn: c.sides[0],
    widthIn: c.sides[1],
    heightIn: c.sides[2],
    weightOz: contentOz + c.carton.tareWeightOz,
    contents: contentsOf(units),
    units,
    bulky: units.some((u) => u.bulky),
    coldChain: units.some((u) => u.coldChain),
  };
}

function ownPackage(unit: PackUnit): PackedPackage {
  return {
    cartonId: null,
    lengthIn: unit.lengthIn,
    widthIn: unit.widthIn,
    heightIn: unit.heightIn,
    weightOz: unit.weightOz,
    contents: contentsOf([unit]),
    units: [unit],
    bulky: unit.bulky,
    coldChain: unit.coldChain,
  };
}

/**
 * Cartonization heuristic (documented in docs/engine.md):
 * 1. ship-alone, bulky and own-skid units each travel in their own packaging;
 * 2. the rest, largest first, go into the smallest carton that holds them all (3D placement with rotation by
 *    binpackingjs, respecting the carton's payload = max weight − tare);
 * 3. if no carton holds them all, the carton that takes the most units (ties: the smaller carton) is filled,
 *    then shrunk to the smallest carton that still holds exactly those units, and the leftovers start over;
 * 4. a unit no carton can hold ships in its own packaging and is reported.
 *
 * @example
 * cartonize(units, prepareCartons(config.cartons)).packages.length; // 1 for two mugs and a t-shirt
 */
export function cartonize(units: readonly PackUnit[], cartons: readonly PreparedCarton[]): PackingResult {
  const packages: PackedPackage[] = [];
  const oversizeUnits: string[] = [];
  let pool: PackUnit[] = [];
  for (const u of units) {
    if (u.shipAlone || u.bulky || u.ownSkid === true) packages.push(ownPackage(u));
    else pool.push(u);
  }
  // Largest first: the heuristic places big items before small ones fill the gaps.
  pool.sort(
    (a, b) =>
      b.lengthIn * b.widthIn * b.heightIn - a.lengthIn * a.widthIn * a.heightIn ||
      b.weightOz - a.weightOz ||
      a.profileKey.localeCompare(b.profileKey),
  );
  while (pool.length > 0) {
    // The 3D runs on this pool, by carton: the search for a carton taking everything and the one for the carton
    // taking the most ask the same question of the same cartons.
    const placed: (readonly number[] | undefined)[] = [];
    const whole = cartons.find(
      (c, i) => mayFitAll(c, pool) && (placed[i] = packInto(c, pool)).length === pool.length,
    );
    if (whole) {
      packages.push(cartonPackage(whole, pool));
      break;
    }
    let best: { carton: PreparedCarton; indices: readonly number[] } | undefined;
    for (let i = 0; i < cartons.length; i += 1) {
      const c = cartons[i];
      // Only a carton that may take more units than the best so far can replace it (ties keep the smaller one).
      if (placed[i] === undefined && packableCount(c.sides, c.payloadOz, pool) <= (best?.indices.length ?? 0))
        continue;
      const indices = placed[i] ?? packInto(c, pool);
      if (indices.length > 0 && (!best || indices.length > best.indices.length))
        best = { carton: c, indices };
    }
    if (!best) {
      const [unit, ...rest] = pool;
      packages.push(ownPackage(unit));
      oversizeUnits.push(unit.name);
      pool = rest;
      continue;
    }
    const chosen = new Set(best.indices);
    const packedUnits = pool.filter((_, i) => chosen.has(i));
    const smallest = cartons.find((c) => fitsAll(c, packedUnits)) ?? best.carton;
    packages.push(cartonPackage(smallest, packedUnits));
    pool = pool.filter((_, i) => !chosen.has(i));
  }
  return { packages, oversizeUnits };
}
