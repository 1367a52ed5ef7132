import type { PrismaClient } from "@prisma/client";
import { NEW_SHOP_SETTINGS } from "./shop-config-store.server";

/**
 * Ensures the shop has its settings row and clears an earlier uninstall mark. Runs after every OAuth/token
 * exchange; only a return from uninstalled moves `installedAt`, which a late app/uninstalled is compared with.
 */
export async function recordInstall(db: PrismaClient, shop: string, now: Date = new Date()): Promise<void> {
  const existing = await db.shop.findUnique({ where: { shop }, select: { uninstalledAt: true } });
  if (!existing) {
    await db.shop.create({ data: { shop, installedAt: now, ...NEW_SHOP_SETTINGS } });
  } else if (existing.uninstalledAt) {
    await db.shop.update({
      where: { shop },
      data: { uninstalledAt: null, installedAt: now, configVersion: { increment: 1 } },
    });
  }
}

/**
 * app/uninstalled: the shop's tokens are void, so its sessions go; its configuration stays until
 * shop/redact (48 hours later) so a quick reinstall keeps the merchant's setup.
 */
export async function recordUninstall(
  db: PrismaClient,
  shop: string,
  now: Date,
  triggeredAt: Date | null = null,
): Promise<"UNINSTALLED" | "STALE"> {
  // Shopify does not promise webhook order: an uninstall triggered before the latest install is old news.
  const current = await db.shop.findUnique({ where: { shop }, select: { installedAt: true } });
  if (current && triggeredAt && triggeredAt < current.installedAt) return "STALE";
  await db.$transaction([
    db.session.deleteMany({ where: { shop } }),
    // Bumping the version makes every app instance's cached copy (and the callback token) go stale.
    db.shop.updateMany({
      where: { shop },
      data: { uninstalledAt: now, carrierServiceGid: null, configVersion: { increment: 1 } },
    }),
  ]);
  return "UNINSTALLED";
}

/** shop/redact: removes every row the app holds for the shop, in one transaction. */
export async function eraseShop(db: PrismaClient, shop: string): Promise<void> {
  const where = { where: { shop } };
  await db.$transaction([
    db.trackingEvent.deleteMany(where),
    db.shipment.deleteMany(where),
    db.routingDecision.deleteMany(where),
    db.pickupPoint.deleteMany(where),
    db.productProfile.deleteMany(where),
    db.carton.deleteMany(where),
    db.rateCard.deleteMany(where),
    db.warehouseService.deleteMany(where),
    db.carrierService.deleteMany(where),
    db.warehouse.deleteMany(where),
    db.webhookReceipt.deleteMany(where),
    db.callbackFailure.deleteMany(where),
    db.session.deleteMany(where),
    db.shop.deleteMany(where),
  ]);
}
