import { explainFreight, type QuoteResult } from "../../engine";
import { toExplain } from "../../services/carrier-service/rate-mapping";

/**
 * The quote command's `explain` block: the callback's explanation (`toExplain`) with, per shipment, where its zone
 * came from (an imported carrier chart or the distance estimate), each package's light-parcel price tier (ounces or
 * USPS cubic) and, for LTL priced by class, the handling units, density, class and CWT arithmetic lines.
 *
 * @example
 * quoteExplain(result)[0].shipments[0].freight; // ["HU 1: own skid / crate, …, class 250 (by density)", …]
 */
export function quoteExplain(result: QuoteResult) {
  return toExplain(result).map((tier, t) => ({
    ...tier,
    shipments: tier.shipments.map((shipment, s) => {
      const plan = result.quotes[t].shipments[s];
      const tiers = plan.packages.map((p) => p.priceTier);
      return {
        ...shipment,
        ...(plan.zoneSource ? { zoneSource: plan.zoneSource } : {}),
        ...(tiers.some(Boolean)
          ? {
              packages: shipment.packages.map((p, i) => (tiers[i] ? { ...p, priceTier: tiers[i] } : p)),
            }
          : {}),
        ...(plan.freight
          ? { freight: explainFreight(plan.freight), handlingUnits: plan.freight.handlingUnits }
          : {}),
      };
    }),
  }));
}
