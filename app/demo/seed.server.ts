import type { PrismaClient } from "@prisma/client";
import { recordInstall } from "../services/shop/lifecycle.server";
import { saveShopConfig } from "../services/shop/config-store.server";
import { demoShopConfig } from "./demo-shop-config";

/** The demo warehouses' Shopify locations, as the demo's local fake Shopify knows them. */
export const DEMO_LOCATION_IDS: Record<string, string> = {
  "edison-nj": "gid://shopify/Location/1001",
  "dallas-tx": "gid://shopify/Location/1002",
  "ontario-ca": "gid://shopify/Location/1003",
};

/**
 * Seeds the demo shop from `demoShopConfig` (the same data the CLI's `quote` uses by default), with its
 * rate cards marked as samples so nobody mistakes them for a real tariff, its warehouses linked to the fake
 * Shopify's locations and an offline session whose token the fake accepts — as an install would leave it.
 */
export async function seedDemoShop(db: PrismaClient) {
  const { shop } = demoShopConfig;
  await recordInstall(db, shop);
  const counts = await saveShopConfig(db, demoShopConfig, { sampleRateCards: true });
  for (const [key, shopifyLocationId] of Object.entries(DEMO_LOCATION_IDS)) {
    await db.warehouse.updateMany({ where: { shop, key }, data: { shopifyLocationId } });
  }
  await createDemoSession(db, shop);
  return counts;
}

/**
 * The demo shop as a fresh install leaves it (`npm run demo -- --fresh-shop`): the Shop row through the install
 * path a real install takes and its offline session, nothing else — no warehouse, service, rate card, carton or
 * product profile — so the onboarding can be walked in the admin. The fake Shopify still holds the locations and
 * the catalogue.
 */
export async function seedFreshDemoShop(db: PrismaClient) {
  const { shop } = demoShopConfig;
  await recordInstall(db, shop);
  await createDemoSession(db, shop);
  return { shop };
}

/** The offline session an install stores; the demo's fake Shopify accepts its token. */
async function createDemoSession(db: PrismaClient, shop: string) {
  await db.session.upsert({
    where: { id: `offline_${shop}` },
    create: {
      id: `offline_${shop}`,
      shop,
      state: "demo",
      isOnline: false,
      accessToken: "demo-offline-token",
    },
    update: { shop },
  });
}
