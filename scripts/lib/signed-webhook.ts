import { createHmac, randomUUID } from "node:crypto";

/** Base64 HMAC-SHA256 of a raw body with the app's secret: Shopify's X-Shopify-Hmac-Sha256. */
export function shopifyHmac(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("base64");
}

export interface SignedWebhook {
  topic: string;
  shop: string;
  body: unknown;
  secret: string;
  apiVersion?: string;
  webhookId?: string;
  /** X-Shopify-Triggered-At; now by default. */
  triggeredAt?: Date;
}

/**
 * The request Shopify sends for a webhook delivery (headers per shopify.dev "Verify webhooks"),
 * signed with a real HMAC. Used by the demo's traffic replay and the integration tests.
 */
export function signedWebhookRequest(webhook: SignedWebhook): {
  headers: Record<string, string>;
  body: string;
} {
  const body = JSON.stringify(webhook.body);
  return {
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": webhook.topic,
      "X-Shopify-Hmac-Sha256": shopifyHmac(body, webhook.secret),
      "X-Shopify-Shop-Domain": webhook.shop,
      "X-Shopify-API-Version": webhook.apiVersion ?? "2026-10",
      "X-Shopify-Webhook-Id": webhook.webhookId ?? randomUUID(),
      "X-Shopify-Event-Id": randomUUID(),
      "X-Shopify-Triggered-At": (webhook.triggeredAt ?? new Date()).toISOString(),
    },
  };
}

/** POSTs a signed webhook to a running app. */
export async function deliverWebhook(
  baseUrl: string,
  path: string,
  webhook: SignedWebhook,
): Promise<Response> {
  const { headers, body } = signedWebhookRequest(webhook);
  return fetch(new URL(path, baseUrl), { method: "POST", headers, body });
}
