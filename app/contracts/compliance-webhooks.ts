import { z } from "zod";

// Payloads of Shopify's mandatory compliance webhooks (shopify.dev: privacy law compliance).
// Unknown fields are tolerated; ids arrive as JSON numbers.

const OrderIds = z
  .array(z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String))
  .default([]);

export const CustomersDataRequestPayload = z.looseObject({
  shop_id: z.number().int(),
  shop_domain: z.string(),
  orders_requested: OrderIds,
  customer: z.looseObject({ id: z.number().int(), email: z.string().nullish(), phone: z.string().nullish() }),
  data_request: z.looseObject({ id: z.number().int() }),
});
export type CustomersDataRequestPayload = z.infer<typeof CustomersDataRequestPayload>;

export const CustomersRedactPayload = z.looseObject({
  shop_id: z.number().int(),
  shop_domain: z.string(),
  customer: z.looseObject({ id: z.number().int(), email: z.string().nullish(), phone: z.string().nullish() }),
  orders_to_redact: OrderIds,
});
export type CustomersRedactPayload = z.infer<typeof CustomersRedactPayload>;

export const ShopRedactPayload = z.looseObject({
  shop_id: z.number().int(),
  shop_domain: z.string(),
});
export type ShopRedactPayload = z.infer<typeof ShopRedactPayload>;

/** Shopify order ids in webhook payloads are numeric; the app stores Admin GraphQL gids. */
export const orderGid = (numericId: string) => `gid://shopify/Order/${numericId}`;
