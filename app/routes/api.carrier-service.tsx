import type { ActionFunctionArgs } from "@remix-run/node";
import { answerCarrierCallback } from "../services/carrier-service/callback.server";
import { callbackDeps } from "../services/carrier-service/runtime.server";

// Shopify's CarrierService callback without a token in the path: X-Shopify-Hmac-Sha256 must be valid.
export const action = ({ request }: ActionFunctionArgs) =>
  answerCarrierCallback(request, null, callbackDeps());

export const loader = () => new Response("Use POST", { status: 405, headers: { Allow: "POST" } });
