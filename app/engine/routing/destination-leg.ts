import type { CompiledService, CompiledWarehouse } from "../config/types";
import { chartedZone } from "../config/zone-tables";
import { zoneBetween } from "../geo";
import { servesDestination } from "../rating";
import { laneTransit, localNow, shipDay } from "../transit";
import type { TransitEstimate } from "../transit/types";
import type { TransitRow } from "../types";
import type { DestinationLeg, QuoteContext } from "./types";

function zoneFor(ctx: QuoteContext, warehouse: CompiledWarehouse, service: CompiledService): number {
  const dest = ctx.dest.zip;
  // An imported carrier zone chart wins; the distance bands are the fallback.
  if (service.zoneTables.length > 0) {
    const charted = chartedZone(service.zoneTables, warehouse.index, dest.zip3);
    if (charted > 0) return charted;
  }
  // Per quote, by (zone chart, warehouse): a memo across quotes keyed by destination ZIP cost more to keep (a map
  // of every ZIP seen, looked up and grown on each new one) than the great-circle distance it saves.
  const key = service.zoneChartKey * ctx.compiled.warehouses.length + warehouse.index;
  let zone = ctx.zones[key];
  if (zone === undefined) {
    zone = zoneBetween(warehouse.zip, dest, service.zoneChart);
    ctx.zones[key] = zone;
  }
  return zone;
}

function shipDayFor(ctx: QuoteContext, warehouse: CompiledWarehouse, service: CompiledService): number {
  const slot = warehouse.index * ctx.compiled.calendarCount + service.calendarId;
  let day = ctx.shipDays[slot];
  if (day === undefined) {
    const local = localNow(ctx.now, warehouse.config.timeZone);
    day = shipDay(local, warehouse.cutoffMinutes, warehouse.config.handlingDays, service.calendar);
    ctx.shipDays[slot] = day;
  }
  return day;
}

/**
 * The shipment-independent checks of a service from a warehouse to this destination (coverage, zone, transit
 * row, lane stats, ship day), memoised per quote. Null when the service cannot serve it; the reason is recorded
 * as an issue the first time (later shipments would record the same issue, which the list drops as a duplicate).
 *
 * @example
 * destinationLeg(ctx, dallas, upsGround)?.zone; // 4; null when UPS Ground cannot serve the address
 */
export function destinationLeg(
  ctx: QuoteContext,
  warehouse: CompiledWarehouse,
  service: CompiledService,
): DestinationLeg | null {
  const index = warehouse.index * ctx.compiled.services.length + service.index;
  const memo = ctx.legs[index];
  if (memo !== undefined) return memo;
  const leg = computeLeg(ctx, warehouse, service);
  ctx.legs[index] = leg;
  return leg;
}

function computeLeg(
  ctx: QuoteContext,
  warehouse: CompiledWarehouse,
  service: CompiledService,
): DestinationLeg | null {
  const cfg = service.config;
  const { issues, dest } = ctx;
  const notServed = servesDestination(coverageOf(service), dest.addressClass, dest.zip.state);
  if (notServed) {
    // Info only: the checkout callback (errors only) does not even build the message.
    if (!issues.errorsOnly)
      issues.add("SERVICE_NO_COVERAGE", "info", `${cfg.name} ${notServed}`, cfg.carrier);
    return null;
  }
  const zone = zoneFor(ctx, warehouse, service);
  const row = service.transitByZone.get(zone);
  if (!row) {
    if (!issues.errorsOnly)
      issues.add(
        "ZONE_NOT_RATED",
        "warning",
        `${cfg.name} has no transit time for zone ${zone}`,
        cfg.carrier,
      );
    return null;
  }
  const stat = ctx.laneStats?.get(`${warehouse.config.id}|${cfg.id}|${dest.zip.zip3}`);
  const transit =
    stat === undefined
      ? tableTransit(row)
      : laneTransit({ min: row.minDays, max: row.maxDays }, stat, ctx.compiled.strategy.laneStatsMinSamples);
  let areaIndex = ctx.areaIndexes[service.index];
  if (areaIndex === undefined) {
    areaIndex = areaSurchargeIndex(service, dest.zip.zip, dest.zip.zip3);
    ctx.areaIndexes[service.index] = areaIndex;
  }
  return { zone, transit, shipDay: shipDayFor(ctx, warehouse, service), areaIndex };
}

const coverages = new WeakMap<CompiledService, Parameters<typeof servesDestination>[0]>();

/** What `servesDestination` reads of a service, made once per compiled service. */
export function coverageOf(service: CompiledService): Parameters<typeof servesDestination>[0] {
  let coverage = coverages.get(service);
  if (!coverage) {
    coverage = {
      reachesPoBox: service.config.reachesPoBox,
      reachesMilitary: service.config.reachesMilitary,
      servedStates: service.servedStates,
      excludedStates: service.excludedStates,
    };
    coverages.set(service, coverage);
  }
  return coverage;
}

const tableTransits = new WeakMap<TransitRow, TransitEstimate>();

/**
 * `laneTransit` of a transit row without lane statistics, made once per row: every quote reads it, none changes it.
 */
function tableTransit(row: TransitRow): TransitEstimate {
  let transit = tableTransits.get(row);
  if (!transit) {
    transit = laneTransit({ min: row.minDays, max: row.maxDays }, undefined, 0);
    tableTransits.set(row, transit);
  }
  return transit;
}

/**
 * Which of the service's area surcharges applies to a ZIP (the first match, as `computeSurcharges` picks), or -1;
 * plus, above that, whether a limited-access rule matches (`areaKeyCount` values in all), so a shared rating is keyed
 * by every ZIP-dependent surcharge.
 */
function areaSurchargeIndex(service: CompiledService, zip: string, zip3: string): number {
  const { areas, limitedAccess } = service.surcharges;
  if (areas.length === 0 && limitedAccess.length === 0) return -1;
  let index = -1;
  for (let i = 0; i < areas.length; i += 1)
    if (areas[i].zip5.has(zip) || areas[i].zip3.has(zip3)) {
      index = i;
      break;
    }
  for (const rule of limitedAccess)
    if (rule.zip5.has(zip) || rule.zip3.has(zip3)) return index + areas.length + 1;
  return index;
}

/**
 * Distinct `areaSurchargeIndex` values + 1 (the shared rating key's stride for it).
 *
 * @example
 * areaKeyCount(uspsGroundAdvantage); // 1 when the service has no area surcharges
 */
export const areaKeyCount = (service: CompiledService) =>
  (service.surcharges.areas.length + 1) * (service.surcharges.limitedAccess.length > 0 ? 2 : 1);
