import type { PrismaClient } from "@prisma/client";

/** Counts of what a shop has configured, for the admin home and the demo landing page. */
export async function shopConfigSummary(db: PrismaClient, shop: string) {
  const where = { where: { shop } };
  const [warehouses, carrierServices, rateCards, cartons, productProfiles] = await Promise.all([
    db.warehouse.count(where),
    db.carrierService.count(where),
    db.rateCard.count(where),
    db.carton.count(where),
    db.productProfile.count(where),
  ]);
  return { shop, warehouses, carrierServices, rateCards, cartons, productProfiles };
}
