import { z } from "zod";

// Shopify CarrierService callback (shopify.dev, DeliveryCarrierService). Lenient on purpose: unknown fields
// are kept, optional fields may be missing or null (API-created carrier services only fill some address
// fields), newer API versions may add order_totals / customer. Prices are integer cents, grams per unit.

const OptionalText = z.string().nullish();
/** Shopify ids arrive as JSON numbers; some proxies stringify them. Normalised to strings. */
const ShopifyId = z
  .union([z.number().int(), z.string().regex(/^\d+$/)])
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : String(v)));

export const CarrierServiceAddress = z.looseObject({
  country: OptionalText,
  postal_code: OptionalText,
  province: OptionalText,
  city: OptionalText,
  name: OptionalText,
  address1: OptionalText,
  address2: OptionalText,
  address3: OptionalText,
  phone: OptionalText,
  fax: OptionalText,
  email: OptionalText,
  address_type: OptionalText,
  company_name: OptionalText,
});
export type CarrierServiceAddress = z.infer<typeof CarrierServiceAddress>;

export const CarrierServiceItem = z.looseObject({
  name: OptionalText,
  sku: OptionalText,
  quantity: z.number().int().nonnegative(),
  /** Per unit. */
  grams: z.number().nonnegative(),
  /** Per unit, integer cents. */
  price: z.number().int(),
  vendor: OptionalText,
  requires_shipping: z.boolean().nullish(),
  taxable: z.boolean().nullish(),
  fulfillment_service: OptionalText,
  properties: z.record(z.string(), z.unknown()).nullish(),
  product_id: ShopifyId,
  variant_id: ShopifyId,
});
export type CarrierServiceItem = z.infer<typeof CarrierServiceItem>;

export const CarrierServiceRequest = z.looseObject({
  rate: z.looseObject({
    origin: CarrierServiceAddress,
    destination: CarrierServiceAddress,
    items: z.array(CarrierServiceItem),
    currency: z.string(),
    locale: OptionalText,
    order_totals: z.unknown().optional(),
    customer: z.unknown().optional(),
  }),
});
export type CarrierServiceRequest = z.infer<typeof CarrierServiceRequest>;

/** "2013-04-12 14:48:45 -0400". */
const ShopifyDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/);

export const CarrierServiceRate = z.looseObject({
  service_name: z.string().min(1),
  /** Must stay stable across requests. */
  service_code: z.string().min(1),
  /** Integer cents as a string. */
  total_price: z.string().regex(/^\d+$/),
  currency: z.string(),
  description: z.string().optional(),
  min_delivery_date: ShopifyDateTime.optional(),
  max_delivery_date: ShopifyDateTime.optional(),
  phone_required: z.boolean().optional(),
});
export type CarrierServiceRate = z.infer<typeof CarrierServiceRate>;

/** Empty `rates` with a 2xx means "cannot serve"; Shopify then shows other rates. */
export const CarrierServiceResponse = z.looseObject({ rates: z.array(CarrierServiceRate) });
export type CarrierServiceResponse = z.infer<typeof CarrierServiceResponse>;
