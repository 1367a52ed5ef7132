// `npm run demo`, "Labels" (docs/carriers.md, "Address checks and labels"): with the fake EasyPost account the live
// rates part connected, a routed order's label is bought by the app's labels.purchase job (rated again, cheapest in
// the promised window, bought once), the fake Shopify gets the fulfillment with tracking, the tracker is registered
// with the shop's tracking webhook, and a signed EasyPost tracker event sent to exactly that webhook moves the
// parcel's status in Tailroute.
import type { PrismaClient } from "@prisma/client";
import { requestLabels } from "../../app/services/labels/label-purchase.server";
import { easyPostSignature } from "../../app/services/tracking/signatures.server";
import type { EasyPostFake } from "../../tests/support/fakes/easypost-fake";
import type { FakeOrderShop } from "./fake-order-shop";
import type { FakeShopifyAdmin } from "./fake-shopify-admin";
import { easyPostTrackerEvent } from "./easypost-tracker-event";
import { deliverWebhook } from "./signed-webhook";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(read: () => Promise<T | null>, timeoutMs = 20_000): Promise<T | null> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await wait(250)) {
    const value = await read();
    if (value) return value;
  }
  return null;
}

export async function runLabelsDemo(options: {
  appUrl: string;
  shop: string;
  secret: string;
  db: PrismaClient;
  fake: EasyPostFake;
  fakeShopify: FakeShopifyAdmin;
  store: FakeOrderShop;
}): Promise<string[]> {
  const { db, shop, fake, store } = options;
  const lines: string[] = [];
  const fulfilled: string[] = [];
  options.fakeShopify.on("fulfillmentCreate", (call) => {
    const f = call.variables.fulfillment as {
      lineItemsByFulfillmentOrder: { fulfillmentOrderId: string }[];
      trackingInfo: { company: string; number?: string; numbers?: string[]; url?: string };
    };
    const fo = store.fulfillmentOrders.find(
      (x) => x.id === f.lineItemsByFulfillmentOrder[0]?.fulfillmentOrderId,
    );
    if (fo) fo.status = "CLOSED";
    const { company, number, numbers } = f.trackingInfo;
    fulfilled.push(`${company} ${number ?? numbers?.join(", ")}`);
    return {
      fulfillmentCreate: {
        fulfillment: { id: `gid://shopify/Fulfillment/${9_100_000 + fulfilled.length}`, status: "SUCCESS" },
        userErrors: [],
      },
    };
  });
  // The order the fake Shopify holds first (its fulfillment orders can be fulfilled), then any other routed one.
  const decisions = await db.routingDecision.findMany({
    where: { shop, status: "APPLIED", serviceCode: { not: null }, mode: { not: "FREIGHT" } },
    orderBy: { createdAt: "asc" },
  });
  decisions.sort((a, b) => Number(b.orderId === store.orderId) - Number(a.orderId === store.orderId));
  let decision = null;
  for (const d of decisions) {
    const result = await requestLabels(db, shop, d.id);
    if (result?.ok && result.queued > 0) {
      decision = d;
      break;
    }
  }
  if (!decision) return ["No routed parcel order from a merchant-managed warehouse: labels skipped"];
  const label = await until(async () => {
    const l = await db.shippingLabel.findFirst({ where: { shop, decisionId: decision.id } });
    return l && (l.status === "FAILED" || l.trackerIds) ? l : null;
  });
  if (!label || label.status !== "PURCHASED") {
    lines.push(
      `${decision.orderName}: label not bought (${label?.error ?? "the job did not finish in 20 s"})`,
    );
    return lines;
  }
  const parcels = label.parcels as { trackingCode: string }[];
  const comparison = (label.comparison ?? []) as {
    carrier: string;
    service: string;
    amountCents: number;
    arrives: string | null;
    meetsWindow: boolean;
    chosen: boolean;
  }[];
  lines.push(
    `${decision.orderName}: rated again at the connected account, promised by ${decision.promisedMaxDate?.toISOString().slice(0, 10)}:`,
    ...comparison.map(
      (r) =>
        `  ${r.chosen ? "→" : " "} ${r.carrier} ${r.service} $${(r.amountCents / 100).toFixed(2)} arrives ${r.arrives ?? "?"}${r.meetsWindow ? "" : " (too late)"}`,
    ),
    `Bought ${label.carrier} ${label.service} (${parcels.length} parcel(s), ${label.format}); EasyPost saw ${fake.labels.purchases.length} purchase(s); tracking ${parcels.map((p) => p.trackingCode).join(", ")}`,
    `Shopify fulfillment: ${fulfilled.length ? fulfilled.join(", ") : `none open (${label.fulfillmentId})`}; trackers at EasyPost: ${fake.labels.trackers.length}; webhook ${fake.labels.webhooks[0]?.url ?? "none"}`,
  );
  // Shopify tells Tailroute about the fulfillment (fulfillments/create links the parcel), then EasyPost posts the
  // tracker's updates to the webhook the job registered, signed with the secret it registered.
  const number = parcels[0].trackingCode;
  const numericOrder = decision.orderId.split("/").pop()!;
  await deliverWebhook(options.appUrl, "/webhooks/fulfillments/create", {
    topic: "fulfillments/create",
    shop,
    secret: options.secret,
    body: {
      id: 9_100_001,
      admin_graphql_api_id: "gid://shopify/Fulfillment/9100001",
      order_id: Number(numericOrder),
      name: `${decision.orderName}.1`,
      status: "success",
      tracking_company: label.carrier,
      tracking_number: number,
      tracking_numbers: [number],
      line_items: [],
    },
  });
  const hook = fake.labels.webhooks[0];
  const now = Date.now();
  const body = easyPostTrackerEvent({
    trackingCode: number,
    carrier: label.carrier,
    status: "in_transit",
    estDeliveryDate: new Date(now + 48 * 3_600_000),
    scans: [
      {
        status: "pre_transit",
        statusDetail: "label_created",
        message: "Label created",
        at: new Date(now - 3_600_000),
      },
      {
        status: "in_transit",
        statusDetail: "arrived_at_facility",
        message: "Arrived at Facility",
        at: new Date(now),
        location: { city: "DALLAS", state: "TX", zip: "75201" },
      },
    ],
  });
  const posted = await fetch(hook.url.replace(/^https?:\/\/[^/]+/, options.appUrl), {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Hmac-Signature": easyPostSignature(body, hook.webhook_secret ?? ""),
    },
    body,
  });
  const shipment = await until(() =>
    db.shipment.findFirst({ where: { shop, trackingNumber: number, status: { not: "LABEL_CREATED" } } }),
  );
  lines.push(
    `EasyPost tracker event → ${hook.url.split("?")[0]} HTTP ${posted.status}; Tailroute's parcel ${number}: ${shipment?.status ?? "not updated"}`,
  );
  return lines;
}
