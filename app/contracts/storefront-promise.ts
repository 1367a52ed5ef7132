import { z } from "zod";

// The storefront's delivery promise (docs/storefront.md): GET /apps/tailroute/promise on the shop's domain, which
// Shopify's app proxy forwards to /proxy/promise with its signed parameters (shop, timestamp, path_prefix,
// logged_in_customer_id, signature) added to the buyer's query.

/** Most units of one line a promise is given for; checkout quotes larger carts, the product page does not. */
export const PROMISE_MAX_QUANTITY = 999;

/** The buyer's query. `price` (cents) and `grams` (per unit) are what the theme knows of the variant. */
export const PromiseQuerySchema = z.object({
  variant_id: z
    .string({ error: "variant_id is required" })
    .regex(/^\d{1,20}$/, "variant_id must be a Shopify variant id (digits)"),
  quantity: z
    .string()
    .regex(/^\d{1,10}$/, "quantity must be a whole number")
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, "quantity must be at least 1")
        .max(PROMISE_MAX_QUANTITY, `quantity must be at most ${PROMISE_MAX_QUANTITY}`),
    )
    .default(1),
  zip: z
    .string({ error: "zip is required" })
    .regex(/^\d{5}(-\d{4})?$/, "zip must be a US ZIP code (12345 or 12345-6789)"),
  price: z
    .string()
    .regex(/^\d{1,9}$/, "price must be whole cents")
    .transform(Number)
    .optional(),
  grams: z
    .string()
    .regex(/^\d{1,7}$/, "grams must be a whole number of grams")
    .transform(Number)
    .optional(),
});
export type PromiseQuery = z.infer<typeof PromiseQuerySchema>;

/** One speed the buyer could pick at checkout. Dates are the destination's civil dates. */
export interface PromiseSpeed {
  /** The tier's stable code, as the CarrierService callback's `service_code`. */
  code: string;
  /** "Express". */
  name: string;
  mode: string;
  /** "YYYY-MM-DD": the arrival window, what checkout shows as min/max delivery date. */
  arrives: { from: string; to: string };
  /** The destination's IANA time zone. */
  timeZone: string;
  /** ISO instant: an order placed before it gets this window (the warehouse cutoff of the ship-ready day). */
  orderBy: string;
  /** True when no warehouse holds the stock and the window includes the shop's backorder days. */
  backorder: boolean;
}

export interface PromisePickup {
  /** Whether this item, alone in a cart, may go to a locker or pickup point (the networks' rules). */
  eligible: boolean;
  /** Why no network takes it (when not eligible). */
  reasons: string[];
  /** Eligible points within 10 miles of the ZIP (counted up to 200). */
  pointsWithin10Miles: number;
  nearest: { distanceMiles: number; network: string; networkLabel: string } | null;
}

export interface PromiseAnswer {
  variantId: string;
  quantity: number;
  zip: string;
  speeds: PromiseSpeed[];
  pickup: PromisePickup;
}
