import { z } from "zod";

/**
 * The body of Shopify Flow's trigger lifecycle callback (shopify.dev "Track Flow lifecycle events"): which trigger,
 * which shop, whether the shop now has an enabled workflow using it, and when Flow said so (newer wins).
 */
export const FlowLifecycleCallbackSchema = z.looseObject({
  flow_trigger_definition_id: z.string().min(1).max(200),
  has_enabled_flow: z.boolean(),
  shop_id: z.number().int().optional(),
  shopify_domain: z.string().min(1).max(255),
  timestamp: z.iso.datetime({ offset: true }),
});
export type FlowLifecycleCallback = z.infer<typeof FlowLifecycleCallbackSchema>;
