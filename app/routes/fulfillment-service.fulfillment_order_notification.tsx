import type { ActionFunctionArgs } from "@remix-run/node";
import { queuedWorkResponse } from "../services/http/queued-work-response.server";
import { receiveFulfillmentOrderNotification } from "../services/handoff/notification.server";
import { withAppDb } from "../services/shop/app-database.server";

// Shopify's fulfillment requests for the warehouses Tailroute hands orders to (docs/handoff.md): the fulfillment
// service's callback URL is <app>/fulfillment-service and Shopify appends /fulfillment_order_notification.
export const action = async ({ request }: ActionFunctionArgs) =>
  queuedWorkResponse(await withAppDb((db) => receiveFulfillmentOrderNotification(db, request)));
