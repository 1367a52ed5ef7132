import type { ActionFunctionArgs } from "@remix-run/node";
import { InventoryLevelsUpdatePayload } from "../../contracts/inventory-webhook";
import { zodIssuesText } from "../../contracts/zod-issues";
import db from "../../db.server";
import { authenticate } from "../../shopify.server";
import { callbackCache } from "../carrier-service/runtime.server";
import { applyInventoryLevelUpdate } from "./stock-store.server";

/**
 * The inventory_levels/update webhook (HMAC-verified by `authenticate.webhook`): stores the level and drops this
 * instance's cached runtime so the next checkout callback quotes from the new stock; other instances see the bumped
 * `stockVersion` within their revalidation period (docs/warehouses.md).
 */
export async function inventoryLevelsUpdateAction({ request }: ActionFunctionArgs) {
  const { shop, payload } = await authenticate.webhook(request);
  const parsed = InventoryLevelsUpdatePayload.safeParse(payload);
  if (!parsed.success)
    return new Response(`Invalid inventory_levels/update payload: ${zodIssuesText(parsed.error)}`, {
      status: 400,
    });
  const outcome = await applyInventoryLevelUpdate(db, shop, parsed.data);
  if (outcome === "UPDATED") callbackCache.invalidate(shop);
  return new Response(null, { status: 200 });
}
