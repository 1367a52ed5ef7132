import type { GraphQLClient } from "graphql-request";
import { adminRequest, type RetryPolicy } from "../order-routing/admin-retry.server";

const ORDER_CONTACT = `#graphql
  query notificationOrderContact($id: ID!) {
    order(id: $id) {
      id
      name
      email
      customer { id }
    }
  }`;

export interface OrderContact {
  name: string | null;
  email: string | null;
  customerId: string | null;
}

/**
 * The buyer of an order, read from Shopify when the email is sent (the app keeps no buyer email). Null when
 * Shopify no longer has the order.
 */
export async function readOrderContact(
  client: GraphQLClient,
  orderId: string,
  retry?: RetryPolicy,
): Promise<OrderContact | null> {
  const data = await adminRequest<{
    order: { name?: string | null; email?: string | null; customer?: { id: string } | null } | null;
  }>(client, ORDER_CONTACT, { id: orderId }, ...(retry ? [retry] : []));
  if (!data.order) return null;
  return {
    name: data.order.name ?? null,
    email: data.order.email ?? null,
    customerId: data.order.customer?.id ?? null,
  };
}
