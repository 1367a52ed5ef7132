import type { PrismaClient } from "@prisma/client";
import { offlineAdminClient } from "../../services/admin/admin-graphql.server";
import type { JobDeps } from "../deps";
import type { JobKind } from "../types";
import { ORDERS_ADDRESS_FIX, runAddressFix, type AddressFix } from "../../services/labels/address-fix.server";

// docs/carriers.md, "Address checks and labels"; docs/jobs.md.
const adminClient = (db: PrismaClient, deps: JobDeps) =>
  deps.clientFor ?? ((s: string) => offlineAdminClient(db, s));
const backoff = (deps: JobDeps) => deps.backoff ?? { baseMs: 30_000, maxMs: 15 * 60_000 };

/** Writes the merchant's corrected address to Shopify and routes the order again. */
export function ordersAddressFixKind(
  db: PrismaClient,
  deps: JobDeps = {},
): JobKind<{ decisionId: string; address: AddressFix }> {
  return {
    kind: ORDERS_ADDRESS_FIX,
    attempts: 8,
    backoff: backoff(deps),
    timeoutMs: 120_000,
    concurrencyPerShop: 2,
    async handler({ decisionId, address }, { shop }) {
      const admin = await adminClient(db, deps)(shop);
      if (!admin) return { drop: "no offline Admin access for the shop" };
      return runAddressFix(db, admin, shop, decisionId, address, deps.retry);
    },
  };
}
