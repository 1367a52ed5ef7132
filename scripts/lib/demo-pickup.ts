// The demo's pickup points: a generated SAMPLE directory around the demo destinations (clearly labelled), a
// pickup-point query through the real checkout endpoint with a signed session token, and an order whose buyer
// chose a UPS Access Point, routed through the signed orders/create webhook.
import { serviceLabel } from "../../app/format/service-label";
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "../../app/db.server";
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import { DEMO_LOCATION_IDS } from "../../app/demo/seed.server";
import { savePickupPoints } from "../../app/services/pickup/directory-import.server";
import {
  loadPickupNetworkSettings,
  savePickupNetworkSettings,
} from "../../app/services/pickup/network-settings.server";
import { sampleDirectory } from "../../app/demo/sample-pickup-directory";
import { orderPayload, type DemoOrder } from "./demo-orders";
import type { FakeOrderShop } from "./fake-order-shop";
import { extensionSessionToken } from "./session-token";
import { deliverWebhook } from "./signed-webhook";

const LOCKER_ORDER: DemoOrder = {
  label: "Locker pickup (UPS Access Point)",
  name: "#D-PICKUP",
  lines: [{ variant: "tee", quantity: 2, price: "20.00" }],
  address: { address1: "200 N Spring St", city: "Los Angeles", province_code: "CA", zip: "90012" },
  shippingCode: "TR_STANDARD",
  stock: {},
};

/** Seeds the sample directory and pickup settings; with `replay`, shows a query and routes a locker order. */
export async function runPickupDemo(options: {
  databaseUrl: string;
  appUrl: string;
  apiKey: string;
  secret: string;
  store: FakeOrderShop;
  replay: boolean;
}): Promise<void> {
  const shop = demoShopConfig.shop;
  const db = createPrismaClient(options.databaseUrl);
  try {
    const settings = await loadPickupNetworkSettings(db, shop);
    // The demo shop has no Amazon-delivered service, so Amazon lockers stay off (the API explains why).
    await savePickupNetworkSettings(db, shop, {
      networks: settings.map((s) => ({ ...s, enabled: s.network !== "AMAZON_LOCKER" })),
    });
    const points = sampleDirectory();
    const saved = await savePickupPoints(db, shop, points, {
      source: "SAMPLE",
      isSample: true,
      mode: "replace",
    });
    console.log(
      `▸ Pickup points: ${saved.ok ? saved.imported : 0} SAMPLE points (generated, not real locations) around ${new Set(points.map((p) => p.city)).size} cities; UPS Access Point, FedEx Hold at Location, USPS Hold for Pickup enabled`,
    );
    if (!options.replay) return;

    const token = extensionSessionToken({ shop, apiKey: options.apiKey, secret: options.secret });
    const query = new URLSearchParams({
      zip: "90012",
      countryCode: "US",
      provinceCode: "CA",
      limit: "3",
      lines: JSON.stringify([{ variantId: DEMO_VARIANTS.tee, quantity: 2, priceCents: 2000 }]),
    });
    const response = await fetch(`${options.appUrl}/api/checkout/pickup-points?${query}`, {
      headers: {
        Authorization: `Bearer ${token}`,
        "User-Agent":
          "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
      },
    });
    const body = (await response.json()) as {
      points: {
        id: string;
        name: string;
        network: string;
        carrier: string;
        distanceMiles: number;
        holdDays: number;
      }[];
      excluded: { message: string }[];
    };
    console.log(
      `  GET /api/checkout/pickup-points (2 T-shirts to 90012, session-token JWT) → HTTP ${response.status}`,
    );
    for (const p of body.points ?? [])
      console.log(`    ${p.distanceMiles.toFixed(1)} mi  ${p.name}  [${p.carrier}, held ${p.holdDays} days]`);
    for (const e of body.excluded ?? []) console.log(`    not offered: ${e.message}`);

    const chosen = body.points?.find((p) => p.network === "UPS_ACCESS_POINT");
    if (!chosen) return;
    const numericId = 7_100_001;
    const store = options.store;
    store.orderId = `gid://shopify/Order/${numericId}`;
    store.tags = [];
    store.note = null;
    store.metafields.clear();
    // Shopify copies the cart metafield the extension wrote onto the order.
    store.metafields.set("$app.pickup_point", {
      type: "json",
      value: JSON.stringify({
        v: 1,
        pointId: chosen.id,
        network: chosen.network,
        externalId: "",
        name: chosen.name,
      }),
    });
    store.fulfillmentOrders = [
      {
        id: `gid://shopify/FulfillmentOrder/${numericId}`,
        status: "OPEN",
        requestStatus: "UNSUBMITTED",
        locationId: DEMO_LOCATION_IDS["edison-nj"],
        lines: [
          {
            id: `gid://shopify/FulfillmentOrderLineItem/${numericId * 10}`,
            variantId: DEMO_VARIANTS.tee,
            inventoryItemId: `gid://shopify/InventoryItem/${DEMO_VARIANTS.tee}`,
            quantity: 2,
          },
        ],
      },
    ];
    for (const id of Object.values(DEMO_LOCATION_IDS)) store.setStock(id, { [DEMO_VARIANTS.tee]: 100 });
    const webhook = await deliverWebhook(options.appUrl, "/webhooks/orders/create", {
      topic: "orders/create",
      shop,
      body: orderPayload(LOCKER_ORDER, numericId),
      secret: options.secret,
      webhookId: randomUUID(),
    });
    let decision = await db.routingDecision.findFirst({ where: { shop, orderId: store.orderId } });
    for (let wait = 0; wait < 50 && decision?.status === "PENDING"; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      decision = await db.routingDecision.findFirst({ where: { shop, orderId: store.orderId } });
    }
    const pickup = decision?.pickupPoint as { status?: string; address?: { zip: string } } | null;
    console.log(
      `  ${LOCKER_ORDER.name} ${LOCKER_ORDER.label} → HTTP ${webhook.status}, decision ${decision?.status ?? "none"}: ${serviceLabel(decision?.carrier, decision?.service) || "-"}, pickup ${pickup?.status ?? "-"} (ZIP ${pickup?.address?.zip ?? "-"})`,
    );
    console.log(`      Shopify now: tags ${store.tags.join(", ") || "-"}`);
  } finally {
    await db.$disconnect();
  }
}
