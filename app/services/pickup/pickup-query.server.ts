import type { PickupQuery, PickupPointsResponse } from "../../contracts/pickup-api";
import { findPickupOptions, PICKUP_NETWORK_LABELS, rankByReliability } from "../../engine/pickup";
import type { PickupOption, PointReliability } from "../../engine/pickup";
import type { PickupDirectoryCache } from "./pickup-directory-cache.server";

export type PickupQueryOutcome =
  { status: 200; body: PickupPointsResponse } | { status: 404; reason: string };

function optionJson(
  o: PickupOption & { reliability: PointReliability },
): PickupPointsResponse["points"][number] {
  return {
    id: o.point.id,
    network: o.point.network,
    networkLabel: PICKUP_NETWORK_LABELS[o.point.network],
    carrier: o.carrier,
    name: o.point.name,
    externalId: o.point.externalId,
    address: {
      address1: o.point.address1,
      city: o.point.city,
      province: o.point.province,
      zip: o.point.zip,
    },
    distanceMiles: Math.round(o.distanceMiles * 10) / 10,
    hours: o.point.hours,
    holdDays: o.holdDays,
    holdDaysKind: o.holdDaysKind,
    isSample: o.point.isSample ?? false,
    // Buyers and the extension see the flag; the figures behind it stay in the admin.
    oftenUncollected: o.reliability.oftenUncollected,
  };
}

/**
 * Eligible pickup points near the buyer's address for this cart, nearest first, with the reasons other
 * networks are not offered. 404 when the shop is unknown or uninstalled.
 */
export async function queryPickupPoints(
  cache: PickupDirectoryCache,
  shop: string,
  query: PickupQuery,
  now: Date,
): Promise<PickupQueryOutcome> {
  const runtime = await cache.get(shop, now);
  if (!runtime || !runtime.installed) return { status: 404, reason: "Unknown shop" };
  const result = findPickupOptions(runtime.config, runtime.rules, runtime.index, {
    cart: query.lines.map((l) => ({
      ...(l.variantId ? { variantId: l.variantId } : {}),
      ...(l.sku ? { sku: l.sku } : {}),
      quantity: l.quantity,
      grams: l.grams ?? 0,
      priceCents: l.priceCents,
    })),
    destination: {
      country: query.countryCode,
      zip: query.zip,
      ...(query.provinceCode ? { state: query.provinceCode } : {}),
      ...(query.city ? { city: query.city } : {}),
      addressLines: query.address1 ? [query.address1] : [],
    },
    now,
    // Room for the points an often-uncollected one gives way to (docs/pickup-points.md).
    limit: runtime.pickupStats.size > 0 ? Math.min(query.limit * 2, 50) : query.limit,
  });
  const ranked = rankByReliability(result.options, runtime.pickupStats, runtime.reliabilityRule).slice(
    0,
    query.limit,
  );
  return {
    status: 200,
    body: {
      points: ranked.map(optionJson),
      excluded: result.excluded,
      ...(result.problem ? { problem: result.problem } : {}),
    },
  };
}
