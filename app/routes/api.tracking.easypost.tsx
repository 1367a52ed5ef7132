import type { ActionFunctionArgs } from "@remix-run/node";
import { queuedWorkResponse } from "../services/http/queued-work-response.server";
import { ingestTrackingRequest } from "../services/tracking/ingest.server";
import { withAppDb } from "../services/shop/app-database.server";

// EasyPost tracker webhooks: POST /api/tracking/easypost?shop=<shop>.myshopify.com, signed with X-Hmac-Signature
// (docs/tracking.md). Shopify writes run after the answer; the tracking reconciler completes them if we die first.
export const action = async ({ request }: ActionFunctionArgs) =>
  queuedWorkResponse(await withAppDb((db) => ingestTrackingRequest(db, "EASYPOST", request)));
