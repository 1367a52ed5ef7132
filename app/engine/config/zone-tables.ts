import { assert } from "../assert";
import type { ZoneTable } from "../types";

/** A carrier zone chart prepared for one warehouse: zone by destination ZIP3 number (0 = not listed). */
export interface CompiledZoneTable {
  zones: Uint8Array;
  source: string;
  originZip3: string;
}

const ZIP3 = /^\d{3}$/;

/**
 * Expands a service's imported zone charts into one 1,000-entry array per warehouse index, so a quote looks a zone
 * up with one array read. Asserted: ZIP3s are three digits, ranges ascending within themselves, zones 1…99, the
 * chart's origin is the warehouse's ZIP3 (a chart published for another origin would misprice every lane), and one
 * chart per warehouse.
 *
 * @example
 * const tables = compileZoneTables(service.zoneTables ?? [], new Map([["edison", { index: 0, zip3: "088" }]]));
 * tables[0]?.zones[100]; // the zone of destination ZIP3 100 from Edison, or 0
 */
export function compileZoneTables(
  tables: readonly ZoneTable[],
  warehouses: ReadonlyMap<string, { index: number; zip3: string }>,
): (CompiledZoneTable | undefined)[] {
  const byIndex: (CompiledZoneTable | undefined)[] = [];
  for (const table of tables) {
    const warehouse = warehouses.get(table.warehouseId);
    // A chart of an inactive (left out) warehouse is kept in the configuration but not used.
    if (!warehouse) continue;
    assert(table.originZip3 === warehouse.zip3, "a zone chart must be for its warehouse's origin ZIP3");
    assert(byIndex[warehouse.index] === undefined, "one zone chart per warehouse and service");
    const zones = new Uint8Array(1000);
    for (const range of table.ranges) {
      assert(ZIP3.test(range.fromZip3) && ZIP3.test(range.toZip3), "zone chart ZIP3s are three digits");
      const from = Number(range.fromZip3);
      const to = Number(range.toZip3);
      assert(from <= to, "zone chart ranges go from low to high");
      assert(Number.isInteger(range.zone) && range.zone >= 1 && range.zone <= 99, "zones are 1 … 99");
      zones.fill(range.zone, from, to + 1);
    }
    byIndex[warehouse.index] = { zones, source: table.source, originZip3: table.originZip3 };
  }
  return byIndex;
}

/**
 * The charted zone of a destination ZIP3 from a warehouse, or 0 when the service has no chart for it.
 *
 * @example
 * chartedZone(service.zoneTables, 0, "100"); // 2
 */
export function chartedZone(
  tables: readonly (CompiledZoneTable | undefined)[],
  warehouseIndex: number,
  destZip3: string,
): number {
  const table = tables[warehouseIndex];
  return table ? table.zones[Number(destZip3)] : 0;
}

/**
 * Where a zone came from, for explanations.
 *
 * @example
 * describeZoneSource(service.zoneTables, 0, "945", 8); // "zone 8 from UPS chart for origin 088"
 * describeZoneSource([], 0, "945", 8); // "zone 8 estimated from distance"
 */
export function describeZoneSource(
  tables: readonly (CompiledZoneTable | undefined)[],
  warehouseIndex: number,
  destZip3: string,
  zone: number,
): string {
  const table = tables[warehouseIndex];
  if (table && table.zones[Number(destZip3)] === zone)
    return `zone ${zone} from ${table.source} chart for origin ${table.originZip3}`;
  return (estimatedZones[zone] ??= `zone ${zone} estimated from distance`);
}

/** `describeZoneSource`'s distance answer per zone (every quote's plans carry one). */
const estimatedZones: string[] = [];
