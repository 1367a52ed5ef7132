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

/** Most lines of a cart a promise is given for (the cart block sends one per cart line that ships). */
export const PROMISE_MAX_LINES = 50;

/** One cart line of the cart block's query: `<variant id>:<quantity>[:<unit price cents>[:<unit grams>]]`. */
const CartLineSchema = z
  .string()
  .regex(
    /^\d{1,20}:\d{1,10}(:\d{1,9}(:\d{1,7})?)?$/,
    "lines must be <variant id>:<quantity>[:<price cents>[:<grams>]] separated by commas",
  )
  .transform((text) => {
    const [variant_id, quantity, price, grams] = text.split(":");
    return {
      variant_id,
      quantity: Number(quantity),
      ...(price === undefined ? {} : { price: Number(price) }),
      ...(grams === undefined ? {} : { grams: Number(grams) }),
    };
  })
  .refine((line) => line.quantity >= 1 && line.quantity <= PROMISE_MAX_QUANTITY, {
    message: `lines: each quantity must be 1 to ${PROMISE_MAX_QUANTITY}`,
  });

/** The cart block's query: every line of the cart (`lines=<id>:<qty>:<price>:<grams>,…`) and the ZIP. */
export const CartPromiseQuerySchema = z.object({
  lines: z
    .string()
    .transform((text) => text.split(","))
    .pipe(
      z
        .array(CartLineSchema)
        .min(1, "lines must name at least one cart line")
        .max(PROMISE_MAX_LINES, `lines must name at most ${PROMISE_MAX_LINES} cart lines`),
    ),
  zip: PromiseQuerySchema.shape.zip,
});
export type CartPromiseQuery = z.infer<typeof CartPromiseQuerySchema>;
export type PromiseLine = CartPromiseQuery["lines"][number];

/** A product page's one-line query as a cart of one line. */
export const asCartQuery = (query: PromiseQuery | CartPromiseQuery): CartPromiseQuery =>
  "lines" in query
    ? query
    : {
        zip: query.zip,
        lines: [
          {
            variant_id: query.variant_id,
            quantity: query.quantity,
            ...(query.price === undefined ? {} : { price: query.price }),
            ...(query.grams === undefined ? {} : { grams: query.grams }),
          },
        ],
      };

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
  /** The (first) line's variant and quantity. */
  variantId: string;
  quantity: number;
  /** Every line quoted: one on the product page, the cart's lines on the cart page. */
  lines: { variantId: string; quantity: number }[];
  zip: string;
  speeds: PromiseSpeed[];
  pickup: PromisePickup;
}

/**
 * The cart attribute the product block writes when the buyer adds to cart: the windows it showed, so the order
 * (whose `note_attributes` carry it) can later be checked against the product page's promise. A leading `_`
 * hides it from the buyer at checkout.
 */
export const PAGE_PROMISE_ATTRIBUTE_KEY = "_tailroute_promise";

export const PagePromiseSchema = z.object({
  v: z.literal(1),
  /** When the buyer saw it (ISO instant). */
  at: z.string().max(40),
  zip: z.string().max(10),
  speeds: z
    .array(
      z.object({
        code: z.string().max(40),
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      }),
    )
    .max(10),
});
export type PagePromise = z.infer<typeof PagePromiseSchema>;

/** The attribute's text → the promise, or null when absent or malformed (a buyer can write any attribute). */
export function parsePagePromise(value: unknown): PagePromise | null {
  if (typeof value !== "string" || value.length > 2000) return null;
  try {
    const parsed = PagePromiseSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The part of RoutingDecision.input that "promise kept" reads (the rest is read by StoredRoutingInputSchema). */
export const StoredPagePromiseInputSchema = z
  .object({ pagePromise: PagePromiseSchema.optional().catch(undefined) })
  .catch({ pagePromise: undefined });
