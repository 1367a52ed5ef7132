import type { LtlClassRates } from "../engine/types";
import { formatMoney } from "./money";

/**
 * What a rate card holds, in a few words: weight breaks × zones, or for an LTL class tariff its classes, lanes,
 * weight breaks and minimum charge (an LTL card has no weight × zone table).
 *
 * @example
 * rateCardSize({ zones: [2, 3], breaks: [{ maxLb: 1, cents: [910, 940] }] }); // "1 weight break × 2 zones"
 */
export function rateCardSize(card: {
  zones: readonly unknown[];
  breaks: readonly unknown[];
  ltl?: LtlClassRates | null;
}): string {
  const ltl = card.ltl;
  if (ltl) {
    const classes = new Set(ltl.rows.map((row) => row.freightClass)).size;
    const zones = new Set(ltl.rows.flatMap((row) => (row.zone === undefined ? [] : [row.zone]))).size;
    const zip3s = new Set(ltl.rows.flatMap((row) => (row.destZip3 === undefined ? [] : [row.destZip3]))).size;
    const lanes = [
      ...(zones > 0 ? [count(zones, "zone")] : []),
      ...(zip3s > 0 ? [count(zip3s, "destination ZIP3")] : []),
    ].join(" and ");
    return `LTL class rates: ${count(classes, "class", "classes")} × ${lanes}, ${count(ltl.breaksFromLb.length, "weight break")}, minimum ${formatMoney(ltl.minimumChargeCents)}`;
  }
  return `${count(card.breaks.length, "weight break")} × ${count(card.zones.length, "zone")}`;
}

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
