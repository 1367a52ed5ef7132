import type { FakeShopifyAdmin, GraphqlCall } from "./fake-shopify-admin";

type RequestStatus =
  "UNSUBMITTED" | "SUBMITTED" | "ACCEPTED" | "CANCELLATION_REQUESTED" | "CANCELLATION_ACCEPTED" | "CLOSED";

interface FakeFulfillmentOrder {
  id: string;
  orderId: string;
  orderName: string;
  locationId: string;
  status: "OPEN" | "IN_PROGRESS" | "CLOSED" | "INCOMPLETE";
  requestStatus: RequestStatus;
  message: string | null;
  /** The service's reason when it closed the fulfillment order as incomplete. */
  closeMessage?: string | null;
  destination: Record<string, string | null>;
  lineItems: {
    id: string;
    sku: string | null;
    productTitle: string;
    remainingQuantity: number;
    variantId: string;
  }[];
}

const ASSIGNMENT: Record<string, RequestStatus> = {
  FULFILLMENT_REQUESTED: "SUBMITTED",
  FULFILLMENT_ACCEPTED: "ACCEPTED",
  CANCELLATION_REQUESTED: "CANCELLATION_REQUESTED",
};

const userError = (field: string, message: string) => ({ field: [field], message });

/**
 * A stateful fake of what a fulfillment service app sees in the Admin GraphQL API (shopify.dev "Build for
 * fulfillment services"): `fulfillmentServiceCreate` (a location per service; a taken name is a userError),
 * `assignedFulfillmentOrders` filtered by assignment status and location (paged), accepting fulfillment and
 * cancellation requests (only from the request status each needs, else a userError), `fulfillmentCreate`
 * (only on an accepted, in-progress fulfillment order; it closes it) and `fulfillmentOrderClose` (the same rule; the
 * order becomes INCOMPLETE, its request CLOSED, and goes back to the merchant).
 */
export class FakeFulfillmentServiceShop {
  readonly services = new Map<
    string,
    { id: string; name: string; callbackUrl: string; locationId: string }
  >();
  readonly fulfillmentOrders = new Map<string, FakeFulfillmentOrder>();
  readonly fulfillments: {
    id: string;
    fulfillmentOrderId: string;
    trackingInfo: unknown;
    notifyCustomer: boolean;
  }[] = [];
  private next = 1;

  constructor(private readonly admin: FakeShopifyAdmin) {}

  /** The merchant (or routing) assigned an order to the service's location and requested fulfillment. */
  requestFulfillment(locationId: string, order: { number: number; name: string; message?: string }): string {
    const id = `gid://shopify/FulfillmentOrder/${7000 + this.next++}`;
    this.fulfillmentOrders.set(id, {
      id,
      orderId: `gid://shopify/Order/${order.number}`,
      orderName: order.name,
      locationId,
      status: "OPEN",
      requestStatus: "SUBMITTED",
      message: order.message ?? null,
      destination: {
        firstName: "Ada",
        lastName: "Lovelace",
        company: null,
        address1: "350 5th Ave",
        address2: "Suite 21",
        city: "New York",
        province: "NY",
        zip: "10118",
        countryCode: "US",
        phone: "+12125550100",
      },
      lineItems: [
        {
          id: `gid://shopify/FulfillmentOrderLineItem/${9000 + this.next}`,
          sku: "MUG-11",
          productTitle: "Stoneware mug",
          remainingQuantity: 2,
          variantId: "gid://shopify/ProductVariant/44012345670001",
        },
      ],
    });
    return id;
  }

  /** The merchant asks the service to stop an accepted request. */
  requestCancellation(id: string): void {
    const fo = this.fulfillmentOrders.get(id)!;
    fo.requestStatus = "CANCELLATION_REQUESTED";
  }

  install(): this {
    this.admin
      .on("fulfillmentServiceCreate", (call) => this.createService(call))
      .on("assignedFulfillmentOrders", (call) => this.assigned(call))
      .on("fulfillmentOrderAcceptFulfillmentRequest", (call) =>
        this.transition(call, "fulfillmentOrderAcceptFulfillmentRequest", "SUBMITTED", (fo) => {
          fo.requestStatus = "ACCEPTED";
          fo.status = "IN_PROGRESS";
        }),
      )
      .on("fulfillmentOrderAcceptCancellationRequest", (call) =>
        this.transition(call, "fulfillmentOrderAcceptCancellationRequest", "CANCELLATION_REQUESTED", (fo) => {
          fo.requestStatus = "CANCELLATION_ACCEPTED";
          fo.status = "CLOSED";
        }),
      )
      .on("fulfillmentCreate", (call) => this.fulfill(call))
      .on("fulfillmentOrderClose", (call) => this.close(call));
    return this;
  }

  /** The merchant requests fulfillment again of an order the service closed as incomplete. */
  requestAgain(id: string): void {
    const fo = this.fulfillmentOrders.get(id);
    if (!fo || fo.status !== "INCOMPLETE") throw new Error(`${id} is not closed as incomplete`);
    fo.status = "OPEN";
    fo.requestStatus = "SUBMITTED";
  }

