// The public endpoints the fuzz suite attacks, each with a well-formed payload to mutate and the way a genuine
// sender signs it. A new public endpoint belongs here (docs/hardening.md).
import { easyPostSignature, genericSignature } from "../../app/services/tracking/signatures.server";
import { DEMO_VARIANTS } from "../../app/demo/demo-shop-config";
import { extensionSessionToken } from "../../scripts/lib/session-token";
import { shopifyHmac, signedWebhookRequest } from "../../scripts/lib/signed-webhook";
import { fixture } from "../support/fixtures";
import { proxySignature } from "../storefront/proxy-request";

export interface SigningContext {
  shop: string;
  secret: string;
  apiKey: string;
  callbackToken: string;
  /** The shop's tracking secrets (EASYPOST, SHIPPO, GENERIC); absent for unknown shops. */
  trackingSecrets: Record<string, string>;
  /** One of the shop's carrier services, for the carrier page's actions; absent for unknown shops. */
  carrierServiceId: string;
  /** The signing secret of the shop's handed-off warehouse (edison-nj); absent for unknown shops. */
  warehouseSecret?: string;
  webhookId: string;
}

export interface FuzzTarget {
  name: string;
  /** GET targets take the (mutated) sample object as query parameters. Default POST. */
  method?: "GET" | "POST";
  /** shop/redact and app/uninstalled erase or retire the shop they name: aimed only at the expendable shop. */
  erasesShop?: boolean;
  /** Admin actions read an HTML form: the (mutated) sample object is sent form-urlencoded. Default JSON. */
  encoding?: "json" | "form";
  path: (ctx: SigningContext) => string;
  /** A payload the endpoint accepts; mutations start from it. */
  sample: () => unknown;
  /** Headers a genuine sender would attach to `rawBody` (signature included). */
  sign: (rawBody: string, ctx: SigningContext) => Record<string, string>;
  /**
   * GET targets whose sender signs the query itself (Shopify's app proxy): the query sent, from the (mutated)
   * one, signed as `signing` says (valid, with another secret, without a signature, or garbled).
   */
  signQuery?: (query: string, ctx: SigningContext, signing: FuzzSigning) => string;
}

/** How a fuzzed request is signed (tests/hardening/fuzz-requests.ts). */
export type FuzzSigning = "valid" | "wrong-secret" | "missing" | "garbled";

/** Put into every buyer address field: it must never show up in the app's logs. */
export const BUYER_ADDRESS_MARKER = "42 Fuzz Marker Lane";

const shopifyWebhook = (
  topic: string,
  path: string,
  sample: () => unknown,
  erasesShop = false,
): FuzzTarget => ({
  name: `webhook ${topic}`,
  erasesShop,
  path: () => path,
  sample,
  sign: (rawBody, ctx) => {
    const { headers } = signedWebhookRequest({
      topic,
      shop: ctx.shop,
      body: {},
      secret: ctx.secret,
      webhookId: ctx.webhookId,
    });
    return { ...headers, "X-Shopify-Hmac-Sha256": shopifyHmac(rawBody, ctx.secret) };
  },
});

function withMarkedAddress<T extends Record<string, unknown>>(payload: T): T {
  const copy = structuredClone(payload) as Record<string, unknown>;
  for (const key of ["shipping_address", "billing_address"]) {
    if (copy[key] && typeof copy[key] === "object")
      (copy[key] as Record<string, unknown>).address1 = BUYER_ADDRESS_MARKER;
  }
  const rate = copy.rate as { destination?: Record<string, unknown> } | undefined;
  if (rate?.destination) rate.destination.address1 = BUYER_ADDRESS_MARKER;
  return copy as T;
}

