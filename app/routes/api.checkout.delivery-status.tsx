import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  appointmentBooking,
  deliveryStatusQuery,
} from "../services/delivery-status/delivery-status-endpoints.server";
import { authenticate } from "../shopify.server";

// Thank-you extension (purchase.thank-you.block.render): the same as /api/customer-account/delivery-status with
// the checkout session token, whose `sub` is present only for a signed-in buyer (a guest gets 404).
export const loader = ({ request }: LoaderFunctionArgs) =>
  deliveryStatusQuery(request, (r) => authenticate.public.checkout(r));

export const action = ({ request }: ActionFunctionArgs) =>
  appointmentBooking(request, (r) => authenticate.public.checkout(r));
