import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "./app-server";
import { carrierServiceRequestBody, DEMO_CHECKOUTS } from "./demo-checkouts";
import { deliverWebhook, shopifyHmac } from "./signed-webhook";

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
export async function replayDemoTraffic(
  baseUrl: string,
  shop: string,
  secret: string,
): Promise<ReplayLine[]> {
  const lines: ReplayLine[] = [];
  const webhookId = randomUUID();
  const order = { topic: "orders/create", shop, body: fixture("orders-create.json"), secret, webhookId };

  const first = await deliverWebhook(baseUrl, "/webhooks/orders/create", order);
  lines.push({ what: "orders/create #1001 (signed)", status: first.status, ok: first.status === 200 });
  const redelivery = await deliverWebhook(baseUrl, "/webhooks/orders/create", order);
  lines.push({
    what: "orders/create #1001 redelivered (same webhook id: no-op)",
    status: redelivery.status,
    ok: redelivery.status === 200,
  });
  const forged = await deliverWebhook(baseUrl, "/webhooks/orders/create", {
    ...order,
    secret: "forged",
    webhookId: randomUUID(),
  });
  lines.push({
    what: "orders/create with a forged HMAC (must be refused)",
    status: forged.status,
    ok: forged.status === 401,
  });
  return lines;
}

interface RateLine {
  service_code: string;
  total_price: string;
  description: string;
}

/** Posts each demo checkout to the real callback, signed like Shopify, and renders the answers as a table. */
export async function replayDemoCheckouts(baseUrl: string, shop: string, secret: string): Promise<string[]> {
  const rows: string[][] = [["Checkout", "Destination", "Items", "Tier", "Price", "Delivery"]];
  for (const checkout of DEMO_CHECKOUTS) {
    const body = JSON.stringify(carrierServiceRequestBody(checkout));
    const response = await fetch(new URL("/api/carrier-service", baseUrl), {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Hmac-Sha256": shopifyHmac(body, secret),
        "X-Shopify-Shop-Domain": shop,
      },
      body,
    });
    const rates = response.ok ? ((await response.json()) as { rates: RateLine[] }).rates : [];
    const destination = `${checkout.destination.city} ${checkout.destination.province} ${checkout.destination.postal_code}`;
    const items = checkout.items.map((i) => `${i.quantity}× ${i.variant}`).join(", ");
    if (rates.length === 0)
      rows.push([
        checkout.label,
        destination,
        items,
        response.ok ? "(no rates)" : `HTTP ${response.status}`,
        "",
        "",
      ]);
    rates.forEach((rate, i) =>
      rows.push([
        i === 0 ? checkout.label : "",
        i === 0 ? destination : "",
        i === 0 ? items : "",
        rate.service_code,
        `$${(Number(rate.total_price) / 100).toFixed(2)}`,
        rate.description,
      ]),
    );
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join("  ")
      .trimEnd(),
  );
}
