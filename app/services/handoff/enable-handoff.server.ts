import type { PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import { bumpConfigVersion, configSaved } from "../admin/config-version.server";
import type { RetryPolicy } from "../order-routing/admin-retry.server";
import type { HandoffMethod } from "../../contracts/warehouse-handoff";
import { createFulfillmentService } from "./shopify-fulfillment-service.server";
import { newWarehouseSecret, sealWarehouseSecret } from "./warehouse-secret.server";

/** Where Shopify sends fulfillment requests: it appends `/fulfillment_order_notification` to this prefix. */
export const fulfillmentServiceCallbackUrl = (appUrl: string) =>
  new URL("/fulfillment-service", appUrl).toString();

export type EnableHandoffResult =
  | { ok: true; secret: string; locationId: string; fulfillmentServiceId: string }
  | { ok: false; error: string };

/**
 * Turns on "Tailroute hands orders to this warehouse": registers a fulfillment service named after the warehouse
 * (once; Shopify creates its location, which the warehouse is linked to), stores how the warehouse takes its
 * orders (WEBHOOK: a signed POST to its endpoint; PICK_LIST: no endpoint, the day's pick list) and a new signing
 * secret (sealed, for the tracking the warehouse sends back), and returns the secret once, for the merchant to
 * give the warehouse.
 */
export async function enableHandoff(
  db: PrismaClient,
  client: GraphQLClient,
  shop: string,
  input: { warehouseKey: string; url?: string; appUrl: string; method?: HandoffMethod },
  retry?: RetryPolicy,
): Promise<EnableHandoffResult> {
  const method = input.method ?? "WEBHOOK";
  let endpoint: URL | null = null;
  if (method === "WEBHOOK" || input.url) {
    try {
      endpoint = new URL(input.url ?? "");
    } catch {
      return { ok: false, error: "the warehouse endpoint must be a URL" };
    }
    const local = ["localhost", "127.0.0.1", "[::1]"].includes(endpoint.hostname);
    if (endpoint.protocol !== "https:" && !(local && endpoint.protocol === "http:"))
      return { ok: false, error: "the warehouse endpoint must use https" };
  }
  const warehouse = await db.warehouse.findFirst({ where: { shop, key: input.warehouseKey } });
  if (!warehouse) return { ok: false, error: `no warehouse ${input.warehouseKey}` };

  let { fulfillmentServiceId, shopifyLocationId } = warehouse;
  if (!fulfillmentServiceId) {
    const service = await createFulfillmentService(
      client,
      `Tailroute · ${warehouse.name}`,
      fulfillmentServiceCallbackUrl(input.appUrl),
      retry,
    );
    fulfillmentServiceId = service.id;
    shopifyLocationId = service.locationId;
  }
  const secret = newWarehouseSecret();
  await db.$transaction([
    db.warehouse.update({
      where: { id: warehouse.id },
      data: {
        handoffEnabled: true,
        handoffMethod: method,
        handoffUrl: endpoint?.toString() ?? null,
        handoffSecret: sealWarehouseSecret(secret),
        fulfillmentServiceId,
        shopifyLocationId,
      },
    }),
    bumpConfigVersion(db, shop),
  ]);
  configSaved(shop);
  return { ok: true, secret, locationId: shopifyLocationId!, fulfillmentServiceId };
}
