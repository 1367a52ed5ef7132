import type { PrismaClient } from "@prisma/client";
import { GraphQLClient } from "graphql-request";
import { appEnv } from "../../config/env.server";
import { API_VERSION } from "../../config/api-version";
import { isShopDomain } from "../../contracts/shop-domain";

/**
 * The Admin GraphQL endpoint of a shop. `SHOPIFY_ADMIN_API_BASE_URL` replaces `https://{shop}` so
 * tests and the demo can answer with a fake Admin API; a real store needs nothing set. Outbound calls go only to
 * a `*.myshopify.com` host (or the configured SHOP_CUSTOM_DOMAIN): a shop string that came from anywhere else can
 * never point the app's access token at another host.
 */
export function adminGraphqlUrl(shop: string, baseUrl = appEnv().adminApiBaseUrl): string {
  if (!baseUrl && !isShopDomain(shop.toLowerCase()) && !appEnv().customShopDomains?.includes(shop)) {
    throw new Error("Refusing an Admin API call to a host that is not a Shopify shop domain");
  }
  const base = (baseUrl ?? `https://${shop}`).replace(/\/+$/, "");
  return `${base}/admin/api/${API_VERSION}/graphql.json`;
}

/** A graphql-request client for work that runs outside a request (webhooks, jobs, the CLI). */
export function adminGraphqlClient(shop: string, accessToken: string, baseUrl?: string): GraphQLClient {
  return new GraphQLClient(adminGraphqlUrl(shop, baseUrl), {
    headers: { "X-Shopify-Access-Token": accessToken, "Content-Type": "application/json" },
  });
}

/** The offline-token client of an installed shop, or null when the shop has no offline session. */
export async function offlineAdminClient(db: PrismaClient, shop: string): Promise<GraphQLClient | null> {
  const session = await db.session.findFirst({ where: { shop, isOnline: false } });
  return session ? adminGraphqlClient(shop, session.accessToken) : null;
}

/** A `userErrors` entry of an Admin GraphQL mutation payload: Shopify's refusal, returned as data. */
export interface AdminUserError {
  field?: string[] | null;
  message: string;
}
