import type { PrismaClient } from "@prisma/client";
import { NEW_SHOP_SETTINGS } from "./shop-config-store.server";

/** Ensures the shop has its settings row and clears an earlier uninstall mark. Idempotent. */
export async function recordInstall(db: PrismaClient, shop: string): Promise<void> {
  await db.shop.upsert({
    where: { shop },
    create: { shop, ...NEW_SHOP_SETTINGS },
    update: { uninstalledAt: null, configVersion: { increment: 1 } },
  });
}

/**
 * app/uninstalled: the shop's tokens are void, so its sessions go; its configuration stays until
 * shop/redact (48 hours later) so a quick reinstall keeps the merchant's setup.
 */
export async function recordUninstall(db: PrismaClient, shop: string, now: Date): Promise<void> {
  await db.$transaction([
    db.session.deleteMany({ where: { shop } }),
    // Bumping the version makes every app instance's cached copy (and the callback token) go stale.
    db.shop.updateMany({
      where: { shop },
      data: { uninstalledAt: now, carrierServiceGid: null, configVersion: { increment: 1 } },
    }),
  ]);
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
    db.session.deleteMany(where),
    db.shop.deleteMany(where),
  ]);
}
