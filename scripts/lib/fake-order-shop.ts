import type { FakeShopifyAdmin, GraphqlCall } from "./fake-shopify-admin";

// An in-memory Shopify order behind the fake Admin API: the documented query and mutation shapes
// (order.fulfillmentOrders, fulfillmentOrderMove, fulfillmentOrderSplit, metafieldsSet, tagsAdd, tagsRemove,
// orderUpdate), with state that the mutations change, so tests can assert what the merchant would finally see.

export interface FakeFulfillmentOrder {
  id: string;
  status: string;
  requestStatus: string;
  locationId: string;
  lines: { id: string; variantId: string; inventoryItemId: string; quantity: number }[];
  /** FulfillmentOrder.destination when it differs from the order's shipping address (see keepOldDestination). */
  destination?: FakeAddress | null;
}

/** A MailingAddress as the fake keeps it (Admin GraphQL field names). */
export interface FakeAddress {
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  company?: string | null;
  address1: string;
  address2?: string | null;
  city: string;
  provinceCode: string;
  zip: string;
  countryCodeV2: string;
}

export const variantGid = (numeric: string) => `gid://shopify/ProductVariant/${numeric}`;

export class FakeOrderShop {
  orderId = "";
  tags: string[] = [];
  note: string | null = null;
  metafields = new Map<string, { type: string; value: string }>();
  fulfillmentOrders: FakeFulfillmentOrder[] = [];
  /** location gid → numeric variant id → available. */
  available = new Map<string, Map<string, number>>();
  /** Locations that refuse moves ("doesn't stock the item"). */
  refuseMovesTo = new Set<string>();
  /** The buyer (customer-account session tokens carry this gid as `sub`). */
  customerId: string | null = "gid://shopify/Customer/7001";
  /** Order.displayFulfillmentStatus (UNFULFILLED, FULFILLED, PARTIALLY_FULFILLED, …). */
  displayFulfillmentStatus = "UNFULFILLED";
  /** Order.shippingAddress (Admin GraphQL MailingAddress fields). */
  shippingAddress: FakeAddress | null = null;
  /**
   * Fulfillment orders whose destination does NOT follow an orderUpdate of the shipping address (community
   * reports say this happens); every other fulfillment order's destination is the order's address.
   */
  keepOldDestination = new Set<string>();
  /** orderUpdate refuses a shipping address with this userError message (null = accepted). */
  refuseShippingAddress: string | null = null;
  /** Order line items (quantity, sku, variant, unit price) for reads beyond fulfillment orders. */
  lineItems: { variantId: string; sku: string | null; quantity: number; unitPrice: string }[] = [];
  private nextId = 9000;

  constructor(private readonly admin: FakeShopifyAdmin) {}

  setStock(locationId: string, stock: Record<string, number>) {
    this.available.set(locationId, new Map(Object.entries(stock)));
  }

  install(): this {
    this.admin.on("order", (call) => this.orderQuery(call));
    this.admin.on("fulfillmentOrderMove", (call) => this.move(call));
    this.admin.on("fulfillmentOrderSplit", (call) => this.split(call));
    this.admin.on("metafieldsSet", (call) => this.setMetafields(call));
    this.admin.on("tagsAdd", (call) => {
      for (const tag of call.variables.tags as string[]) if (!this.tags.includes(tag)) this.tags.push(tag);
      return { tagsAdd: { node: { id: this.orderId }, userErrors: [] } };
    });
    this.admin.on("tagsRemove", (call) => {
      const removed = call.variables.tags as string[];
      this.tags = this.tags.filter((tag) => !removed.includes(tag));
      return { tagsRemove: { node: { id: this.orderId }, userErrors: [] } };
    });
    this.admin.on("orderUpdate", (call) => {
      const input = call.variables.input as {
        id: string;
        note?: string;
        shippingAddress?: Record<string, string | null>;
      };
      if (input.shippingAddress && this.refuseShippingAddress)
        return {
          orderUpdate: {
            order: null,
            userErrors: [{ field: ["shippingAddress"], message: this.refuseShippingAddress }],
          },
        };
      if (input.note !== undefined) this.note = input.note;
      if (input.shippingAddress) this.setShippingAddress(input.shippingAddress);
      return { orderUpdate: { order: { id: this.orderId, note: this.note }, userErrors: [] } };
    });
    return this;
  }

