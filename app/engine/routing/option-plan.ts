import { describeZoneSource } from "../config/zone-tables";
import { formatDay } from "../transit";
import type { ShipmentPlan } from "../types";
import type { QuoteContext, ShipmentOption } from "./types";

/**
 * The public `ShipmentPlan` of an option, built once and only for options that end up in a quote (formatting
 * dates for every rated alternative would dominate the hot path).
 *
 * @example
 * optionPlan(ctx, best.shipments[0]).delivery.maxDate; // "2026-11-27"
 */
export function optionPlan(ctx: QuoteContext, option: ShipmentOption): ShipmentPlan {
  if (option.plan) return option.plan;
  const cfg = option.service.config;
  const { rating, transit } = option;
  const zoneSource = describeZoneSource(
    option.service.zoneTables,
    option.warehouse.index,
    ctx.dest.zip.zip3,
    option.zone,
  );
  const delivery = {
    minDate: formatDay(option.minDay),
    maxDate: formatDay(option.maxDay),
    timeZone: ctx.dest.timeZone,
  };
  // Parcel options (nearly all) as one literal; freight ones add their level and freight rating in place.
  option.plan =
    !option.freightLevel && !rating.freight
      ? {
          warehouseId: option.warehouse.config.id,
          warehouseLabel: option.warehouse.label,
          carrier: cfg.carrier,
          serviceId: cfg.id,
          serviceName: cfg.name,
          mode: cfg.mode,
          zone: option.zone,
          zoneSource,
          packages: rating.packages,
          baseCents: rating.baseCents,
          surcharges: rating.surcharges,
          costCents: rating.costCents,
          transitDays: { min: transit.min, max: transit.max },
          transitSource: transit.source,
          shipDate: formatDay(option.shipDay),
          delivery,
          onTimeRate: option.onTimeRate,
        }
      : {
          warehouseId: option.warehouse.config.id,
          warehouseLabel: option.warehouse.label,
          carrier: cfg.carrier,
          serviceId: cfg.id,
          serviceName: cfg.name,
          mode: cfg.mode,
          ...(option.freightLevel ? { freightLevel: option.freightLevel } : {}),
          zone: option.zone,
          zoneSource,
          packages: rating.packages,
          ...(rating.freight ? { freight: rating.freight } : {}),
          baseCents: rating.baseCents,
          surcharges: rating.surcharges,
          costCents: rating.costCents,
          transitDays: { min: transit.min, max: transit.max },
          transitSource: transit.source,
          shipDate: formatDay(option.shipDay),
          delivery,
          onTimeRate: option.onTimeRate,
        };
  return option.plan;
}
