import type { RateCard } from "@prisma/client";
import {
  StoredRateCardBreaksSchema,
  StoredRateCardOverLastBreakSchema,
  StoredRateCardZonesSchema,
} from "../../contracts/stored-json";
import { StoredLtlClassRatesSchema } from "../../contracts/stored-freight-json";
import { readJsonColumn } from "../../db/json-column";

/** A stored rate card's price table (its three Json columns), read through their schemas. */
export function rateCardTable(
  card: Pick<RateCard, "id" | "zones" | "breaks" | "overLastBreakCentsPerLb"> &
    Partial<Pick<RateCard, "ltlClassRates">>,
  shop: string,
) {
  const ref = (column: string) => ({ shop, id: card.id, column: `RateCard.${column}` });
  return {
    zones: readJsonColumn(StoredRateCardZonesSchema, card.zones, ref("zones")),
    breaks: readJsonColumn(StoredRateCardBreaksSchema, card.breaks, ref("breaks")),
    overLastBreakCentsPerLb: readJsonColumn(
      StoredRateCardOverLastBreakSchema,
      card.overLastBreakCentsPerLb,
      ref("overLastBreakCentsPerLb"),
    ),
    ...(card.ltlClassRates
      ? {
          ltl:
            readJsonColumn(StoredLtlClassRatesSchema, card.ltlClassRates, ref("ltlClassRates")) ?? undefined,
        }
      : {}),
  };
}