  /** orderUpdate's `shippingAddress` (MailingAddressInput) overwrites the address; destinations follow unless kept. */
  private setShippingAddress(input: Record<string, string | null>) {
    for (const fo of this.fulfillmentOrders)
      if (this.keepOldDestination.has(fo.id) && fo.destination === undefined)
        fo.destination = this.shippingAddress ? { ...this.shippingAddress } : null;
    this.shippingAddress = {
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      phone: input.phone ?? null,
      company: input.company ?? null,
      address1: input.address1 ?? "",
      address2: input.address2 ?? null,
      city: input.city ?? "",
      provinceCode: input.provinceCode ?? "",
      zip: input.zip ?? "",
      countryCodeV2: input.countryCode ?? "US",
    };
  }

  /** FulfillmentOrderDestination (its state is `province`, a name in Shopify; the code stands in for it here). */
  private destinationNode(fo: FakeFulfillmentOrder) {
    const a = fo.destination === undefined ? this.shippingAddress : fo.destination;
    if (!a) return null;
    return {
      firstName: a.firstName ?? null,
      lastName: a.lastName ?? null,
      company: a.company ?? null,
      address1: a.address1,
      address2: a.address2 ?? null,
      city: a.city,
      province: a.provinceCode,
      zip: a.zip,
    };
  }

  private foNode(fo: FakeFulfillmentOrder) {
    return {
      id: fo.id,
      status: fo.status,
      requestStatus: fo.requestStatus,
      destination: this.destinationNode(fo),
      assignedLocation: { location: { id: fo.locationId } },
      lineItems: {
        nodes: fo.lines.map((l) => ({
          id: l.id,
          totalQuantity: l.quantity,
          remainingQuantity: l.quantity,
          variant: {
            id: variantGid(l.variantId),
            inventoryItem: {
              inventoryLevels: {
                nodes: [...this.available.entries()].map(([locationId, stock]) => ({
                  location: { id: locationId },
                  quantities: [{ name: "available", quantity: stock.get(l.variantId) ?? 0 }],
                })),
              },
            },
          },
        })),
      },
    };
  }

  private orderQuery(call: GraphqlCall) {
    if (call.variables.id !== this.orderId) return { order: null };
    return {
      order: {
        id: this.orderId,
        name: "#1001",
        tags: this.tags,
        note: this.note,
        // Aliased `metafield(namespace: "$app", key: "pickup_point")`: the cart metafield copied to the order.
        pickupChoice: this.metafields.has("$app.pickup_point")
          ? { value: this.metafields.get("$app.pickup_point")!.value }
          : null,
        displayFulfillmentStatus: this.displayFulfillmentStatus,
        customer: this.customerId ? { id: this.customerId } : null,
        shippingAddress: this.shippingAddress,
        lineItems: {
          nodes: this.lineItems.map((l) => ({
            quantity: l.quantity,
            sku: l.sku,
            requiresShipping: true,
            variant: { id: variantGid(l.variantId) },
            originalUnitPriceSet: { shopMoney: { amount: l.unitPrice } },
          })),
        },
        fulfillmentOrders: { nodes: this.fulfillmentOrders.map((fo) => this.foNode(fo)) },
      },
    };
  }

  private move(call: GraphqlCall) {
    const { id, newLocationId } = call.variables as { id: string; newLocationId: string };
    const fo = this.fulfillmentOrders.find((f) => f.id === id);
    if (!fo || this.refuseMovesTo.has(newLocationId)) {
      return {
        fulfillmentOrderMove: {
          movedFulfillmentOrder: null,
          userErrors: [
            { field: ["id"], message: "Cannot move fulfillment order: the location doesn't stock the item." },
          ],
        },
      };
    }
    fo.locationId = newLocationId;
    return {
      fulfillmentOrderMove: {
        movedFulfillmentOrder: { id: fo.id, assignedLocation: { location: { id: newLocationId } } },
        userErrors: [],
      },
    };
  }

