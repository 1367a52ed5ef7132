import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pickupChoiceAfterPurchase, pickupPointsQuery } from "../services/pickup/pickup-endpoints.server";
import { authenticate } from "../shopify.server";

// Thank-you / order-status extension: GET lists eligible points, POST records the buyer's choice on the
// unfulfilled order (metafield + note) with the shop's offline token. Session token:
// authenticate.public.customerAccount.
export const loader = ({ request }: LoaderFunctionArgs) =>
  pickupPointsQuery(request, (r) => authenticate.public.customerAccount(r));

export const action = ({ request }: ActionFunctionArgs) =>
  pickupChoiceAfterPurchase(request, (r) => authenticate.public.customerAccount(r));
