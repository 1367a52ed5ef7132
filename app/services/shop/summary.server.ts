import type { PrismaClient } from "@prisma/client";

/** What a shop has configured (counts) and whether Shopify accepted its carrier service, for the admin home. */
export async function shopConfigSummary(db: PrismaClient, shop: string) {
  const where = { where: { shop } };
  const [settings, warehouses, carrierServices, rateCards, cartons, productProfiles] = await Promise.all([
    db.shop.findUnique({ where: { shop }, select: { carrierServiceGid: true, carrierServiceError: true } }),
    db.warehouse.count(where),
    db.carrierService.count(where),
    db.rateCard.count(where),
    db.carton.count(where),
    db.productProfile.count(where),
  ]);
  return {
    shop,
    carrierService: {
      registered: Boolean(settings?.carrierServiceGid),
      error: settings?.carrierServiceError ?? null,
    },
    warehouses,
    carrierServices,
    rateCards,
    cartons,
    productProfiles,
  };
}
