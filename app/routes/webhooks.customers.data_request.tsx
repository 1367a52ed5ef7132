import { json } from "@remix-run/node";
import type { ActionFunctionArgs } from "@remix-run/node";
import { CustomersDataRequestPayload } from "../contracts/compliance-webhooks";
import { withAppDb } from "../services/shop/app-database.server";
import { customerDataReport } from "../services/shop/compliance.server";
import { authenticate } from "../shopify.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, payload } = await authenticate.webhook(request);
  const parsed = CustomersDataRequestPayload.safeParse(payload);
  if (!parsed.success) return new Response("Invalid customers/data_request payload", { status: 400 });
  const report = await withAppDb((db) => customerDataReport(db, shop, parsed.data.orders_requested));
  return json(report);
};
