import type { ActionFunctionArgs } from "@remix-run/node";
import { CustomersRedactPayload } from "../contracts/compliance-webhooks";
import { withAppDb } from "../services/shop/app-database.server";
import { redactCustomerOrders } from "../services/shop/compliance.server";
import { eraseCustomerNotifications } from "../services/notifications/erase.server";
import { authenticate } from "../shopify.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, payload } = await authenticate.webhook(request);
  const parsed = CustomersRedactPayload.safeParse(payload);
  if (!parsed.success) return new Response("Invalid customers/redact payload", { status: 400 });
  await withAppDb(async (db) => {
    await redactCustomerOrders(db, shop, parsed.data.orders_to_redact);
    await eraseCustomerNotifications(db, shop, parsed.data.orders_to_redact, parsed.data.customer.id);
  });
  return new Response(null, { status: 200 });
};
