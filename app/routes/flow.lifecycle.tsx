import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveFlowLifecycle } from "../services/notifications/flow-lifecycle.server";
import { withAppDb } from "../services/shop/app-database.server";

// Shopify Flow's trigger lifecycle callback (extensions/flow-lifecycle): which shops use our triggers
// (docs/notifications.md). HMAC-verified in the service.
export const action = async ({ request }: ActionFunctionArgs) => {
  const answer = await withAppDb((db) => receiveFlowLifecycle(db, request));
  return Response.json(answer.body, { status: answer.status });
};

export const loader = () => new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
