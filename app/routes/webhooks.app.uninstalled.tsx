import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { recordUninstall } from "../services/shop-lifecycle.server";
import { authenticate } from "../shopify.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await authenticate.webhook(request);
  await recordUninstall(db, shop, new Date());
  return new Response(null, { status: 200 });
};
