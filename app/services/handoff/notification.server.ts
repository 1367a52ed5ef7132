import type { PrismaClient } from "@prisma/client";
import { appEnv } from "../../config/env.server";
import { FulfillmentOrderNotification } from "../../contracts/warehouse-handoff";
import { enqueueHandoffRequests } from "../../jobs/kinds/handoff-requests.server";
import { isValidShopifyHmac } from "../carrier-service/auth.server";
import { readBodyWithLimit } from "../http/request-body.server";
import { isShopDomain } from "../../contracts/shop-domain";
import type { QueuedWorkAnswer } from "../http/queued-work-response.server";

export type NotificationAnswer = QueuedWorkAnswer;

/**
 * Shopify's POST to `<callbackUrl>/fulfillment_order_notification` for Tailroute's fulfillment services: signed
 * like a webhook (X-Shopify-Hmac-Sha256, base64 HMAC-SHA256 of the body with the app's secret) and naming the shop
 * in X-Shopify-Shop-Domain. The body only says which kind of request is waiting; a `handoff.requests` job reads and
 * takes them, so the answer is immediate and a burst of notifications runs the work once.
 */
export async function receiveFulfillmentOrderNotification(
  db: PrismaClient,
  request: Request,
  now: Date = new Date(),
): Promise<NotificationAnswer> {
  const shop = request.headers.get("x-shopify-shop-domain")?.toLowerCase() ?? "";
  const hmac = request.headers.get("x-shopify-hmac-sha256") ?? "";
  const body = await readBodyWithLimit(request, 64 * 1024);
  if (!body.ok) return { status: 413, body: { error: "body too large" }, queued: false };
  if (!isShopDomain(shop) || !hmac || !isValidShopifyHmac(body.raw, hmac, appEnv().apiSecret))
    return { status: 401, body: { error: "not signed by Shopify for this app" }, queued: false };
  let json: unknown;
  try {
    json = JSON.parse(body.raw.toString("utf8"));
  } catch {
    return { status: 400, body: { error: "body is not JSON" }, queued: false };
  }
  const parsed = FulfillmentOrderNotification.safeParse(json);
  if (!parsed.success)
    return {
      status: 400,
      body: { error: "kind must be FULFILLMENT_REQUEST or CANCELLATION_REQUEST" },
      queued: false,
    };
  const installed = await db.shop.findFirst({ where: { shop, uninstalledAt: null }, select: { id: true } });
  if (!installed) return { status: 200, body: { ignored: "shop not installed" }, queued: false };
  await enqueueHandoffRequests(db, shop, parsed.data.kind, now);
  return { status: 200, body: { queued: parsed.data.kind }, queued: true };
}