/** A buyer choosing a pickup point after purchase, signed in (the session token names the customer). */
/** A handed-off warehouse's report (docs/handoff.md), signed with the test warehouse's secret. */
const warehouseReport = (name: string, report: "tracking" | "unfulfillable", sample: object): FuzzTarget => ({
  name,
  path: (ctx) => `/api/warehouse/${report}?shop=${encodeURIComponent(ctx.shop)}&warehouse=edison-nj`,
  sample: () => sample,
  sign: (rawBody, ctx) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    return {
      "Content-Type": "application/json",
      "X-Tailroute-Timestamp": timestamp,
      "X-Tailroute-Signature": genericSignature(rawBody, timestamp, ctx.warehouseSecret ?? "none"),
    };
  },
});

const pickupChoice = (name: string, path: string): FuzzTarget => ({
  name,
  path: () => path,
  sample: () => ({ orderId: "gid://shopify/Order/820982911946154508", pointId: null }),
  sign: (_rawBody, ctx) => ({
    "Content-Type": "application/json",
    Authorization: `Bearer ${extensionSessionToken({
      shop: ctx.shop,
      apiKey: ctx.apiKey,
      secret: ctx.secret,
      sub: "gid://shopify/Customer/115310627314723954",
    })}`,
  }),
});

export const FUZZ_TARGETS: FuzzTarget[] = [
  {
    name: "CarrierService callback (HMAC)",
    path: () => "/api/carrier-service",
    sample: () => withMarkedAddress(fixture("engine/request-small-cart-dallas.json")),
    sign: (rawBody, ctx) => ({
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": shopifyHmac(rawBody, ctx.secret),
      "X-Shopify-Shop-Domain": ctx.shop,
    }),
  },
  {
    name: "CarrierService callback (URL token)",
    path: (ctx) => `/api/carrier-service/${ctx.callbackToken}`,
    sample: () => withMarkedAddress(fixture("engine/request-small-cart-dallas.json")),
    sign: () => ({ "Content-Type": "application/json" }),
  },
  shopifyWebhook("orders/create", "/webhooks/orders/create", () =>
    withMarkedAddress(fixture("shopify/orders-create.json")),
  ),
  shopifyWebhook(
    "app/uninstalled",
    "/webhooks/app/uninstalled",
    () => fixture("shopify/app-uninstalled.json"),
    true,
  ),
  shopifyWebhook("app/scopes_update", "/webhooks/app/scopes_update", () => ({
    id: 1,
    previous: ["read_orders"],
    current: ["read_orders", "write_orders"],
    updated_at: "2026-11-20T10:00:00Z",
  })),
  shopifyWebhook("customers/data_request", "/webhooks/customers/data_request", () =>
    fixture("shopify/customers-data-request.json"),
  ),
  shopifyWebhook("customers/redact", "/webhooks/customers/redact", () =>
    fixture("shopify/customers-redact.json"),
  ),
  shopifyWebhook("shop/redact", "/webhooks/shop/redact", () => fixture("shopify/shop-redact.json"), true),
  shopifyWebhook("fulfillments/create", "/webhooks/fulfillments/create", () =>
    fixture("tracking/fulfillments-create.json"),
  ),
  shopifyWebhook("fulfillments/update", "/webhooks/fulfillments/update", () =>
    fixture("shopify/fulfillments-update.json"),
  ),
  {
    name: "tracking EasyPost",
    path: (ctx) => `/api/tracking/easypost?shop=${encodeURIComponent(ctx.shop)}`,
    sample: () => fixture("tracking/easypost-tracker-updated.json"),
    sign: (rawBody, ctx) => ({
      "Content-Type": "application/json",
      "X-Hmac-Signature": easyPostSignature(rawBody, ctx.trackingSecrets.EASYPOST ?? "unknown-shop"),
    }),
  },
  {
    name: "tracking Shippo (token in the URL)",
    path: (ctx) =>
      `/api/tracking/shippo?shop=${encodeURIComponent(ctx.shop)}&token=${ctx.trackingSecrets.SHIPPO ?? "none"}`,
    sample: () => fixture("tracking/shippo-track-updated.json"),
    sign: () => ({ "Content-Type": "application/json" }),
  },
  {
    name: "tracking generic signed JSON",
    path: (ctx) => `/api/tracking/events?shop=${encodeURIComponent(ctx.shop)}`,
    sample: () => fixture("tracking/generic-locker-events.json"),
    sign: (rawBody, ctx) => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      return {
        "Content-Type": "application/json",
        "X-Tailroute-Timestamp": timestamp,
        "X-Tailroute-Signature": genericSignature(rawBody, timestamp, ctx.trackingSecrets.GENERIC ?? "none"),
      };
    },
  },
  {
    name: "checkout pickup points (session token)",
    method: "GET",
    path: () => "/api/checkout/pickup-points",
    sample: () => ({
      zip: "90012",
      countryCode: "US",
      address1: BUYER_ADDRESS_MARKER,
      lines: JSON.stringify([{ variantId: DEMO_VARIANTS.mug, quantity: 1, priceCents: 1800 }]),
    }),
    sign: (_rawBody, ctx) => ({
      Authorization: `Bearer ${extensionSessionToken({ shop: ctx.shop, apiKey: ctx.apiKey, secret: ctx.secret })}`,
    }),
  },
  {
    name: "fulfillment service notification (HMAC)",
    path: () => "/fulfillment-service/fulfillment_order_notification",
    sample: () => ({ kind: "FULFILLMENT_REQUEST" }),
    sign: (rawBody, ctx) => ({
      "Content-Type": "application/json",
      "X-Shopify-Shop-Domain": ctx.shop,
      "X-Shopify-Hmac-Sha256": shopifyHmac(rawBody, ctx.secret),
    }),
  },
  warehouseReport("warehouse tracking report (warehouse secret)", "tracking", {
    fulfillmentOrderId: "gid://shopify/FulfillmentOrder/7001",
    trackingNumber: "1Z999AA10123456784",
    company: "UPS",
  }),
  warehouseReport("warehouse cannot ship (warehouse secret)", "unfulfillable", {
    fulfillmentOrderId: "gid://shopify/FulfillmentOrder/7001",
    reason: "Damaged in the racking",
  }),
  pickupChoice("thank-you pickup choice (checkout session token)", "/api/checkout/pickup-points"),
  pickupChoice("order-status pickup choice (session token)", "/api/customer-account/pickup-points"),
  ...["/api/customer-account/delivery-status", "/api/checkout/delivery-status"].map((path) => ({
    ...pickupChoice(`freight appointment booking ${path} (session token)`, path),
    sample: () => ({
      orderId: "gid://shopify/Order/820982911946154508",
      calendarId: "c1",
      day: "2026-12-15",
      windowId: "am",
    }),
  })),
  {
    name: "Flow trigger lifecycle callback (HMAC)",
    path: () => "/flow/lifecycle",
    sample: () => ({
      flow_trigger_definition_id: "pickup-hold-expired",
      has_enabled_flow: true,
      shop_id: 1,
      shopify_domain: "fuzz-flow.myshopify.com",
      timestamp: "2026-12-01T10:00:00Z",
    }),
    sign: (rawBody, ctx) => ({
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": shopifyHmac(rawBody, ctx.secret),
    }),
  },
  {
    name: "email unsubscribe (signed token in the link)",
    path: () => "/notifications/unsubscribe?token=not-a-signed-token",
    encoding: "form",
    sample: () => ({ "List-Unsubscribe": "One-Click" }),
    sign: () => ({}),
  },
];

