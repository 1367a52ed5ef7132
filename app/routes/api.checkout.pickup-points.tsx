import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pickupPointsQuery, preflightOnly } from "../services/pickup/pickup-endpoints.server";
import { authenticate } from "../shopify.server";

// Checkout UI extension → eligible pickup points near the shipping address (docs/pickup-points.md).
// Session token: authenticate.public.checkout; CORS through its helper; OPTIONS preflight answered by it.
export const loader = ({ request }: LoaderFunctionArgs) =>
  pickupPointsQuery(request, (r) => authenticate.public.checkout(r));

export const action = ({ request }: ActionFunctionArgs) =>
  preflightOnly(request, (r) => authenticate.public.checkout(r), "GET");
