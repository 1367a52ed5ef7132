// A rate card without its highest zone column: what the zone-gap checks are shown with (docs/engine.md, "Zone charts").
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import type { RateCard, ShopConfig } from "../../app/engine/types";

/** The demo's first parcel service priced by a rate card (not an LTL tariff). */
export const demoParcelService = demoShopConfig.carrierServices.find(
  (s) => s.mode !== "FREIGHT" && !s.rateCard.ltl,
)!;

/** The card with its last zone column dropped, and that zone. */
export function withoutHighestZone(card: RateCard): { card: RateCard; dropped: number } {
  const last = card.zones.length - 1;
  return {
    dropped: card.zones[last],
    card: {
      ...card,
      zones: card.zones.slice(0, last),
      breaks: card.breaks.map((b) => ({ ...b, cents: b.cents.slice(0, last) })),
      overLastBreakCentsPerLb: card.overLastBreakCentsPerLb.slice(0, last),
    },
  };
}

/** The demo config with the parcel service changed by `change`. */
export function demoWithParcelService(
  change: (s: ShopConfig["carrierServices"][number]) => ShopConfig["carrierServices"][number],
): ShopConfig {
  return {
    ...demoShopConfig,
    carrierServices: demoShopConfig.carrierServices.map((s) =>
      s.id === demoParcelService.id ? change(s) : s,
    ),
  };
}
