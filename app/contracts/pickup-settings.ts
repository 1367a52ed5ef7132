import { z } from "zod";
import { PICKUP_NETWORKS } from "../engine/pickup";
import type { PickupNetwork } from "../engine/pickup";

export const PickupNetworkSchema = z.enum(PICKUP_NETWORKS as [PickupNetwork, ...PickupNetwork[]]);

const positive = (max: number) => z.number().positive().max(max);

/** One network's settings as the merchant edits them (units in the names). */
export const PickupNetworkSettingsSchema = z
  .object({
    network: PickupNetworkSchema,
    enabled: z.boolean(),
    maxWeightLb: positive(150),
    maxLongestIn: positive(165),
    /** Sorted [longest, middle, shortest]; null = only maxLongestIn applies. */
    maxDimensionsIn: z.tuple([positive(165), positive(165), positive(165)]).nullable(),
    /** The parcel's value must stay below this; null = no cap. */
    maxValueCents: z.number().int().positive().nullable(),
    holdDays: z.number().int().min(1).max(30),
    maxDistanceMiles: positive(100),
    excludeFragile: z.boolean(),
    excludeValuable: z.boolean(),
    excludeColdChain: z.boolean(),
  })
  .refine(
    (s) =>
      s.maxDimensionsIn === null ||
      (s.maxDimensionsIn[0] >= s.maxDimensionsIn[1] && s.maxDimensionsIn[1] >= s.maxDimensionsIn[2]),
    { message: "Dimensions must be sorted longest first", path: ["maxDimensionsIn"] },
  );
export type PickupNetworkSettings = z.infer<typeof PickupNetworkSettingsSchema>;

/** What `savePickupNetworkSettings` accepts: 1–4 networks, each at most once. */
export const PickupNetworkSettingsInputSchema = z.object({
  networks: z
    .array(PickupNetworkSettingsSchema)
    .min(1)
    .max(PICKUP_NETWORKS.length)
    .refine((list) => new Set(list.map((n) => n.network)).size === list.length, {
      message: "Each network may appear once",
    }),
});
export type PickupNetworkSettingsInput = z.infer<typeof PickupNetworkSettingsInputSchema>;
