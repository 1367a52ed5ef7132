import type { ActionFunctionArgs } from "@remix-run/node";
import { queuedWorkResponse } from "../services/http/queued-work-response.server";
import { receiveWarehouseUnfulfillable } from "../services/handoff/warehouse-unfulfillable.server";
import { withAppDb } from "../services/shop/app-database.server";

// A handed-off warehouse cannot ship an order: POST /api/warehouse/unfulfillable?shop=…&warehouse=… (docs/handoff.md).
export const action = async ({ request }: ActionFunctionArgs) =>
  queuedWorkResponse(await withAppDb((db) => receiveWarehouseUnfulfillable(db, request)));
