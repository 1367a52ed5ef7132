import type { ActionFunctionArgs } from "@remix-run/node";
import { withAppDb } from "../services/shop/app-database.server";
import { recordUninstall } from "../services/shop/lifecycle.server";
import { callbackCache } from "../services/carrier-service/runtime.server";
import { authenticate } from "../shopify.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const triggeredAt = request.headers.get("x-shopify-triggered-at");
  const { shop } = await authenticate.webhook(request);
  await withAppDb((db) => recordUninstall(db, shop, new Date(), triggeredAt ? new Date(triggeredAt) : null));
  callbackCache.invalidate(shop); // the callback token stops working at once on this instance
  return new Response(null, { status: 200 });
};
