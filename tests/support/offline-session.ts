import type { PrismaClient } from "@prisma/client";

/**
 * The offline session an install leaves (Shopify's session storage keys it `offline_<shop>`): admin actions
 * authenticated by a session token load it, and background work calls the Admin API with its token.
 */
export async function storeOfflineSession(
  db: PrismaClient,
  shop: string,
  accessToken: string,
  state = "installed",
): Promise<void> {
  await db.session.upsert({
    where: { id: `offline_${shop}` },
    create: { id: `offline_${shop}`, shop, state, isOnline: false, accessToken },
    update: {},
  });
}
