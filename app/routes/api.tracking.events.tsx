import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { trackingResponse } from "../services/tracking/tracking-response.server";
import { ingestTrackingRequest } from "../services/tracking/ingest.server";

// Tailroute's generic signed tracking format for any 3PL or carrier: POST /api/tracking/events?shop=<shop>,
// X-Tailroute-Timestamp + X-Tailroute-Signature (docs/tracking.md "Generic format").
export const action = async ({ request }: ActionFunctionArgs) =>
  trackingResponse(await ingestTrackingRequest(db, "GENERIC", request));
