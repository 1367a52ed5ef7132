// The public endpoints the fuzz suite attacks, each with a well-formed payload to mutate and the way a genuine
// sender signs it. A new public endpoint belongs here (docs/hardening.md).
import { shopifyHmac, signedWebhookRequest } from "../../scripts/lib/signed-webhook";
import { fixture } from "../support/fixtures";

export interface SigningContext {
  shop: string;
  secret: string;
  callbackToken: string;
  webhookId: string;
}

export interface FuzzTarget {
  name: string;
  path: (ctx: SigningContext) => string;
  /** A payload the endpoint accepts; mutations start from it. */
  sample: () => unknown;
  /** Headers a genuine sender would attach to `rawBody` (signature included). */
  sign: (rawBody: string, ctx: SigningContext) => Record<string, string>;
}

/** Put into every buyer address field: it must never show up in the app's logs. */
export const BUYER_ADDRESS_MARKER = "42 Fuzz Marker Lane";

const shopifyWebhook = (topic: string, path: string, sample: () => unknown): FuzzTarget => ({
  name: `webhook ${topic}`,
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
  shopifyWebhook("app/uninstalled", "/webhooks/app/uninstalled", () =>
    fixture("shopify/app-uninstalled.json"),
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
  shopifyWebhook("shop/redact", "/webhooks/shop/redact", () => fixture("shopify/shop-redact.json")),
];
