import { serviceLabel } from "../../app/format/service-label";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import { describeAction, type RoutingAction } from "../../app/services/order-routing/actions.server";
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import { DEMO_LOCATION_IDS } from "../../app/demo/seed.server";
import { PROJECT_ROOT } from "./app-server";
import type { FakeOrderShop } from "./fake-order-shop";
import { deliverWebhook } from "./signed-webhook";

type Variant = keyof typeof DEMO_VARIANTS;

/** An order the demo replays: what was bought, where it goes, which tier the buyer chose, and where stock is. */
export interface DemoOrder {
  label: string;
  name: string;
  lines: { variant: Variant; quantity: number; price: string }[];
  address: { address1: string; city: string; province_code: string; zip: string };
  shippingCode: string;
  /** Units available per warehouse key (Shopify's inventory levels); the order sits at Edison first. */
  stock: Record<string, Partial<Record<Variant, number>>>;
}

const EVERYWHERE = (units: Partial<Record<Variant, number>>) => ({
  "edison-nj": units,
  "dallas-tx": units,
  "ontario-ca": units,
});

export const DEMO_ORDERS: DemoOrder[] = [
  {
    label: "Small parcel",
    name: "#1101",
    lines: [{ variant: "mug", quantity: 2, price: "18.00" }],
    address: { address1: "200 N Spring St", city: "Los Angeles", province_code: "CA", zip: "90012" },
    shippingCode: "TR_STANDARD",
    stock: EVERYWHERE({ mug: 50 }),
  },
  {
    label: "Split across warehouses",
    name: "#1102",
    lines: [
      { variant: "mug", quantity: 2, price: "18.00" },
      { variant: "lamp", quantity: 1, price: "89.00" },
    ],
    address: { address1: "1600 Glenarm Pl", city: "Denver", province_code: "CO", zip: "80202" },
    shippingCode: "TR_STANDARD",
    // Shopify's "available" at Edison excludes this order's own committed units: -2 / -1 means none on the shelf.
    stock: {
      "edison-nj": { mug: -2, lamp: -1 },
      "dallas-tx": { mug: 40, lamp: 0 },
      "ontario-ca": { mug: 0, lamp: 3 },
    },
  },
  {
    label: "Bulky freight, white glove",
    name: "#1103",
    lines: [{ variant: "sofa", quantity: 1, price: "1299.00" }],
    address: { address1: "10 Jay St", city: "Brooklyn", province_code: "NY", zip: "11201" },
    shippingCode: "TR_FREIGHT_WHITE_GLOVE",
    stock: EVERYWHERE({ sofa: 4 }),
  },
  {
    label: "PO box",
    name: "#1104",
    lines: [{ variant: "watch", quantity: 1, price: "189.00" }],
    address: { address1: "P.O. Box 1234", city: "Austin", province_code: "TX", zip: "78701" },
    shippingCode: "TR_ECONOMY",
    stock: EVERYWHERE({ watch: 5 }),
  },
];

/** The orders/create payload Shopify would send for `order` (from the documented fixture). */
export function orderPayload(order: DemoOrder, numericId: number) {
  const base = JSON.parse(
    readFileSync(join(PROJECT_ROOT, "tests/fixtures/shopify/orders/orders-create-mugs-lamp.json"), "utf8"),
  );
  const profile = (v: Variant) =>
    demoShopConfig.productProfiles.find((p) => p.variantId === DEMO_VARIANTS[v])!;
  const subtotal = order.lines.reduce((sum, l) => sum + Number(l.price) * l.quantity, 0).toFixed(2);
  return {
    ...base,
    subtotal_price: subtotal,
    total_price: subtotal,
    id: numericId,
    admin_graphql_api_id: `gid://shopify/Order/${numericId}`,
    name: order.name,
    line_items: order.lines.map((l, i) => ({
      ...base.line_items[0],
      id: numericId * 10 + i,
      admin_graphql_api_id: `gid://shopify/LineItem/${numericId * 10 + i}`,
      variant_id: Number(DEMO_VARIANTS[l.variant]),
      sku: profile(l.variant).sku,
      title: profile(l.variant).name,
      name: profile(l.variant).name,
      quantity: l.quantity,
      grams: Math.round((profile(l.variant).weightOz ?? 16) * 28.349523125),
      price: l.price,
    })),
    shipping_address: { ...base.shipping_address, ...order.address, province: order.address.province_code },
    shipping_lines: [{ ...base.shipping_lines[0], code: order.shippingCode, title: order.shippingCode }],
  };
}

