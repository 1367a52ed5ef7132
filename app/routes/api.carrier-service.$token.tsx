import type { ActionFunctionArgs } from "@remix-run/node";
import { answerCarrierCallback } from "../services/carrier-service/callback.server";
import { callbackDeps } from "../services/carrier-service/runtime.server";

// Shopify's CarrierService callback as registered: the shop's secret token is in the path.
export const action = ({ request, params }: ActionFunctionArgs) =>
  answerCarrierCallback(request, params.token ?? null, callbackDeps());

export const loader = () => new Response("Use POST", { status: 405, headers: { Allow: "POST" } });
