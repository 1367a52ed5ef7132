import type { Prisma, PrismaClient } from "@prisma/client";
import { eraseShopJobs } from "../../jobs/erase-shop-jobs.server";
import { NEW_SHOP_SETTINGS } from "./config-store.server";

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

/** app/scopes_update: the session's granted scopes as Shopify now lists them. */
export async function recordScopesUpdate(
  db: PrismaClient,
  sessionId: string,
  scopes: string[],
): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId }, data: { scope: scopes.join(",") } });
}

/**
 * Every model that holds a shop's rows, children before parents. tests/webhooks/app-lifecycle.test.ts checks it
 * against the schema, so a new shop-scoped model cannot be forgotten by shop/redact.
 */
export const SHOP_SCOPED_MODELS = [
  "ShippingLabelFile",
  "ShippingLabel",
  "AddressCheck",
  "CarrierServiceMapping",
  "CarrierAccount",
  "LiveRateSetting",
  "TrackingPush",
  "TrackingEvent",
  "Shipment",
  "DeliveryLane",
  "TrackingSource",
  "WarehouseHandoff",
  "RoutingDecision",
  "WarehouseStock",
  "StockSync",
  "PickupPoint",
  "PickupNetworkSetting",
  "PickupReliabilitySetting",
  "UpsLocatorAccount",
  "ProductProfile",
  "CatalogueVariant",
  "ZoneChart",
  "DeliveryAppointment",
  "AppointmentSlot",
  "AppointmentCalendar",
  "CartonWarehouse",
  "Carton",
  "RateCard",
  "WarehouseService",
  "CarrierService",
  "Warehouse",
  "WebhookReceipt",
  "CallbackFailure",
  "Session",
  "Shop",
  "Job",
  "Notification",
  "NotificationSettings",
  "FlowTriggerUse",
  "EmailUnsubscribe",
] as const;

type ShopScopedDelegate = {
  deleteMany(args: { where: { shop: string } }): Prisma.PrismaPromise<unknown>;
};

/** shop/redact: removes every row the app holds for the shop, in one transaction. */
export async function eraseShop(db: PrismaClient, shop: string): Promise<void> {
  const delegates = db as unknown as Record<string, ShopScopedDelegate>;
  await db.$transaction(
    SHOP_SCOPED_MODELS.map((model) =>
      delegates[model[0].toLowerCase() + model.slice(1)].deleteMany({ where: { shop } }),
    ),
  );
  // The job runner's own queue on PostgreSQL (pg-boss's schema) is not a Prisma model (docs/jobs.md).
  await eraseShopJobs(db, shop);
}
