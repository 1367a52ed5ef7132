import type { CompiledService } from "../config/types";
import type { PackedPackage } from "../packing";
import type { HandlingUnitPlan, RatedPackage } from "../types";

type PerService<T> = WeakMap<readonly PackedPackage[], Map<CompiledService, T>>;

/** `build()` once per set of packages and service, then the same answer. */
function perPackagesAndService<T>(
  memo: PerService<T>,
  service: CompiledService,
  packages: readonly PackedPackage[],
  build: () => T,
): T {
  let byService = memo.get(packages);
  if (!byService) {
    byService = new Map();
    memo.set(packages, byService);
  }
  let value = byService.get(service);
  if (value === undefined) {
    value = build();
    byService.set(service, value);
  }
  return value;
}

const ratedPackages: PerService<RatedPackage[]> = new WeakMap();
const handlingUnits: PerService<HandlingUnitPlan[]> = new WeakMap();

/**
 * The rated packages of a set of packages under one service when they depend on nothing else (no light-parcel price
 * tier): made once and shared by every rating of those packages, whatever the zone, day or address. A rating is
 * shared across quotes already and read only, so sharing its packages too changes no answer; it keeps a cached
 * rating small (it is most of what the rating caches retain, and so of what the garbage collector copies).
 *
 * @example
 * sharedRatedPackages(upsGround, packages, () => packages.map(toRated)) === sharedRatedPackages(upsGround, packages, …); // true
 */
export function sharedRatedPackages(
  service: CompiledService,
  packages: readonly PackedPackage[],
  build: () => RatedPackage[],
): RatedPackage[] {
  return perPackagesAndService(ratedPackages, service, packages, build);
}

/**
 * The classed handling units of a set of packages under one LTL service (palletised on the service's pallets):
 * they depend on the packages and the pallets only, so every LTL rating of those packages shares them, read only.
 *
 * @example
 * sharedHandlingUnits(ltl, packages, () => palletize(packages, ltl.pallets).map(classifyHandlingUnit));
 */
export function sharedHandlingUnits(
  service: CompiledService,
  packages: readonly PackedPackage[],
  build: () => HandlingUnitPlan[],
): HandlingUnitPlan[] {
  return perPackagesAndService(handlingUnits, service, packages, build);
}
