import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  pickupChoiceAfterPurchase,
  pickupPointsOrOrderState,
} from "../services/pickup/pickup-endpoints.server";
import { authenticate } from "../shopify.server";

// Checkout UI extension → eligible pickup points near the shipping address (docs/pickup-points.md).
// The thank-you target (purchase.thank-you.block.render) uses the same checkout session token for the
// order's pickup state (GET ?orderId=) and to record a choice (POST; the token's `sub` must own the order).
// Session token: authenticate.public.checkout; CORS through its helper; OPTIONS preflight answered by it.
export const loader = ({ request }: LoaderFunctionArgs) =>
  pickupPointsOrOrderState(request, (r) => authenticate.public.checkout(r));

export const action = ({ request }: ActionFunctionArgs) =>
  pickupChoiceAfterPurchase(request, (r) => authenticate.public.checkout(r));
