import "@shopify/shopify-app-remix/adapters/node";
import { InvalidShopError } from "@shopify/shopify-api";
import { AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { API_VERSION } from "./config/api-version";
import prisma from "./db.server";
import { appEnv } from "./config/env.server";
import { adminGraphqlClient } from "./services/admin/admin-graphql.server";
import { installShippingMetafieldDefinitions } from "./services/admin/product-metafields.server";
import { callbackCache } from "./services/carrier-service/runtime.server";
import { registerCarrierService } from "./services/carrier-service/registration.server";
import { recordInstall } from "./services/shop/lifecycle.server";
import { requestInstallStockSync } from "./services/warehouses/stock-summary.server";

const env = appEnv();

const shopify = shopifyApp({
  apiKey: env.apiKey,
  apiSecretKey: env.apiSecret,
  apiVersion: API_VERSION,
  scopes: env.scopes,
  appUrl: env.appUrl,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(prisma),
  distribution: AppDistribution.AppStore,
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  hooks: {
    // Runs after every OAuth/token exchange: make sure the shop has its settings row and an active
    // "Tailroute" CarrierService pointing at this app (errors are stored for the admin to show).
    afterAuth: async ({ session }) => {
      await recordInstall(prisma, session.shop);
      callbackCache.invalidate(session.shop); // a reinstall must not be answered from an "uninstalled" cache entry
      await requestInstallStockSync(prisma, session.shop);
      const client = adminGraphqlClient(session.shop, session.accessToken ?? "");
      await registerCarrierService(prisma, client, session.shop, env.appUrl);
      // Variant metafield definitions for package dimensions and flags (`$app:shipping`; TAKEN = already there).
      await installShippingMetafieldDefinitions(client, session.shop);
    },
  },
  ...(env.customShopDomains ? { customShopDomains: env.customShopDomains } : {}),
});

export default shopify;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
/**
 * The library's webhook authentication, except that a correctly signed request whose shop header is not a shop
 * domain, or whose body is not JSON, gets a 400 with the reason: the library lets both through as exceptions,
 * which Remix would answer with a 500 (found by tests/hardening/fuzz-endpoints.test.ts).
 */
const authenticateWebhook: typeof shopify.authenticate.webhook = async (request) => {
  try {
    return await shopify.authenticate.webhook(request);
  } catch (error) {
    if (error instanceof InvalidShopError) {
      throw new Response("X-Shopify-Shop-Domain is not a valid shop domain", { status: 400 });
    }
    if (error instanceof SyntaxError) throw new Response("The webhook body is not JSON", { status: 400 });
    throw error;
  }
};

export const authenticate = { ...shopify.authenticate, webhook: authenticateWebhook };
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
