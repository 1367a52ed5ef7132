import { z } from "zod";

/** The shop's "often uncollected" rule as the merchant edits it (engine PickupReliabilityRule). */
export const PickupReliabilityRuleSchema = z.object({
  minParcels: z
    .number({ error: "Enter how many finished holds" })
    .int("A whole number of parcels")
    .min(1)
    .max(10_000),
  minPickupRatePercent: z.number({ error: "Enter a pickup rate" }).min(0).max(100),
  penaltyMiles: z.number({ error: "Enter miles" }).min(0).max(100),
});
export type PickupReliabilityRuleInput = z.infer<typeof PickupReliabilityRuleSchema>;
