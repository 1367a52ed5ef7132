import { z } from "zod";
import { PickupChoiceSchema, PickupHoursSchema } from "./pickup-point";
import { PickupNetworkSchema } from "./pickup-settings";

const CartLineParam = z.object({
  /** Numeric id or gid://shopify/ProductVariant/… (normalised to numeric). */
  variantId: z
    .string()
    .regex(/^(gid:\/\/shopify\/ProductVariant\/)?\d+$/, "variantId must be a variant id")
    .transform((id) => id.slice(id.lastIndexOf("/") + 1))
    .optional(),
  sku: z.string().max(100).optional(),
  quantity: z.number().int().positive().max(1000),
  /** Per unit, integer cents. */
  priceCents: z.number().int().min(0).max(100_000_000),
  /** Per unit; 0 or absent = the product profile's weight. */
  grams: z.number().min(0).max(1_000_000).optional(),
});

/**
 * GET /api/checkout/pickup-points (and /api/customer-account/pickup-points) query string:
 * `zip`, `countryCode`, optional `provinceCode`, `city`, `address1`, `limit`, and `lines` = a JSON array of
 * `{ variantId, sku?, quantity, priceCents, grams? }`.
 */
export const PickupQuerySchema = z.object({
  zip: z.string().trim().min(3, "zip is required").max(10),
  countryCode: z.string().trim().length(2, "countryCode must be a 2-letter code").toUpperCase(),
  provinceCode: z.string().trim().max(3).optional(),
  city: z.string().trim().max(100).optional(),
  address1: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(25).default(10),
  lines: z
    .string({ error: "lines is required" })
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "lines must be JSON" });
        return z.NEVER;
      }
    })
    .pipe(z.array(CartLineParam).min(1, "lines must not be empty").max(100)),
});
export type PickupQuery = z.infer<typeof PickupQuerySchema>;

export const PickupPointOptionSchema = z.object({
  id: z.string(),
  network: PickupNetworkSchema,
  networkLabel: z.string(),
  carrier: z.string(),
  name: z.string(),
  externalId: z.string(),
  address: z.object({ address1: z.string(), city: z.string(), province: z.string(), zip: z.string() }),
  distanceMiles: z.number(),
  hours: PickupHoursSchema.or(z.unknown()),
  holdDays: z.number(),
  holdDaysKind: z.enum(["CALENDAR", "BUSINESS"]),
  isSample: z.boolean(),
  /** Parcels sent here are often not collected (the shop's rule): ranked after points as near, shown flagged. */
  oftenUncollected: z.boolean().optional(),
});

/** The answer of the pickup-point endpoints. */
export const PickupPointsResponseSchema = z.object({
  points: z.array(PickupPointOptionSchema),
  excluded: z.array(z.object({ network: PickupNetworkSchema, code: z.string(), message: z.string() })),
  problem: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type PickupPointsResponse = z.infer<typeof PickupPointsResponseSchema>;

/** POST /api/customer-account/pickup-points body: choose (pointId) or clear (null) after purchase. */
/**
 * The order the buyer is looking at. The thank-you page's `orderConfirmation.order.id` may be an OrderIdentity gid
 * carrying the order's number (gid://shopify/OrderIdentity/N); it names the same order as gid://shopify/Order/N.
 */
const PostPurchaseOrderId = z
  .string()
  .regex(/^gid:\/\/shopify\/(Order|OrderIdentity)\/\d+$/, "orderId must be an Order gid")
  .transform((id) => id.replace("/OrderIdentity/", "/Order/"));

export const PickupChoiceRequestSchema = z.object({
  orderId: PostPurchaseOrderId,
  pointId: z.string().min(1).max(64).nullable(),
});
export type PickupChoiceRequest = z.infer<typeof PickupChoiceRequestSchema>;

/** GET …/pickup-points?orderId=gid://shopify/Order/… (post-purchase targets): the order's pickup state. */
export const PickupOrderStateQuerySchema = z.object({
  orderId: PickupChoiceRequestSchema.shape.orderId,
});

/** The answer: whether the destination may still change, and the buyer's current choice (null = home). */
export const PickupOrderStateSchema = z.object({
  order: z.object({
    id: z.string(),
    /** Shopify's Order.displayFulfillmentStatus (UNFULFILLED, FULFILLED, …). */
    status: z.string(),
    changeable: z.boolean(),
    choice: PickupChoiceSchema.nullable(),
  }),
});
export type PickupOrderState = z.infer<typeof PickupOrderStateSchema>;
