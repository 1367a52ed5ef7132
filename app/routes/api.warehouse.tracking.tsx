import type { ActionFunctionArgs } from "@remix-run/node";
import { queuedWorkResponse } from "../services/http/queued-work-response.server";
import { receiveWarehouseTracking } from "../services/handoff/warehouse-tracking.server";
import { withAppDb } from "../services/shop/app-database.server";

// A handed-off warehouse reports its shipment: POST /api/warehouse/tracking?shop=…&warehouse=… (docs/handoff.md).
export const action = async ({ request }: ActionFunctionArgs) =>
  queuedWorkResponse(await withAppDb((db) => receiveWarehouseTracking(db, request)));
