import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  pickupChoiceAfterPurchase,
  pickupPointsOrOrderState,
} from "../services/pickup/pickup-endpoints.server";
import { authenticate } from "../shopify.server";

// Order-status extension: GET lists eligible points (or, with ?orderId= alone, the order's pickup state),
// POST records the buyer's choice on the unfulfilled order (metafield + note) with the shop's offline token.
// Session token: authenticate.public.customerAccount.
export const loader = ({ request }: LoaderFunctionArgs) =>
  pickupPointsOrOrderState(request, (r) => authenticate.public.customerAccount(r));

export const action = ({ request }: ActionFunctionArgs) =>
  pickupChoiceAfterPurchase(request, (r) => authenticate.public.customerAccount(r));
