import type { CompiledLtlRates } from "./ltl-rates";
import type {
  FreightLevel,
  FreightRating,
  RatedPackage,
  SurchargeAmount,
  SurchargeCode,
  SurchargeLine,
} from "../types";

/** A rate card prepared once per config: zone → column, breaks ascending. */
export interface CompiledRateCard {
  name: string;
  basis: "PER_PACKAGE" | "PER_SHIPMENT";
  columnByZone: Map<number, number>;
  breakMaxLb: number[];
  /** centsByColumn[column][break]. */
  centsByColumn: number[][];
  overLastBreakCentsPerLb: number[];
  /** Light-parcel tiers: ascending maxOz, prices per column. */
  ounceTiers?: { maxOz: number[]; centsByColumn: number[][] };
  /** USPS cubic tiers: ascending maxCubicFt, prices per column. */
  cubicTiers?: { maxCubicFt: number[]; centsByColumn: number[][] };
  /** LTL by freight class. */
  ltl?: CompiledLtlRates;
}

export interface CompiledAreaRule {
  code: "DELIVERY_AREA" | "EXTENDED_DELIVERY_AREA" | "REMOTE_AREA";
  zip5: Set<string>;
  zip3: Set<string>;
  amount: SurchargeAmount;
}

export interface CompiledSurcharges {
  residential: SurchargeAmount[];
  /** Most severe first: REMOTE_AREA, EXTENDED_DELIVERY_AREA, DELIVERY_AREA; only the first match applies. */
  areas: CompiledAreaRule[];
  additionalHandling: {
    longestOverIn: number;
    secondLongestOverIn: number;
    lengthPlusGirthOverIn: number;
    actualWeightOverLb: number;
    amount: SurchargeAmount;
  }[];
  largePackage: {
    longestOverIn: number;
    lengthPlusGirthOverIn: number;
    minBillableLb: number;
    amount: SurchargeAmount;
  }[];
  /** Peak windows as inclusive day-number ranges. */
  peak: { fromDay: number; toDay: number; amount: SurchargeAmount }[];
  accessorials: {
    code: "LIFTGATE" | "APPOINTMENT" | "INSIDE_DELIVERY" | "WHITE_GLOVE";
    levels: Set<FreightLevel>;
    amount: SurchargeAmount;
  }[];
  /** LTL limited-access destinations (first matching rule applies). */
  limitedAccess: { zip5: Set<string>; zip3: Set<string>; amount: SurchargeAmount }[];
  fuelBasisPoints: number;
}

/** What surcharges depend on besides the packages. */
export interface SurchargeContext {
  destZip: string;
  residential: boolean;
  /** Ship day as a day number (days since 1970-01-01). */
  shipDay: number;
  freightLevel?: FreightLevel;
}

/** A package with its whole-inch sides (longest first) and weights under one service. */
export interface SizedPackage {
  sidesIn: [number, number, number];
  lengthPlusGirthIn: number;
  actualLb: number;
  dimLb: number;
  billableLb: number;
}

export interface ShipmentRating {
  packages: RatedPackage[];
  baseCents: number;
  surcharges: SurchargeLine[];
  /** base + Σ surcharges. */
  costCents: number;
  /** LTL by class: handling units, classes and the CWT lines. */
  freight?: FreightRating;
}

export type RatingRejection =
  { reason: "LIMIT"; message: string } | { reason: "ZONE_NOT_RATED"; message: string };

export type { SurchargeCode };
