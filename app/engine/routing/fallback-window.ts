import type { CompiledShopConfig } from "../config/types";
import { lookupZip, STATE_TIME_ZONES, timeZoneForZip } from "../geo";
import { deliveryDays, formatDay, localNow, shipDay } from "../transit";
import type { DeliveryWindow, TierCode } from "../types";
import { TIER_DEFINITIONS } from "./tiers";

/**
 * The destination's time zone as far as a request that could not be rated tells it: the ZIP's zone when the ZIP is
 * known, else the state's main zone, else America/New_York.
 *
 * @example
 * fallbackTimeZone("00000", "CA"); // "America/Los_Angeles"
 */
export function fallbackTimeZone(zip: string | undefined, state: string | undefined): string {
  const known = zip ? lookupZip(zip) : undefined;
  if (known) return timeZoneForZip(known.zip, known.state);
  return (state && STATE_TIME_ZONES[state.toUpperCase()]) || "America/New_York";
}

/**
 * The delivery window of a fallback rate (the destination could not be located, or the engine failed): the tier's
 * slowest case. For every service of the tier and every warehouse that may send it, the window to that service's
 * slowest zone (ship day from the warehouse's cutoff and handling days, the zone's transit row, the freight
 * appointment lead days); the rate's window runs from the earliest of those minimum days to the latest of those
 * maximum days, never before the destination's today. Undefined when the shop has no service for the tier.
 *
 * @example
 * fallbackWindow(compiled, "TR_STANDARD", now, "America/Chicago"); // { minDate: "2026-11-25", maxDate: "2026-12-03", … }
 */
export function fallbackWindow(
  compiled: CompiledShopConfig,
  code: TierCode,
  now: Date,
  timeZone: string,
): DeliveryWindow | undefined {
  const def = TIER_DEFINITIONS.find((d) => d.code === code);
  if (!def) return undefined;
  const services = (compiled.servicesByTier.get(def.serviceTier) ?? []).filter(
    (s) => !def.freightLevel || s.config.freight?.levels.includes(def.freightLevel),
  );
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  for (const service of services) {
    let slowest: { min: number; max: number } | undefined;
    for (const row of service.transitByZone.values())
      if (!slowest || row.maxDays > slowest.max || (row.maxDays === slowest.max && row.minDays > slowest.min))
        slowest = { min: row.minDays, max: row.maxDays };
    if (!slowest) continue;
    for (const warehouse of compiled.warehouses) {
      if (!service.warehouseIndexes.has(warehouse.index)) continue;
      if (def.freightLevel && warehouse.freightLevels && !warehouse.freightLevels.has(def.freightLevel))
        continue;
      const ship = shipDay(
        localNow(now, warehouse.config.timeZone),
        warehouse.cutoffMinutes,
        warehouse.config.handlingDays,
        service.calendar,
      );
      const days = deliveryDays(ship, slowest, service.appointmentLeadDays, service.calendar);
      minDay = Math.min(minDay, days.minDay);
      maxDay = Math.max(maxDay, days.maxDay);
    }
  }
  if (!Number.isFinite(minDay)) return undefined;
  const today = localNow(now, timeZone).day;
  return {
    minDate: formatDay(Math.max(minDay, today)),
    maxDate: formatDay(Math.max(maxDay, today)),
    timeZone,
  };
}
