import { z } from "zod";
import { PickupNetworkSchema } from "./pickup-settings";

/** Opening hours: structured rows or the provider's free text. */
export const PickupHoursSchema = z.union([
  z
    .array(
      z.object({
        days: z.string().min(1).max(40),
        open: z.string().regex(/^\d{2}:\d{2}$/, "open must be HH:MM"),
        close: z.string().regex(/^\d{2}:\d{2}$/, "close must be HH:MM"),
      }),
    )
    .max(14),
  z.string().max(200),
]);
export type PickupHours = z.infer<typeof PickupHoursSchema>;

/** One directory entry as imported (CSV row or GeoJSON feature, after mapping). */
export const PickupPointImportSchema = z.object({
  network: PickupNetworkSchema,
  externalId: z.string().trim().min(1, "externalId is required").max(100),
  name: z.string().trim().min(1, "name is required").max(200),
  address1: z.string().trim().min(1, "address1 is required").max(200),
  city: z.string().trim().min(1, "city is required").max(100),
  province: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, "province must be a two-letter state code"),
  zip: z
    .string()
    .trim()
    .regex(/^\d{5}$/, "zip must be 5 digits"),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  hours: PickupHoursSchema,
});
export type PickupPointImport = z.infer<typeof PickupPointImportSchema>;

/** A stored point as the admin lists it. */
export interface PickupPointRow extends PickupPointImport {
  id: string;
  isSample: boolean;
  source: string;
  active: boolean;
}

/**
 * The buyer's choice as the extension stores it: cart metafield `$app:pickup_point` (type json, copied to
 * the order) or, as a fallback, the cart attribute `_tailroute_pickup_point` with the same JSON.
 */
export const PickupChoiceSchema = z.object({
  v: z.literal(1),
  pointId: z.string().min(1).max(64),
  network: PickupNetworkSchema,
  externalId: z.string().max(100),
  name: z.string().max(200),
  /** Checkout only: fingerprint of the address and cart the choice was made for (the extension clears a
   *  stale choice when it mounts again and they differ). Not used by routing, which re-checks the point. */
  ctx: z.string().max(16).optional(),
});
export type PickupChoice = z.infer<typeof PickupChoiceSchema>;

export const PICKUP_METAFIELD = { namespace: "$app", key: "pickup_point", type: "json" } as const;
export const PICKUP_ATTRIBUTE_KEY = "_tailroute_pickup_point";

/** A stored choice (metafield value or attribute text) → the choice, or null when absent or malformed. */
export function parsePickupChoice(value: unknown): PickupChoice | null {
  if (typeof value !== "string" || value === "" || value === "null") return null;
  try {
    const parsed = PickupChoiceSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