/**
 * An embedded admin action as App Bridge's fetch sends it: a Remix data request (`_data`) whose form is
 * authenticated by the admin session token (HS256 JWT signed with the app secret, dest = the shop).
 */
const adminAction = (
  name: string,
  path: (ctx: SigningContext) => string,
  routeId: string,
  sample: Record<string, string>,
): FuzzTarget => ({
  name: `admin ${name}`,
  encoding: "form",
  path: (ctx) => `${path(ctx)}?_data=${encodeURIComponent(routeId)}`,
  sample: () => ({ ...sample }),
  sign: (_rawBody, ctx) => ({
    Authorization: `Bearer ${extensionSessionToken({ shop: ctx.shop, apiKey: ctx.apiKey, secret: ctx.secret, sub: "42" })}`,
  }),
});

FUZZ_TARGETS.push(
  adminAction("settings units", () => "/app/settings", "routes/app.settings", {
    intent: "units",
    weightUnit: "KG",
    dimensionUnit: "CM",
  }),
  adminAction("settings import", () => "/app/settings", "routes/app.settings", {
    intent: "importConfig",
    config: JSON.stringify({ shop: "x", currency: "USD", warehouses: [] }),
  }),
  adminAction("routing", () => "/app/routing", "routes/app.routing", {
    kind: "CHEAPEST",
    costTargetPercent: "10",
    dollarsPerDay: "2.00",
    markupPercent: "5",
    markupFixed: "0.50",
    "fallback.TR_STANDARD": "9.99",
    remoteAreaZips: "59001\n996",
    remoteAreaFee: "4.25",
  }),
  adminAction("warehouse create", () => "/app/warehouses/new", "routes/app.warehouses.$id", {
    key: "fuzz-wh",
    name: "Fuzz warehouse",
    city: "Reno",
    province: "NV",
    zip: "89501",
    timeZone: "America/Los_Angeles",
    cutoffLocalTime: "14:00",
    handlingDays: "1",
    offersExpressParcel: "on",
  }),
  adminAction(
    "carrier rate card import",
    (ctx) => `/app/carriers/${ctx.carrierServiceId}`,
    "routes/app.carriers.$id",
    {
      intent: "importRateCard",
      csv: "weight_lb,zone_2,zone_3\n1,8.10,8.40\n2,x,9.10",
    },
  ),
  adminAction("products import", () => "/app/products", "routes/app.products", {
    intent: "import",
    csv: "variant_id,length_in,width_in,height_in\ngid://shopify/ProductVariant/1,10,8,4",
  }),
  adminAction("pickup settings", () => "/app/pickup-points", "routes/app.pickup-points", {
    "network.AMAZON_LOCKER.enabled": "on",
    "network.AMAZON_LOCKER.holdDays": "3",
  }),
  adminAction("pickup UPS connection", () => "/app/pickup-points", "routes/app.pickup-points", {
    intent: "upsConnect",
    "ups.clientId": "fuzz-client",
    "ups.clientSecret": "fuzz-secret",
    "ups.environment": "TEST",
    "ups.metroZips": "10001 60601",
    "ups.radiusMiles": "15",
    "ups.maxAreas": "5",
  }),
  adminAction("pickup often-uncollected rule", () => "/app/pickup-points", "routes/app.pickup-points", {
    intent: "reliability",
    "reliability.minParcels": "10",
    "reliability.minPickupRatePercent": "80",
    "reliability.penaltyMiles": "2",
  }),
  adminAction("rate simulator", () => "/app/simulator", "routes/app.simulator", {
    zip: "10001",
    lines: JSON.stringify([{ variantId: DEMO_VARIANTS.mug, quantity: 2 }]),
  }),
  adminAction("order re-route", () => "/app/orders/no-such-decision", "routes/app.orders.$id", {}),
);

/** Shopify's app proxy forwarding the storefront's promise request: the signed query (docs/storefront.md). */
FUZZ_TARGETS.push({
  name: "storefront promise (app proxy signature)",
  method: "GET",
  path: () => "/proxy/promise",
  sample: () => ({ variant_id: DEMO_VARIANTS.tee, quantity: "2", zip: "90012", price: "2000", grams: "170" }),
  sign: () => ({}),
  signQuery: (query, ctx, signing) => {
    const params: Record<string, string> = {
      ...Object.fromEntries(new URLSearchParams(query)),
      shop: ctx.shop,
      logged_in_customer_id: "",
      path_prefix: "/apps/tailroute",
      timestamp: String(Math.floor(Date.now() / 1000)),
    };
    const secret = signing === "wrong-secret" ? "not-the-secret" : ctx.secret;
    const signature = signing === "garbled" ? "%%% not hex %%%" : proxySignature(params, secret);
    return new URLSearchParams(signing === "missing" ? params : { ...params, signature }).toString();
  },
});
