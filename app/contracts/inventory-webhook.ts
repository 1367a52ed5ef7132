import { z } from "zod";

// The inventory_levels/update webhook payload: the REST InventoryLevel resource (shopify.dev, webhook topic
// inventory_levels/update): inventory_item_id, location_id, available (null when the item's quantity is not
// tracked), updated_at and admin_graphql_api_id. Ids are kept as strings (they may exceed 2^53).

const NumericId = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String);

export const InventoryLevelsUpdatePayload = z.looseObject({
  inventory_item_id: NumericId,
  location_id: NumericId,
  available: z.number().int().nullable(),
  updated_at: z.iso.datetime({ offset: true }),
  admin_graphql_api_id: z.string().startsWith("gid://shopify/InventoryLevel/").nullish(),
});
export type InventoryLevelsUpdatePayload = z.infer<typeof InventoryLevelsUpdatePayload>;

/** One line of the stock sync's bulk operation JSONL (groupObjects: false): an item, or a level of its parent. */
export const StockBulkItemLine = z.looseObject({
  id: z.string().startsWith("gid://shopify/InventoryItem/"),
  tracked: z.boolean(),
  variant: z.object({ id: z.string().startsWith("gid://shopify/ProductVariant/") }).nullable(),
});
export const StockBulkLevelLine = z.looseObject({
  __parentId: z.string().startsWith("gid://shopify/InventoryItem/"),
  location: z.object({ id: z.string().startsWith("gid://shopify/Location/") }),
  quantities: z.array(z.object({ name: z.string(), quantity: z.number().int() })),
  updatedAt: z.iso.datetime({ offset: true }).nullish(),
});