  private close(call: GraphqlCall) {
    const { id, message } = call.variables as { id: string; message?: string | null };
    const fo = this.fulfillmentOrders.get(id);
    if (!fo || fo.requestStatus !== "ACCEPTED" || fo.status !== "IN_PROGRESS")
      return {
        fulfillmentOrderClose: {
          fulfillmentOrder: null,
          userErrors: [
            userError(
              "id",
              fo
                ? `Cannot close a fulfillment order with status ${fo.status.toLowerCase()} and request status ${fo.requestStatus.toLowerCase()}.`
                : "Fulfillment order does not exist.",
            ),
          ],
        },
      };
    fo.status = "INCOMPLETE";
    fo.requestStatus = "CLOSED";
    fo.closeMessage = message ?? null;
    return {
      fulfillmentOrderClose: {
        fulfillmentOrder: { id: fo.id, status: fo.status, requestStatus: fo.requestStatus },
        userErrors: [],
      },
    };
  }

  private createService(call: GraphqlCall) {
    const { name, callbackUrl } = call.variables as { name: string; callbackUrl: string };
    if ([...this.services.values()].some((s) => s.name === name))
      return {
        fulfillmentServiceCreate: {
          fulfillmentService: null,
          userErrors: [userError("name", "Name has already been taken")],
        },
      };
    const id = `gid://shopify/FulfillmentService/${this.next++}`;
    const locationId = `gid://shopify/Location/${8000 + this.next++}`;
    this.services.set(id, { id, name, callbackUrl, locationId });
    return {
      fulfillmentServiceCreate: {
        fulfillmentService: { id, serviceName: name, location: { id: locationId } },
        userErrors: [],
      },
    };
  }

  private assigned(call: GraphqlCall) {
    const { status, locationIds, after } = call.variables as {
      status: string;
      locationIds?: string[];
      after?: string | null;
    };
    const ours = new Set([...this.services.values()].map((s) => s.locationId));
    const matching = [...this.fulfillmentOrders.values()].filter(
      (fo) =>
        ours.has(fo.locationId) &&
        (!locationIds || locationIds.includes(fo.locationId)) &&
        fo.requestStatus === ASSIGNMENT[status] &&
        fo.status !== "CLOSED",
    );
    const start = after ? Number(after) : 0;
    const page = matching.slice(start, start + 25);
    return {
      assignedFulfillmentOrders: {
        nodes: page.map((fo) => ({
          id: fo.id,
          status: fo.status,
          requestStatus: fo.requestStatus,
          assignedLocation: { location: { id: fo.locationId } },
          order: { id: fo.orderId, name: fo.orderName },
          destination: fo.destination,
          lineItems: {
            nodes: fo.lineItems.map((l) => ({
              id: l.id,
              sku: l.sku,
              productTitle: l.productTitle,
              remainingQuantity: l.remainingQuantity,
              variant: { id: l.variantId },
            })),
          },
          merchantRequests: { nodes: fo.message ? [{ message: fo.message }] : [] },
        })),
        pageInfo: {
          hasNextPage: start + 25 < matching.length,
          endCursor: page.length ? String(start + page.length) : null,
        },
      },
    };
  }

  private transition(
    call: GraphqlCall,
    field: string,
    from: RequestStatus,
    apply: (fo: FakeFulfillmentOrder) => void,
  ) {
    const fo = this.fulfillmentOrders.get((call.variables as { id: string }).id);
    if (!fo)
      return {
        [field]: {
          fulfillmentOrder: null,
          userErrors: [userError("id", "Fulfillment order does not exist.")],
        },
      };
    if (fo.requestStatus !== from)
      return {
        [field]: {
          fulfillmentOrder: null,
          userErrors: [
            userError(
              "id",
              `Cannot accept a request on a fulfillment order whose request status is ${fo.requestStatus.toLowerCase()}.`,
            ),
          ],
        },
      };
    apply(fo);
    return { [field]: { fulfillmentOrder: { id: fo.id, requestStatus: fo.requestStatus }, userErrors: [] } };
  }

  private fulfill(call: GraphqlCall) {
    const { fulfillment } = call.variables as {
      fulfillment: {
        lineItemsByFulfillmentOrder: { fulfillmentOrderId: string }[];
        trackingInfo?: unknown;
        notifyCustomer?: boolean;
      };
    };
    const id = fulfillment.lineItemsByFulfillmentOrder[0]?.fulfillmentOrderId;
    const fo = id ? this.fulfillmentOrders.get(id) : undefined;
    if (!fo || fo.status !== "IN_PROGRESS")
      return {
        fulfillmentCreate: {
          fulfillment: null,
          userErrors: [
            userError(
              "fulfillment",
              `Fulfillment order ${id} has an unfulfillable status= ${fo?.status.toLowerCase() ?? "missing"}.`,
            ),
          ],
        },
      };
    fo.status = "CLOSED";
    fo.requestStatus = "CLOSED";
    const created = {
      id: `gid://shopify/Fulfillment/${6000 + this.next++}`,
      fulfillmentOrderId: fo.id,
      trackingInfo: fulfillment.trackingInfo,
      notifyCustomer: fulfillment.notifyCustomer ?? false,
    };
    this.fulfillments.push(created);
    return { fulfillmentCreate: { fulfillment: { id: created.id, status: "SUCCESS" }, userErrors: [] } };
  }
}
