import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "./app-server";
import { deliverWebhook } from "./signed-webhook";

export interface ReplayLine {
  what: string;
  status: number;
  ok: boolean;
}

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(PROJECT_ROOT, "tests", "fixtures", "shopify", name), "utf8")) as unknown;

/**
 * Sends sample Shopify traffic through the running app's real HTTP endpoints, signed with the app
 * secret as Shopify signs it, and reports what each request got back. Later issues add checkout
 * rate requests, routing and tracking events here.
 */
export async function replayDemoTraffic(baseUrl: string, shop: string, secret: string): Promise<ReplayLine[]> {
  const lines: ReplayLine[] = [];
  const webhookId = randomUUID();
  const order = { topic: "orders/create", shop, body: fixture("orders-create.json"), secret, webhookId };

  const first = await deliverWebhook(baseUrl, "/webhooks/orders/create", order);
  lines.push({ what: "orders/create #1001 (signed)", status: first.status, ok: first.status === 200 });
  const redelivery = await deliverWebhook(baseUrl, "/webhooks/orders/create", order);
  lines.push({ what: "orders/create #1001 redelivered (same webhook id: no-op)", status: redelivery.status, ok: redelivery.status === 200 });
  const forged = await deliverWebhook(baseUrl, "/webhooks/orders/create", { ...order, secret: "forged", webhookId: randomUUID() });
  lines.push({ what: "orders/create with a forged HMAC (must be refused)", status: forged.status, ok: forged.status === 401 });
  return lines;
}
