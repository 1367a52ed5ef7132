import type { ActionFunctionArgs } from "@remix-run/node";
import { queuedWorkResponse } from "../services/http/queued-work-response.server";
import { ingestTrackingRequest } from "../services/tracking/ingest.server";
import { withAppDb } from "../services/shop/app-database.server";

// Shippo track_updated webhooks: POST /api/tracking/shippo?shop=<shop>.myshopify.com&token=<the shop's Shippo token>
// (Shippo's documented self-generated URL token; docs/tracking.md).
export const action = async ({ request }: ActionFunctionArgs) =>
  queuedWorkResponse(await withAppDb((db) => ingestTrackingRequest(db, "SHIPPO", request)));
