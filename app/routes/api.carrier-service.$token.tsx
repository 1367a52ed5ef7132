import type { ActionFunctionArgs } from "@remix-run/node";
import { answerCarrierCallback } from "../services/carrier-callback.server";
import { callbackDeps } from "../services/carrier-callback-runtime.server";

// Shopify's CarrierService callback as registered: the shop's secret token is in the path.
export const action = ({ request, params }: ActionFunctionArgs) =>
  answerCarrierCallback(request, params.token ?? null, callbackDeps());

export const loader = () => new Response("Use POST", { status: 405, headers: { Allow: "POST" } });
