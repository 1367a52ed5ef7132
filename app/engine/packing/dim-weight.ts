import type { DimensionsIn } from "../types";
import { ceilInches, ouncesToBilledPounds } from "./dimensions";
import type { BillableWeight } from "./types";

/** The part of a service that decides dimensional weight. */
export interface DimRule {
  /** Cubic inches per pound (139 UPS/FedEx, 166 USPS). */
  dimDivisor: number;
  /** DIM weight applies only above this cube (USPS: 1,728 in³); 0 = always. */
  dimMinCubicIn: number;
}

/**
 * Actual, dimensional and billable weight of one package under one service. Each side is rounded up to whole
 * inches, the cube divided by the divisor and rounded up to whole pounds; billable = max(actual, DIM).
 *
 * @example
 * billableWeight({ lengthIn: 20, widthIn: 12, heightIn: 12 }, 160, { dimDivisor: 139, dimMinCubicIn: 0 });
 * // { actualLb: 10, dimLb: 21, billableLb: 21 }
 */
export function billableWeight(dims: DimensionsIn, weightOz: number, rule: DimRule): BillableWeight {
  const actualLb = ouncesToBilledPounds(weightOz);
  const dimLb = dimWeightLb(
    ceilInches(dims.lengthIn) * ceilInches(dims.widthIn) * ceilInches(dims.heightIn),
    rule,
  );
  return { actualLb, dimLb, billableLb: Math.max(actualLb, dimLb) };
}

/**
 * DIM weight of a whole-inch cube: cube / divisor rounded up to whole pounds, or 0 when the service applies DIM
 * only above a minimum cube and this one is not above it.
 *
 * @example
 * dimWeightLb(1728, { dimDivisor: 166, dimMinCubicIn: 1728 }); // 0
 * dimWeightLb(1729, { dimDivisor: 166, dimMinCubicIn: 1728 }); // 11
 */
export function dimWeightLb(cubicIn: number, rule: DimRule): number {
  return cubicIn > rule.dimMinCubicIn ? Math.ceil(cubicIn / rule.dimDivisor - 1e-9) : 0;
}
