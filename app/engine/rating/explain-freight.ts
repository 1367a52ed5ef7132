import type { FreightRating, HandlingUnitPlan } from "../types";
import { formatDollars } from "./money";

function unitLine(hu: HandlingUnitPlan, index: number): string {
  const what =
    hu.kind === "PALLET"
      ? `pallet ${hu.palletId ?? ""} with ${hu.pieces} piece${hu.pieces === 1 ? "" : "s"}`
      : "own skid / crate";
  const stack = hu.stackable ? "" : ", non-stackable";
  const source = hu.classSource === "DENSITY" ? "by density" : "product's NMFC class";
  return (
    `HU ${index + 1}: ${what}${stack}, ${hu.lengthIn}×${hu.widthIn}×${hu.heightIn} in, ${hu.weightLb} lb, ` +
    `${hu.cubicFt.toFixed(2)} ft³ → ${hu.densityPcf.toFixed(2)} lb/ft³ → class ${hu.freightClass} (${source})`
  );
}

/**
 * Human lines for an LTL base charge: one per handling unit (size, weight, density, class), one per CWT line
 * (weight × rate per 100 lb = amount, deficit weight marked), and the minimum charge.
 *
 * @example
 * explainFreight(plan.freight!);
 * // ["HU 1: own skid / crate, non-stackable, 84×38×34 in, 151 lb, 62.81 ft³ → 2.40 lb/ft³ → class 250 (by density)",
 * //  "class 250: 151 lb × $232.80/cwt = $351.53", "minimum charge $150.00: not applied", "base $351.53"]
 */
export function explainFreight(freight: FreightRating): string[] {
  const lines = freight.handlingUnits.map(unitLine);
  if (freight.ratedAtLb > freight.totalWeightLb)
    lines.push(
      `deficit weight: ${freight.totalWeightLb} lb rated as ${freight.ratedAtLb} lb (the next break is cheaper)`,
    );
  for (const line of freight.lines) {
    const label =
      line.kind === "DEFICIT" ? `deficit at class ${line.freightClass}` : `class ${line.freightClass}`;
    lines.push(
      `${label}: ${line.weightLb} lb × ${formatDollars(line.centsPerCwt)}/cwt = ${formatDollars(line.amountCents)}` +
        (freight.lane === "DEST_ZIP3" ? " (destination ZIP3 rate)" : ""),
    );
  }
  lines.push(
    `minimum charge ${formatDollars(freight.minimumChargeCents)}: ${freight.minimumApplied ? "applied" : "not applied"}`,
  );
  lines.push(
    `base ${formatDollars(Math.max(freight.linesCents, freight.minimumApplied ? freight.minimumChargeCents : 0))}`,
  );
  return lines;
}
