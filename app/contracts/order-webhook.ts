import { z } from "zod";

// The orders/create webhook payload (REST Order resource, shopify.dev "Webhooks: orders/create"). Only the
// fields routing reads are checked; everything else passes through. Numeric ids may exceed 2^53, so the
// order is identified by `admin_graphql_api_id` (a string) and variant ids are kept as decimal strings.

const NumericId = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String);
const Money = z.union([z.string(), z.number()]).transform((v) => String(v));

export const OrderLineItem = z.looseObject({
  variant_id: NumericId.nullish(),
  sku: z.string().nullish(),
  name: z.string().nullish(),
  title: z.string().nullish(),
  quantity: z.number().int().nonnegative(),
  grams: z.number().nonnegative().nullish(),
  price: Money,
  requires_shipping: z.boolean().nullish(),
});
export type OrderLineItem = z.infer<typeof OrderLineItem>;

export const OrderAddress = z.looseObject({
  address1: z.string().nullish(),
  address2: z.string().nullish(),
  city: z.string().nullish(),
  province_code: z.string().nullish(),
  zip: z.string().nullish(),
  country_code: z.string().nullish(),
  company: z.string().nullish(),
});
export type OrderAddress = z.infer<typeof OrderAddress>;

export const OrderShippingLine = z.looseObject({
  code: z.string().nullish(),
  title: z.string().nullish(),
  source: z.string().nullish(),
  carrier_identifier: z.string().nullish(),
});

export const OrdersCreatePayload = z.looseObject({
  admin_graphql_api_id: z.string().startsWith("gid://shopify/Order/"),
  name: z.string().nullish(),
  currency: z.string().nullish(),
  created_at: z.string().nullish(),
  total_price: Money.nullish(),
  subtotal_price: Money.nullish(),
  line_items: z.array(OrderLineItem),
  shipping_address: OrderAddress.nullish(),
  shipping_lines: z.array(OrderShippingLine).default([]),
});
export type OrdersCreatePayload = z.infer<typeof OrdersCreatePayload>;
