import type { ActionFunctionArgs } from "@remix-run/node";
import { queuedWorkResponse } from "../services/http/queued-work-response.server";
import { ingestTrackingRequest } from "../services/tracking/ingest.server";
import { withAppDb } from "../services/shop/app-database.server";

// Tailroute's generic signed tracking format for any 3PL or carrier: POST /api/tracking/events?shop=<shop>,
// X-Tailroute-Timestamp + X-Tailroute-Signature (docs/tracking.md "Generic format").
export const action = async ({ request }: ActionFunctionArgs) =>
  queuedWorkResponse(await withAppDb((db) => ingestTrackingRequest(db, "GENERIC", request)));
