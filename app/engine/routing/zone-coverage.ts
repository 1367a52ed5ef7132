import { chartedZone } from "../config/zone-tables";
import type { CompiledShopConfig } from "../config/types";
import { zipTables } from "../geo/zip-table";
import { zoneBetween } from "../geo/zones";
import { servesDestination } from "../rating/eligibility";
import { coverageOf } from "./destination-leg";

/** A zone a service reaches from a warehouse (its coverage allows the state) but cannot quote there. */
export interface ZoneGap {
  serviceId: string;
  serviceName: string;
  warehouseId: string;
  warehouseName: string;
  zone: number;
  /** What is missing for the zone: a rate card column or a transit time. */
  missing: "PRICE" | "TRANSIT";
  /** The destination ZIP3 areas that fall in the zone from this warehouse, sorted. */
  zip3s: string[];
}

/**
 * The zones each service reaches from each warehouse that may tender it but whose rate card has no column, or whose
 * transit table no row, for: a checkout to those areas gets no rate from the service (the quote's `ZONE_NOT_RATED`).
 * Every ZIP3 area of the ZIP table is tried as a street address, with the zone the quote would use (an imported
 * carrier chart, else the distance bands). LTL class tariffs price by their own rows and are left out.
 *
 * @example
 * zoneGaps(compiled).map((g) => `${g.serviceName}: zone ${g.zone}`); // ["UPS Ground: zone 9"]
 */
export function zoneGaps(compiled: CompiledShopConfig): ZoneGap[] {
  const areas = [...zipTables().zip3Centroids].sort(([a], [b]) => (a < b ? -1 : 1));
  const gaps: ZoneGap[] = [];
  for (const service of compiled.services) {
    if (service.rateCard.ltl) continue;
    const coverage = coverageOf(service);
    for (const warehouse of compiled.warehouses) {
      if (!service.warehouseIndexes.has(warehouse.index)) continue;
      const byZone = new Map<number, string[]>();
      for (const [zip3, centroid] of areas) {
        if (servesDestination(coverage, "STREET", centroid.state) !== undefined) continue;
        const charted = chartedZone(service.zoneTables, warehouse.index, zip3);
        const zone =
          charted > 0 ? charted : zoneBetween(warehouse.zip, { ...centroid, zip3 }, service.zoneChart);
        if (service.rateCard.columnByZone.has(zone) && service.transitByZone.has(zone)) continue;
        const list = byZone.get(zone);
        if (list) list.push(zip3);
        else byZone.set(zone, [zip3]);
      }
      for (const [zone, zip3s] of [...byZone].sort(([a], [b]) => a - b))
        gaps.push({
          serviceId: service.config.id,
          serviceName: service.config.name,
          warehouseId: warehouse.config.id,
          warehouseName: warehouse.config.name,
          zone,
          missing: service.rateCard.columnByZone.has(zone) ? "TRANSIT" : "PRICE",
          zip3s,
        });
    }
  }
  return gaps;
}
