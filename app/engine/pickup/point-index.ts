import KDBush from "kdbush";
import { around } from "geokdbush";
import { greatCircleMiles } from "../geo";
import type { GeoPoint } from "../geo";
import type { PickupPointRecord } from "./types";

const KM_PER_MILE = 1.609344;

export interface NearbyPoint {
  point: PickupPointRecord;
  distanceMiles: number;
}

/**
 * A static kd-tree over a shop's pickup points (kdbush) searched with exact great-circle kNN (geokdbush).
 * Build once per directory version; queries only read it.
 *
 * @example
 * const index = new PickupPointIndex(points);
 * index.nearest({ lat: 34.05, lng: -118.24 }, 5, 10).map((n) => n.point.name);
 */
export class PickupPointIndex {
  private readonly tree: KDBush;

  constructor(readonly points: readonly PickupPointRecord[]) {
    // kdbush needs at least one slot; an empty directory answers nothing.
    const tree = new KDBush(Math.max(points.length, 1));
    for (const p of points) tree.add(p.lng, p.lat);
    if (points.length === 0) tree.add(0, 0);
    this.tree = tree.finish();
  }

  get size(): number {
    return this.points.length;
  }

  /**
   * Up to `limit` points within `maxMiles` of `origin`, nearest first, optionally filtered (the filter runs
   * inside the search, so filtered-out points do not use up the limit).
   */
  nearest(
    origin: GeoPoint,
    limit: number,
    maxMiles = Infinity,
    filter?: (point: PickupPointRecord) => boolean,
  ): NearbyPoint[] {
    if (this.points.length === 0 || limit <= 0) return [];
    const points = this.points;
    const ids = around(
      this.tree,
      origin.lng,
      origin.lat,
      limit,
      maxMiles * KM_PER_MILE,
      filter ? (id) => filter(points[id]) : undefined,
    );
    return ids.map((id) => ({ point: points[id], distanceMiles: greatCircleMiles(origin, points[id]) }));
  }
}
