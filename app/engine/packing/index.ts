export { billableWeight, dimWeightLb, type DimRule } from "./dim-weight";
export { cartonize, prepareCartons, type PreparedCarton } from "./cartonize";
export { resolveLine, expandUnits, type ProfileLookup, type ResolvedLine } from "./cart-units";
export { PackingCache, cartSignature } from "./packing-cache";
export { ceilInches, lengthPlusGirthIn, ouncesToBilledPounds, sortedDims, GRAMS_PER_OZ } from "./dimensions";
export type { BillableWeight, PackedPackage, PackingResult, PackUnit } from "./types";
export { DEFAULT_PALLET, palletize, type HandlingUnit } from "./palletize";
