import { z } from "zod";
import {
  LtlClassRatesSchema,
  NmfcClassSchema,
  PalletSchema,
  RateCardSchema,
  ZoneTableSchema,
} from "./shop-config";

// Json columns of LTL freight, light parcels and zone charts (read through readJsonColumn like stored-json.ts).

/** RateCard.ltlClassRates: null = the card is priced by its weight breaks. */
export const StoredLtlClassRatesSchema = LtlClassRatesSchema.nullable();
/** RateCard.ounceBreaks: null = no light-parcel tiers. */
export const StoredOunceBreaksSchema = z.array(RateCardSchema.shape.ounceBreaks.unwrap().element).nullable();
/** RateCard.cubicTiers: null = no cubic tiers. */
export const StoredCubicTiersSchema = z.array(RateCardSchema.shape.cubicTiers.unwrap().element).nullable();
/** Shop.pallets: null = the default 48 × 40 in pallet. */
export const StoredPalletsSchema = z.array(PalletSchema).nullable();
/** ZoneChart.ranges. */
export const StoredZoneRangesSchema = ZoneTableSchema.shape.ranges;
/** ProductProfile.nmfcClass (a Float column checked against the 18 classes). */
export const StoredNmfcClassSchema = NmfcClassSchema.nullable();
