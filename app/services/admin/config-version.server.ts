import type { PrismaClient } from "@prisma/client";
import { callbackCache } from "../carrier-service/runtime.server";

/**
 * The write that every admin save runs inside its transaction: bumps the shop's configVersion so every app
 * instance's cached configuration goes stale (ShopRuntimeCache compares it).
 */
export const bumpConfigVersion = (db: PrismaClient, shop: string) =>
  db.shop.update({ where: { shop }, data: { configVersion: { increment: 1 } } });

/** After a committed save: this instance's callback answers from the new configuration at once. */
export function configSaved(shop: string) {
  callbackCache.invalidate(shop);
}
