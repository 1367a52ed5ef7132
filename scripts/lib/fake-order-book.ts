import { DEMO_VARIANTS } from "../../app/demo/demo-shop-config";
import { DEMO_LOCATION_IDS } from "../../app/demo/seed.server";
import type { FakeShopifyAdmin, GraphqlCall } from "./fake-shopify-admin";
import { variantGid } from "./fake-order-shop";

// Many Shopify orders at once behind the fake Admin API, for load runs: every order holds one mug, sits at
// Edison (which has none) and can be moved to Dallas or Ontario. Same documented query and mutation shapes as
// FakeOrderShop (order.fulfillmentOrders, fulfillmentOrderMove, tagsAdd, metafieldsSet, orderUpdate), and it
// counts how often each fulfillment order was moved, so a load run can prove every action ran exactly once.

const EDISON = DEMO_LOCATION_IDS["edison-nj"];
const MUG = DEMO_VARIANTS.mug;

export class FakeOrderBook {
  /** fulfillment order gid → location gid */
  readonly locations = new Map<string, string>();
  /** fulfillment order gid → number of successful moves */
  readonly moves = new Map<string, number>();
  /** Every tagsAdd / metafieldsSet / orderUpdate call per order gid, to prove each ran once. */
  readonly orderMutations = new Map<string, string[]>();
  /**
   * Called on each move before Shopify applies it; returning "DROP" leaves the move unapplied (the caller never
   * got an answer it could act on). Crash tests kill the app from here.
   */
  onMove?: (fulfillmentOrderId: string) => "APPLY" | "DROP";

  constructor(private readonly admin: FakeShopifyAdmin) {}

  static orderGid = (numericId: number) => `gid://shopify/Order/${numericId}`;
  static fulfillmentOrderGid = (numericId: number) => `gid://shopify/FulfillmentOrder/${numericId}`;

  install(): this {
    this.admin.on("order", (call) => this.order(call));
    this.admin.on("fulfillmentOrderMove", (call) => this.move(call));
    this.admin.on("tagsAdd", (call) => {
      this.recordOrderMutation(String(call.variables.id), "tagsAdd");
      return { tagsAdd: { node: { id: call.variables.id }, userErrors: [] } };
    });
    this.admin.on("orderUpdate", (call) => {
      const input = call.variables.input as { id: string; note?: string };
      this.recordOrderMutation(input.id, "orderUpdate");
      return { orderUpdate: { order: { id: input.id, note: input.note ?? null }, userErrors: [] } };
    });
    this.admin.on("metafieldsSet", (call) => {
      const inputs = call.variables.metafields as { ownerId: string; namespace: string; key: string }[];
      for (const m of inputs) this.recordOrderMutation(m.ownerId, `metafieldsSet ${m.namespace}.${m.key}`);
      return {
        metafieldsSet: {
          metafields: inputs.map((m, i) => ({ id: `gid://shopify/Metafield/${i + 1}`, ...m })),
          userErrors: [],
        },
      };
    });
    return this;
  }

  private order(call: GraphqlCall) {
    const orderId = String(call.variables.id);
    const numericId = Number(orderId.split("/").pop());
    if (!Number.isSafeInteger(numericId)) return { order: null };
    const foId = FakeOrderBook.fulfillmentOrderGid(numericId);
    const stock: Record<string, number> = {
      [EDISON]: 0,
      [DEMO_LOCATION_IDS["dallas-tx"]]: 500,
      [DEMO_LOCATION_IDS["ontario-ca"]]: 500,
    };
    return {
      order: {
        id: orderId,
        name: `#${numericId}`,
        tags: [],
        note: null,
        fulfillmentOrders: {
          nodes: [
            {
              id: foId,
              status: "OPEN",
              requestStatus: "UNSUBMITTED",
              assignedLocation: { location: { id: this.locations.get(foId) ?? EDISON } },
              lineItems: {
                nodes: [
                  {
                    id: `gid://shopify/FulfillmentOrderLineItem/${numericId}`,
                    totalQuantity: 1,
                    remainingQuantity: 1,
                    variant: {
                      id: variantGid(MUG),
                      inventoryItem: {
                        inventoryLevels: {
                          nodes: Object.entries(stock).map(([locationId, quantity]) => ({
                            location: { id: locationId },
                            quantities: [{ name: "available", quantity }],
                          })),
                        },
                      },
                    },
                  },
                ],
              },
            },
          ],
        },
      },
    };
  }

  private recordOrderMutation(orderId: string, what: string) {
    this.orderMutations.set(orderId, [...(this.orderMutations.get(orderId) ?? []), what]);
  }

  private move(call: GraphqlCall) {
    const { id, newLocationId } = call.variables as { id: string; newLocationId: string };
    if (this.onMove?.(id) === "DROP") {
      return { fulfillmentOrderMove: { movedFulfillmentOrder: null, userErrors: [] } };
    }
    this.locations.set(id, newLocationId);
    this.moves.set(id, (this.moves.get(id) ?? 0) + 1);
    return {
      fulfillmentOrderMove: {
        movedFulfillmentOrder: { id, assignedLocation: { location: { id: newLocationId } } },
        userErrors: [],
      },
    };
  }
}
