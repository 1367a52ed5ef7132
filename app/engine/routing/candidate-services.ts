import type { CompiledService } from "../config/types";
import type { QuoteContext, TierDefinition } from "./types";

const freightServicesByLevel = new WeakMap<object, Map<string, CompiledService[]>>();

/**
 * Services that may carry a shipment in a tier. Parcel tiers: the tier's services, none if the shipment needs
 * freight. Freight tiers: freight services offering the level for shipments that need freight; the others
 * (e.g. the mugs shipped from another warehouse next to a sofa) ride the STANDARD services.
 *
 * @example
 * candidateServices(ctx, TIER_DEFINITIONS[0], false).map((s) => s.config.id); // the Express services
 */
export function candidateServices(
  ctx: QuoteContext,
  def: TierDefinition,
  needsFreight: boolean,
): CompiledService[] {
  const byTier = ctx.compiled.servicesByTier;
  if (!def.freightLevel) return needsFreight ? [] : (byTier.get(def.serviceTier) ?? []);
  if (!needsFreight) return byTier.get("STANDARD") ?? [];
  // Per compiled config and level, so the filter does not run for every shipment of every quote.
  let byLevel = freightServicesByLevel.get(byTier);
  if (!byLevel) {
    byLevel = new Map();
    freightServicesByLevel.set(byTier, byLevel);
  }
  let services = byLevel.get(def.freightLevel);
  if (!services) {
    services = (byTier.get("FREIGHT") ?? []).filter((s) =>
      s.config.freight?.levels.includes(def.freightLevel!),
    );
    byLevel.set(def.freightLevel, services);
  }
  return services;
}

/**
 * The freight level a service is asked for in a tier: the tier's level for a freight service, none otherwise.
 *
 * @example
 * levelFor(TIER_DEFINITIONS[3], ltlService); // "THRESHOLD"
 */
export function levelFor(def: TierDefinition, service: CompiledService) {
  return def.freightLevel && service.config.mode === "FREIGHT" ? def.freightLevel : undefined;
}
