import type { PrismaClient } from "@prisma/client";
import { recordInstall } from "../services/shop-lifecycle.server";
import { saveShopConfig } from "../services/shop-config-store.server";
import { demoShopConfig } from "./demo-shop-config";

/**
 * Seeds the demo shop from `demoShopConfig` (the same data the CLI's `quote` uses by default), with its
 * rate cards marked as samples so nobody mistakes them for a real tariff.
 */
export async function seedDemoShop(db: PrismaClient) {
  await recordInstall(db, demoShopConfig.shop);
  return saveShopConfig(db, demoShopConfig, { sampleRateCards: true });
}
