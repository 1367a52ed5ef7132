import type { AddressClass } from "../geo/types";
import type { ServiceLimits } from "../types";
import type { SizedPackage } from "./types";

/**
 * First limit a package breaks, as a short phrase, or undefined when it is within all of them. Actual weight
 * (whole lb, rounded up) is compared, as carriers do for maximum weight.
 *
 * @example
 * limitBreach({ sidesIn: [110, 20, 10], lengthPlusGirthIn: 170, actualLb: 30, dimLb: 0, billableLb: 30 },
 *   { maxWeightLb: 150, maxLongestIn: 108, maxLengthPlusGirthIn: 165 }); // "longest side 110 in > 108 in"
 */
export function limitBreach(p: SizedPackage, limits: ServiceLimits): string | undefined {
  if (p.actualLb > limits.maxWeightLb) return `weight ${p.actualLb} lb > ${limits.maxWeightLb} lb`;
  if (p.sidesIn[0] > limits.maxLongestIn)
    return `longest side ${p.sidesIn[0]} in > ${limits.maxLongestIn} in`;
  if (p.lengthPlusGirthIn > limits.maxLengthPlusGirthIn) {
    return `length + girth ${p.lengthPlusGirthIn} in > ${limits.maxLengthPlusGirthIn} in`;
  }
  return undefined;
}

/**
 * Whether a service may deliver to a destination: PO boxes and military addresses need a service that reaches
 * them (postal); state coverage lists are checked served-first, then excluded.
 *
 * @example
 * servesDestination({ reachesPoBox: false, reachesMilitary: false, excludedStates: new Set(["HI"]) }, "PO_BOX", "TX");
 * // "does not deliver to PO boxes"
 */
export function servesDestination(
  service: {
    reachesPoBox: boolean;
    reachesMilitary: boolean;
    servedStates?: Set<string>;
    excludedStates: Set<string>;
  },
  addressClass: AddressClass,
  state: string,
): string | undefined {
  if (addressClass === "PO_BOX" && !service.reachesPoBox) return "does not deliver to PO boxes";
  if (addressClass === "MILITARY" && !service.reachesMilitary)
    return "does not deliver to APO/FPO/DPO addresses";
  if (service.servedStates && !service.servedStates.has(state)) return `does not serve ${state}`;
  if (service.excludedStates.has(state)) return `does not serve ${state}`;
  return undefined;
}
