import type { ActionFunctionArgs } from "@remix-run/node";
import { withAppDb } from "../services/shop/app-database.server";
import { eraseShop } from "../services/shop/lifecycle.server";
import { callbackCache } from "../services/carrier-service/runtime.server";
import { authenticate } from "../shopify.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await authenticate.webhook(request);
  await withAppDb((db) => eraseShop(db, shop));
  callbackCache.invalidate(shop);
  return new Response(null, { status: 200 });
};