  private split(call: GraphqlCall) {
    const inputs = call.variables.fulfillmentOrderSplits as {
      fulfillmentOrderId: string;
      fulfillmentOrderLineItems: { id: string; quantity: number }[];
    }[];
    const results = inputs.map((input) => {
      const fo = this.fulfillmentOrders.find((f) => f.id === input.fulfillmentOrderId)!;
      const created: FakeFulfillmentOrder = {
        ...fo,
        id: `gid://shopify/FulfillmentOrder/${this.nextId++}`,
        lines: [],
      };
      for (const { id, quantity } of input.fulfillmentOrderLineItems) {
        const line = fo.lines.find((l) => l.id === id)!;
        line.quantity -= quantity;
        created.lines.push({
          ...line,
          id: `gid://shopify/FulfillmentOrderLineItem/${this.nextId++}`,
          quantity,
        });
      }
      fo.lines = fo.lines.filter((l) => l.quantity > 0);
      this.fulfillmentOrders.push(created);
      return {
        fulfillmentOrder: { id: fo.id },
        remainingFulfillmentOrder: {
          id: created.id,
          lineItems: { nodes: created.lines.map((l) => ({ id: l.id, totalQuantity: l.quantity })) },
        },
        replacementFulfillmentOrder: null,
      };
    });
    return { fulfillmentOrderSplit: { fulfillmentOrderSplits: results, userErrors: [] } };
  }

  private setMetafields(call: GraphqlCall) {
    const inputs = call.variables.metafields as {
      ownerId: string;
      namespace: string;
      key: string;
      type: string;
      value: string;
    }[];
    for (const m of inputs) this.metafields.set(`${m.namespace}.${m.key}`, { type: m.type, value: m.value });
    return {
      metafieldsSet: {
        metafields: inputs.map((m, i) => ({
          id: `gid://shopify/Metafield/${i + 1}`,
          namespace: m.namespace,
          key: m.key,
        })),
        userErrors: [],
      },
    };
  }
}

/** A fulfillment event as the fake Admin API stores it (FulfillmentEvent fields Tailroute reads or writes). */
export interface FakeFulfillmentEvent {
  id: string;
  status: string;
  happenedAt: string;
  estimatedDeliveryAt: string | null;
  message: string | null;
}

/**
 * Fulfillments and their tracking events behind the fake Admin API: `fulfillmentEventCreate(fulfillmentEvent:
 * FulfillmentEventInput!)` answering `{ fulfillmentEvent { id status happenedAt }, userErrors }`, and
 * `fulfillment(id) { events { nodes } }`. Unknown fulfillments are refused with a userError, as Shopify does.
 */
export class FakeFulfillmentEvents {
  /** fulfillment gid → its events, oldest first. */
  readonly events = new Map<string, FakeFulfillmentEvent[]>();
  private nextId = 1;

  constructor(private readonly admin: FakeShopifyAdmin) {}

  addFulfillment(fulfillmentId: string): this {
    if (!this.events.has(fulfillmentId)) this.events.set(fulfillmentId, []);
    return this;
  }

  install(): this {
    this.admin.on("fulfillmentEventCreate", (call) => {
      const input = call.variables.fulfillmentEvent as {
        fulfillmentId: string;
        status: string;
        happenedAt?: string;
        estimatedDeliveryAt?: string;
        message?: string;
      };
      const list = this.events.get(input.fulfillmentId);
      if (!list) {
        return {
          fulfillmentEventCreate: {
            fulfillmentEvent: null,
            userErrors: [
              { field: ["fulfillmentEvent", "fulfillmentId"], message: "Fulfillment does not exist" },
            ],
          },
        };
      }
      const event: FakeFulfillmentEvent = {
        id: `gid://shopify/FulfillmentEvent/${this.nextId++}`,
        status: input.status,
        happenedAt: input.happenedAt ?? new Date().toISOString(),
        estimatedDeliveryAt: input.estimatedDeliveryAt ?? null,
        message: input.message ?? null,
      };
      list.push(event);
      return {
        fulfillmentEventCreate: {
          fulfillmentEvent: { id: event.id, status: event.status, happenedAt: event.happenedAt },
          userErrors: [],
        },
      };
    });
    this.admin.on("fulfillment", (call) => {
      const list = this.events.get(call.variables.id as string);
      if (!list) return { fulfillment: null };
      return {
        fulfillment: {
          id: call.variables.id,
          events: {
            nodes: [...list].reverse().map(({ id, status, happenedAt }) => ({ id, status, happenedAt })),
          },
        },
      };
    });
    return this;
  }
}
