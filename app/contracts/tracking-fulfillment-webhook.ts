import { z } from "zod";

// The fulfillments/create webhook payload: the REST Fulfillment resource (shopify.dev "Fulfillment" REST resource,
// webhook topic fulfillments/create). Ids are kept as strings (they may exceed 2^53); the fulfillment is identified
// by admin_graphql_api_id, the order by order_id.

const NumericId = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String);

export const FulfillmentsCreatePayload = z.looseObject({
  id: NumericId,
  admin_graphql_api_id: z.string().startsWith("gid://shopify/Fulfillment/"),
  order_id: NumericId,
  name: z.string().nullish(),
  status: z.string().nullish(),
  created_at: z.string().nullish(),
  location_id: NumericId.nullish(),
  tracking_company: z.string().nullish(),
  tracking_number: z.string().nullish(),
  tracking_numbers: z.array(z.string()).default([]),
  shipment_status: z.string().nullish(),
  // The fulfilled line items (variant and quantity) tell a split order's parcels apart. Read leniently: a line this
  // contract cannot read only loses that hint, never the fulfillment.
  line_items: z
    .array(z.looseObject({ variant_id: NumericId.nullish(), quantity: z.number().int().nonnegative() }))
    .nullish()
    .catch(null),
});
export type FulfillmentsCreatePayload = z.infer<typeof FulfillmentsCreatePayload>;