/** Puts the order into the fake Shopify: one fulfillment order at Edison (Shopify's default) and stock levels. */
function stageOrder(store: FakeOrderShop, order: DemoOrder, numericId: number) {
  store.orderId = `gid://shopify/Order/${numericId}`;
  store.tags = [];
  store.note = null;
  store.metafields.clear();
  store.fulfillmentOrders = [
    {
      id: `gid://shopify/FulfillmentOrder/${numericId}`,
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      locationId: DEMO_LOCATION_IDS["edison-nj"],
      lines: order.lines.map((l, i) => ({
        id: `gid://shopify/FulfillmentOrderLineItem/${numericId * 10 + i}`,
        variantId: DEMO_VARIANTS[l.variant],
        inventoryItemId: `gid://shopify/InventoryItem/${DEMO_VARIANTS[l.variant]}`,
        quantity: l.quantity,
      })),
    },
  ];
  for (const [key, units] of Object.entries(order.stock)) {
    const stock = Object.fromEntries(Object.entries(units).map(([v, n]) => [DEMO_VARIANTS[v as Variant], n]));
    store.setStock(DEMO_LOCATION_IDS[key], stock);
  }
}

const LOCATION_KEYS = Object.fromEntries(Object.entries(DEMO_LOCATION_IDS).map(([key, id]) => [id, key]));

/**
 * Replays the demo orders as signed orders/create webhooks against the running app, one at a time, with the
 * fake Shopify holding each order, and reports the decision and what the merchant would now see in Shopify.
 */
export async function replayDemoOrders(
  baseUrl: string,
  secret: string,
  db: PrismaClient,
  store: FakeOrderShop,
): Promise<string[]> {
  const lines: string[] = [];
  const shop = demoShopConfig.shop;
  for (const [i, order] of DEMO_ORDERS.entries()) {
    const numericId = 7_000_000 + i;
    stageOrder(store, order, numericId);
    const response = await deliverWebhook(baseUrl, "/webhooks/orders/create", {
      topic: "orders/create",
      shop,
      body: orderPayload(order, numericId),
      secret,
      webhookId: randomUUID(),
    });
    const orderId = `gid://shopify/Order/${numericId}`;
    let decision = await db.routingDecision.findFirst({ where: { shop, orderId } });
    for (let wait = 0; wait < 50 && decision?.status === "PENDING"; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      decision = await db.routingDecision.findFirst({ where: { shop, orderId } });
    }
    const actions = ((decision?.actions ?? []) as unknown as RoutingAction[]).map(describeAction).join("; ");
    const where = store.fulfillmentOrders
      .map((fo) => LOCATION_KEYS[fo.locationId] ?? fo.locationId)
      .join(" + ");
    lines.push(
      `${order.name} ${order.label} → HTTP ${response.status}, decision ${decision?.status ?? "none"}: ` +
        `${decision?.serviceCode ?? "-"} ${serviceLabel(decision?.carrier, decision?.service)}`.trimEnd() +
        (decision?.costCents != null ? ` $${(decision.costCents / 100).toFixed(2)}` : ""),
    );
    lines.push(`      actions: ${actions || "-"}`);
    lines.push(`      Shopify now: fulfillment at ${where}; tags ${store.tags.join(", ") || "-"}`);
  }
  return lines;
}
