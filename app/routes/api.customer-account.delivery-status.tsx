import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  appointmentBooking,
  deliveryStatusQuery,
} from "../services/delivery-status/delivery-status-endpoints.server";
import { authenticate } from "../shopify.server";

// Order-status extension (customer account): GET ?orderId= answers the buyer's view of the order (timeline,
// promised window, pickup point, redelivery pages, freight appointment); POST books or changes the appointment.
// Session token: authenticate.public.customerAccount; the token's `sub` must own the order (docs/appointments.md).
export const loader = ({ request }: LoaderFunctionArgs) =>
  deliveryStatusQuery(request, (r) => authenticate.public.customerAccount(r));

export const action = ({ request }: ActionFunctionArgs) =>
  appointmentBooking(request, (r) => authenticate.public.customerAccount(r));
