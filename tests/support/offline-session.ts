import type { PrismaClient } from "@prisma/client";
import { redoOnConflict } from "../../app/db/portable.server";

/**
 * The offline session an install leaves (Shopify's session storage keys it `offline_<shop>`): admin actions
 * authenticated by a session token load it, and background work calls the Admin API with its token. Written as the
 * app writes: SQLite's busy refusal (the shared app database, written by the server and other suites at once) is
 * redone, as `redoOnConflict` does for the app's own writes; the upsert changes nothing when repeated.
 */
export async function storeOfflineSession(
  db: PrismaClient,
  shop: string,
  accessToken: string,
  state = "installed",
): Promise<void> {
  await redoOnConflict(() =>
    db.session.upsert({
      where: { id: `offline_${shop}` },
      create: { id: `offline_${shop}`, shop, state, isOnline: false, accessToken },
      update: {},
    }),
  );
}
