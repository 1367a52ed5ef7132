import { gql, type GraphQLClient } from "graphql-request";
import { AdminCallError, adminRequest, type RetryPolicy } from "../order-routing/admin-retry.server";

/** What the buyer's status page needs to know about the order from Shopify: whose it is and where it goes. */
const BUYER_ORDER_QUERY = gql`
  query TailrouteBuyerOrder($id: ID!) {
    order(id: $id) {
      id
      name
      displayFulfillmentStatus
      customer {
        id
      }
      shippingAddress {
        zip
        provinceCode
        countryCodeV2
      }
    }
  }
`;

export interface BuyerOrder {
  id: string;
  name: string;
  displayFulfillmentStatus: string;
  customer: { id: string } | null;
  shippingAddress: { zip: string | null; provinceCode: string | null; countryCodeV2: string | null } | null;
}

/**
 * The order, read with the shop's offline token, when it belongs to the customer of the session token (`sub`);
 * another customer's order — or a guest's token without `sub` — is answered like a missing one (404).
 */
export async function loadBuyerOrder(
  client: GraphQLClient,
  args: { customerId: string | null; orderId: string },
  retry?: RetryPolicy,
): Promise<{ order: BuyerOrder } | { status: 404 | 503; reason: string }> {
  let order: BuyerOrder | null;
  try {
    ({ order } = await adminRequest<{ order: BuyerOrder | null }>(
      client,
      BUYER_ORDER_QUERY,
      { id: args.orderId },
      retry,
    ));
  } catch (error) {
    if (error instanceof AdminCallError)
      return { status: 503, reason: "Shopify is not answering; try again" };
    throw error;
  }
  if (!order || !args.customerId || order.customer?.id !== args.customerId)
    return { status: 404, reason: "Order not found" };
  return { order };
}
