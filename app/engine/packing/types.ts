import type { PackageContent } from "../types";

/** One physical unit of a cart line, with dimensions sorted longest first. */
export interface PackUnit {
  /** Identity for cache signatures: "<variantId>/<sku>/<p|d>" (p = profiled, d = default box). */
  profileKey: string;
  variantId?: string;
  sku?: string;
  name: string;
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  weightOz: number;
  shipAlone: boolean;
  bulky: boolean;
  fragile: boolean;
  valuable: boolean;
  coldChain: boolean;
  /** LTL: false = nothing may be stacked on it. Absent = stackable. */
  stackable?: boolean;
  /** LTL: travels on its own skid or crate. */
  ownSkid?: boolean;
  /** LTL: the product's own NMFC class (not rated on density). */
  nmfcClass?: number;
}

/** A closed package, before any carrier rates it. Dimensions are sorted longest first. */
export interface PackedPackage {
  /** Carton id, or null when the unit travels in its own packaging. */
  cartonId: string | null;
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  /** Contents + carton tare. */
  weightOz: number;
  contents: PackageContent[];
  /** Units inside, for invariant checks and flags. */
  units: PackUnit[];
  bulky: boolean;
  coldChain: boolean;
}

export interface PackingResult {
  packages: PackedPackage[];
  /** Names of units that fit no carton and travel in their own packaging although not flagged ship-alone. */
  oversizeUnits: string[];
}

/** Weights and sizes of a package as one service bills it. */
export interface BillableWeight {
  actualLb: number;
  dimLb: number;
  billableLb: number;
}
