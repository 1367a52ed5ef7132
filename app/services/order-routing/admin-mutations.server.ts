import { gql, type GraphQLClient } from "graphql-request";
import { adminRequest, type RetryPolicy } from "./admin-retry.server";
import type { AdminUserError } from "../admin/admin-graphql.server";

// The Admin GraphQL mutations routing applies (Admin API 2026-10 shapes, shopify.dev reference pages of
// fulfillmentOrderSplit, fulfillmentOrderMove, metafieldsSet, tagsAdd, tagsRemove and orderUpdate).

export const FULFILLMENT_ORDER_SPLIT = gql`
  mutation TailrouteFulfillmentOrderSplit($fulfillmentOrderSplits: [FulfillmentOrderSplitInput!]!) {
    fulfillmentOrderSplit(fulfillmentOrderSplits: $fulfillmentOrderSplits) {
      fulfillmentOrderSplits {
        fulfillmentOrder {
          id
        }
        remainingFulfillmentOrder {
          id
          lineItems(first: 100) {
            nodes {
              id
              totalQuantity
            }
          }
        }
        replacementFulfillmentOrder {
          id
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const FULFILLMENT_ORDER_MOVE = gql`
  mutation TailrouteFulfillmentOrderMove($id: ID!, $newLocationId: ID!) {
    fulfillmentOrderMove(id: $id, newLocationId: $newLocationId) {
      movedFulfillmentOrder {
        id
        assignedLocation {
          location {
            id
          }
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const METAFIELDS_SET = gql`
  mutation TailrouteMetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
        namespace
        key
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const TAGS_ADD = gql`
  mutation TailrouteTagsAdd($id: ID!, $tags: [String!]!) {
    tagsAdd(id: $id, tags: $tags) {
      node {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const TAGS_REMOVE = gql`
  mutation TailrouteTagsRemove($id: ID!, $tags: [String!]!) {
    tagsRemove(id: $id, tags: $tags) {
      node {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const ORDER_UPDATE = gql`
  mutation TailrouteOrderUpdate($input: OrderInput!) {
    orderUpdate(input: $input) {
      order {
        id
        note
      }
      userErrors {
        field
        message
      }
    }
  }
`;

/** A mutation's outcome: Shopify's refusal (userErrors) is data, not an exception. */
export type MutationResult<T> = { ok: true; value: T } | { ok: false; error: string };

function outcome<T>(userErrors: AdminUserError[], value: T): MutationResult<T> {
  return userErrors.length > 0
    ? { ok: false, error: userErrors.map((e) => e.message).join("; ") }
    : { ok: true, value };
}

export async function splitFulfillmentOrder(
  client: GraphQLClient,
  fulfillmentOrderId: string,
  lineItems: { id: string; quantity: number }[],
  retry?: RetryPolicy,
): Promise<MutationResult<{ newFulfillmentOrderId: string }>> {
  const { fulfillmentOrderSplit: r } = await adminRequest<{
    fulfillmentOrderSplit: {
      fulfillmentOrderSplits:
        | {
            fulfillmentOrder: { id: string };
            remainingFulfillmentOrder: { id: string } | null;
            replacementFulfillmentOrder: { id: string } | null;
          }[]
        | null;
      userErrors: AdminUserError[];
    };
  }>(
    client,
    FULFILLMENT_ORDER_SPLIT,
    { fulfillmentOrderSplits: [{ fulfillmentOrderId, fulfillmentOrderLineItems: lineItems }] },
    retry,
  );
  const result = r.fulfillmentOrderSplits?.[0];
  // The split-out line items land in a new fulfillment order (remainingFulfillmentOrder); when the original
  // could not be split Shopify creates a replacement instead.
  const newId = result?.remainingFulfillmentOrder?.id ?? result?.replacementFulfillmentOrder?.id;
  if (r.userErrors.length === 0 && !newId)
    return { ok: false, error: "Split returned no new fulfillment order" };
  return outcome(r.userErrors, { newFulfillmentOrderId: newId! });
}

export async function moveFulfillmentOrder(
  client: GraphQLClient,
  id: string,
  newLocationId: string,
  retry?: RetryPolicy,
): Promise<MutationResult<{ movedFulfillmentOrderId: string | null }>> {
  const { fulfillmentOrderMove: r } = await adminRequest<{
    fulfillmentOrderMove: { movedFulfillmentOrder: { id: string } | null; userErrors: AdminUserError[] };
  }>(client, FULFILLMENT_ORDER_MOVE, { id, newLocationId }, retry);
  return outcome(r.userErrors, { movedFulfillmentOrderId: r.movedFulfillmentOrder?.id ?? null });
}

export async function setOrderMetafield(
  client: GraphQLClient,
  ownerId: string,
  metafield: { namespace: string; key: string; value: string },
  retry?: RetryPolicy,
): Promise<MutationResult<null>> {
  const { metafieldsSet: r } = await adminRequest<{ metafieldsSet: { userErrors: AdminUserError[] } }>(
    client,
    METAFIELDS_SET,
    {
      metafields: [
        { ownerId, namespace: metafield.namespace, key: metafield.key, type: "json", value: metafield.value },
      ],
    },
    retry,
  );
  return outcome(r.userErrors, null);
}

export async function addOrderTags(
  client: GraphQLClient,
  id: string,
  tags: string[],
  retry?: RetryPolicy,
): Promise<MutationResult<null>> {
  const { tagsAdd: r } = await adminRequest<{ tagsAdd: { userErrors: AdminUserError[] } }>(
    client,
    TAGS_ADD,
    { id, tags },
    retry,
  );
  return outcome(r.userErrors, null);
}

export async function removeOrderTags(
  client: GraphQLClient,
  id: string,
  tags: string[],
  retry?: RetryPolicy,
): Promise<MutationResult<null>> {
  const { tagsRemove: r } = await adminRequest<{ tagsRemove: { userErrors: AdminUserError[] } }>(
    client,
    TAGS_REMOVE,
    { id, tags },
    retry,
  );
  return outcome(r.userErrors, null);
}

export async function updateOrderNote(
  client: GraphQLClient,
  id: string,
  note: string,
  retry?: RetryPolicy,
): Promise<MutationResult<null>> {
  const { orderUpdate: r } = await adminRequest<{ orderUpdate: { userErrors: AdminUserError[] } }>(
    client,
    ORDER_UPDATE,
    { input: { id, note } },
    retry,
  );
  return outcome(r.userErrors, null);
}

/** orderUpdate with `shippingAddress` (a MailingAddressInput; it overwrites the order's address; write_orders). */
export const ORDER_SHIPPING_ADDRESS_UPDATE = gql`
  mutation TailrouteOrderShippingAddress($input: OrderInput!) {
    orderUpdate(input: $input) {
      order {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export async function updateOrderShippingAddress(
  client: GraphQLClient,
  id: string,
  shippingAddress: Record<string, string | null>,
  retry?: RetryPolicy,
): Promise<MutationResult<null>> {
  const { orderUpdate: r } = await adminRequest<{ orderUpdate: { userErrors: AdminUserError[] } }>(
    client,
    ORDER_SHIPPING_ADDRESS_UPDATE,
    { input: { id, shippingAddress } },
    retry,
  );
  return outcome(r.userErrors, null);
}
