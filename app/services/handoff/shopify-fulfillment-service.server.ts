import { gql, type GraphQLClient } from "graphql-request";
import type { AdminUserError } from "../admin/admin-graphql.server";
import { AdminCallError, adminRequest, type RetryPolicy } from "../order-routing/admin-retry.server";

// The Admin GraphQL calls of a fulfillment service app (shopify.dev "Build for fulfillment services";
// scopes write_fulfillments, read_/write_assigned_fulfillment_orders). Each mutation's userErrors are Shopify's
// refusal: returned to the caller as a non-retryable AdminCallError with Shopify's words.

const CREATE = gql`
  mutation TailrouteFulfillmentServiceCreate($name: String!, $callbackUrl: URL!) {
    fulfillmentServiceCreate(
      name: $name
      callbackUrl: $callbackUrl
      trackingSupport: false
      inventoryManagement: false
    ) {
      fulfillmentService {
        id
        serviceName
        location {
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

const REQUESTED = gql`
  query TailrouteAssignedFulfillmentOrders(
    $status: FulfillmentOrderAssignmentStatus!
    $locationIds: [ID!]
    $after: String
  ) {
    assignedFulfillmentOrders(
      first: 25
      assignmentStatus: $status
      locationIds: $locationIds
      after: $after
    ) {
      nodes {
        id
        status
        requestStatus
        assignedLocation {
          location {
            id
          }
        }
        order {
          id
          name
        }
        destination {
          firstName
          lastName
          company
          address1
          address2
          city
          province
          zip
          countryCode
          phone
        }
        lineItems(first: 100) {
          nodes {
            id
            sku
            productTitle
            remainingQuantity
            variant {
              id
            }
          }
        }
        merchantRequests(first: 1, kind: FULFILLMENT_REQUEST) {
          nodes {
            message
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const ACCEPT_FULFILLMENT = gql`
  mutation TailrouteAcceptFulfillmentRequest($id: ID!, $message: String) {
    fulfillmentOrderAcceptFulfillmentRequest(id: $id, message: $message) {
      fulfillmentOrder {
        id
        requestStatus
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const CLOSE = gql`
  mutation TailrouteCloseFulfillmentOrder($id: ID!, $message: String) {
    fulfillmentOrderClose(id: $id, message: $message) {
      fulfillmentOrder {
        id
        status
        requestStatus
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const ACCEPT_CANCELLATION = gql`
  mutation TailrouteAcceptCancellationRequest($id: ID!, $message: String) {
    fulfillmentOrderAcceptCancellationRequest(id: $id, message: $message) {
      fulfillmentOrder {
        id
        requestStatus
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const CREATE_FULFILLMENT = gql`
  mutation TailrouteFulfillmentCreate($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) {
      fulfillment {
        id
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`;

// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentCancel: the fulfilled items get new
// fulfillment orders, so they can be fulfilled again.
const CANCEL_FULFILLMENT = gql`
  mutation TailrouteFulfillmentCancel($id: ID!) {
    fulfillmentCancel(id: $id) {
      fulfillment {
        id
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export interface AssignedFulfillmentOrder {
  id: string;
  status: string;
  requestStatus: string;
  assignedLocation: { location: { id: string } | null };
  order: { id: string; name: string };
  destination: {
    firstName: string | null;
    lastName: string | null;
    company: string | null;
    address1: string | null;
    address2: string | null;
    city: string | null;
    province: string | null;
    zip: string | null;
    countryCode: string | null;
    phone: string | null;
  } | null;
  lineItems: {
    nodes: {
      id: string;
      sku: string | null;
      productTitle: string;
      remainingQuantity: number;
      variant: { id: string } | null;
    }[];
  };
  merchantRequests: { nodes: { message: string | null }[] };
}

/** Cancels a fulfillment (a voided label's): its items are open to fulfil again. Throws with Shopify's refusal. */
export async function cancelFulfillment(
  client: GraphQLClient,
  fulfillmentId: string,
  retry?: RetryPolicy,
): Promise<void> {
  const data = await adminRequest<{
    fulfillmentCancel: { fulfillment: { id: string; status: string } | null; userErrors: AdminUserError[] };
  }>(client, CANCEL_FULFILLMENT, { id: fulfillmentId }, retry);
  const { fulfillment, userErrors } = data.fulfillmentCancel;
  if (userErrors.length || !fulfillment) refused(`to cancel ${fulfillmentId}`, userErrors);
}

function refused(what: string, errors: AdminUserError[]): never {
  throw new AdminCallError(`Shopify refused ${what}: ${errors.map((e) => e.message).join("; ")}`, false);
}

/** Registers a fulfillment service; its location is where the merchant (or routing) assigns the warehouse's orders. */
export async function createFulfillmentService(
  client: GraphQLClient,
  name: string,
  callbackUrl: string,
  retry?: RetryPolicy,
): Promise<{ id: string; locationId: string }> {
  const data = await adminRequest<{
    fulfillmentServiceCreate: {
      fulfillmentService: { id: string; location: { id: string } | null } | null;
      userErrors: AdminUserError[];
    };
  }>(client, CREATE, { name, callbackUrl }, retry);
  const { fulfillmentService: service, userErrors } = data.fulfillmentServiceCreate;
  if (userErrors.length || !service?.location) refused("the fulfillment service", userErrors);
  return { id: service.id, locationId: service.location.id };
}

/** Every fulfillment order at these locations in one assignment status (all pages). */
export async function assignedFulfillmentOrders(
  client: GraphQLClient,
  status: "FULFILLMENT_REQUESTED" | "FULFILLMENT_ACCEPTED" | "CANCELLATION_REQUESTED",
  locationIds: string[],
  retry?: RetryPolicy,
): Promise<AssignedFulfillmentOrder[]> {
  const all: AssignedFulfillmentOrder[] = [];
  let after: string | null = null;
  do {
    const data: {
      assignedFulfillmentOrders: {
        nodes: AssignedFulfillmentOrder[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } = await adminRequest(client, REQUESTED, { status, locationIds, after }, retry);
    all.push(...data.assignedFulfillmentOrders.nodes);
    after = data.assignedFulfillmentOrders.pageInfo.hasNextPage
      ? data.assignedFulfillmentOrders.pageInfo.endCursor
      : null;
  } while (after);
  return all;
}

async function acceptRequest(
  client: GraphQLClient,
  mutation: string,
  field: "fulfillmentOrderAcceptFulfillmentRequest" | "fulfillmentOrderAcceptCancellationRequest",
  id: string,
  message: string,
  retry?: RetryPolicy,
): Promise<void> {
  const data = await adminRequest<Record<string, { userErrors: AdminUserError[] }>>(
    client,
    mutation,
    { id, message },
    retry,
  );
  const errors = data[field].userErrors;
  if (errors.length) refused(`to accept the request on ${id}`, errors);
}

export const acceptFulfillmentRequest = (
  client: GraphQLClient,
  id: string,
  message: string,
  retry?: RetryPolicy,
) =>
  acceptRequest(client, ACCEPT_FULFILLMENT, "fulfillmentOrderAcceptFulfillmentRequest", id, message, retry);

export const acceptCancellationRequest = (
  client: GraphQLClient,
  id: string,
  message: string,
  retry?: RetryPolicy,
) =>
  acceptRequest(client, ACCEPT_CANCELLATION, "fulfillmentOrderAcceptCancellationRequest", id, message, retry);

/**
 * Closes an accepted, in-progress fulfillment order as incomplete with the warehouse's reason: the merchant gets it
 * back to move, refund or request again (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderClose).
 */
export async function closeFulfillmentOrder(
  client: GraphQLClient,
  id: string,
  message: string,
  retry?: RetryPolicy,
): Promise<void> {
  const data = await adminRequest<{ fulfillmentOrderClose: { userErrors: AdminUserError[] } }>(
    client,
    CLOSE,
    { id, message },
    retry,
  );
  const errors = data.fulfillmentOrderClose.userErrors;
  if (errors.length) refused(`to close ${id}`, errors);
}

/**
 * Fulfils a fulfillment order with its tracking. Several parcels go as `numbers` (Shopify builds each one's link from
 * a known company); `url` only with a single `number`, as FulfillmentTrackingInput requires
 * (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/FulfillmentTrackingInput).
 */
export async function createFulfillment(
  client: GraphQLClient,
  fulfillmentOrderId: string,
  tracking: { company: string; number: string | string[]; url?: string | null },
  retry?: RetryPolicy,
): Promise<string> {
  const numbers = typeof tracking.number === "string" ? [tracking.number] : tracking.number;
  const data = await adminRequest<{
    fulfillmentCreate: { fulfillment: { id: string } | null; userErrors: AdminUserError[] };
  }>(
    client,
    CREATE_FULFILLMENT,
    {
      fulfillment: {
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId }],
        trackingInfo:
          numbers.length > 1
            ? { company: tracking.company, numbers }
            : {
                company: tracking.company,
                number: numbers[0] ?? "",
                ...(tracking.url ? { url: tracking.url } : {}),
              },
        notifyCustomer: true,
      },
    },
    retry,
  );
  const { fulfillment, userErrors } = data.fulfillmentCreate;
  if (userErrors.length || !fulfillment) refused(`the fulfillment of ${fulfillmentOrderId}`, userErrors);
  return fulfillment.id;
}
