/**
 * The built-in carrier service catalogue (data with sources) and what a service added from it starts with.
 * Pure: no prices, no I/O.
 */
import type { SurchargeRule, TransitRow } from "../types";
import { CARRIER_CATALOGUE } from "./catalogue-data";
import type { CatalogueService } from "./types";

export { CARRIER_CATALOGUE } from "./catalogue-data";
export type { CatalogueLimits, CatalogueService, Sourced } from "./types";

/**
 * The catalogue entry with this id, or undefined.
 *
 * @example
 * catalogueEntry("USPS_PRIORITY_MAIL")?.mode; // "POSTAL"
 */
export function catalogueEntry(id: string): CatalogueService | undefined {
  return CARRIER_CATALOGUE.find((entry) => entry.id === id);
}

/** What a new carrier service row holds when added from a catalogue entry (amounts are left to the merchant). */
export interface CatalogueServiceDefaults {
  code: string;
  carrier: string;
  name: string;
  mode: CatalogueService["mode"];
  tier: CatalogueService["tier"];
  dimDivisor: number;
  dimMinCubicIn: number;
  maxWeightLb: number;
  maxLongestIn: number;
  maxLengthPlusGirthIn: number;
  transitByZone: TransitRow[];
  surcharges: SurchargeRule[];
  reachesPoBox: boolean;
  reachesMilitary: boolean;
  freight: CatalogueService["freight"] | null;
}

/**
 * The settings a service added from `entry` starts with: the catalogue's limits, DIM rule, reach and transit
 * template, and the size-based surcharge rules whose thresholds are the carrier's published ones
 * (additional handling, large package — docs/carrier-rules.md) with a zero amount for the merchant to fill in from
 * their contract. Area surcharges need ZIP lists and PEAK needs dates, so they start empty.
 *
 * @example
 * catalogueServiceDefaults(catalogueEntry("UPS_GROUND")!).maxWeightLb; // 150
 */
export function catalogueServiceDefaults(entry: CatalogueService): CatalogueServiceDefaults {
  const codes = entry.surcharges.value;
  const zero = { per: "PACKAGE" as const, cents: 0 };
  const surcharges: SurchargeRule[] = [];
  if (codes.includes("ADDITIONAL_HANDLING"))
    surcharges.push({
      code: "ADDITIONAL_HANDLING",
      longestOverIn: 48,
      secondLongestOverIn: 30,
      lengthPlusGirthOverIn: 105,
      actualWeightOverLb: 50,
      amount: zero,
    });
  if (codes.includes("LARGE_PACKAGE"))
    surcharges.push({
      code: "LARGE_PACKAGE",
      longestOverIn: 96,
      lengthPlusGirthOverIn: 130,
      minBillableLb: 90,
      amount: zero,
    });
  return {
    code: entry.id,
    carrier: entry.carrier,
    name: entry.name,
    mode: entry.mode,
    tier: entry.tier,
    dimDivisor: entry.dim.divisor.value,
    dimMinCubicIn: entry.dim.minCubicIn.value,
    maxWeightLb: entry.limits.maxWeightLb.value,
    maxLongestIn: entry.limits.maxLongestIn.value,
    maxLengthPlusGirthIn: entry.limits.maxLengthPlusGirthIn.value,
    transitByZone: entry.transitByZone.value.map((row) => ({ ...row })),
    surcharges,
    reachesPoBox: entry.reach.poBox.value,
    reachesMilitary: entry.reach.military.value,
    freight: entry.freight ?? null,
  };
}
