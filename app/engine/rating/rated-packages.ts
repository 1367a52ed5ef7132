import type { CompiledService } from "../config/types";
import type { PackedPackage } from "../packing";
import type { RatedPackage } from "../types";

const byPackages = new WeakMap<readonly PackedPackage[], Map<CompiledService, RatedPackage[]>>();

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
  let byService = byPackages.get(packages);
  if (!byService) {
    byService = new Map();
    byPackages.set(packages, byService);
  }
  let rated = byService.get(service);
  if (!rated) {
    rated = build();
    byService.set(service, rated);
  }
  return rated;
}
