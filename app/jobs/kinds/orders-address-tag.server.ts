import type { PrismaClient } from "@prisma/client";
import { offlineAdminClient } from "../../services/admin/admin-graphql.server";
import type { JobDeps } from "../deps";
import type { JobKind } from "../types";
import { addOrderTags } from "../../services/order-routing/admin-mutations.server";
import { ADDRESS_TAG, ORDERS_ADDRESS_TAG } from "../../services/labels/address-check.server";

// docs/carriers.md, "Address checks and labels"; docs/jobs.md.
const adminClient = (db: PrismaClient, deps: JobDeps) =>
  deps.clientFor ?? ((s: string) => offlineAdminClient(db, s));
const backoff = (deps: JobDeps) => deps.backoff ?? { baseMs: 30_000, maxMs: 15 * 60_000 };

/** Tags an order whose address the carrier could not deliver to (tagsAdd is idempotent). */
export function ordersAddressTagKind(db: PrismaClient, deps: JobDeps = {}): JobKind<{ orderId: string }> {
  return {
    kind: ORDERS_ADDRESS_TAG,
    attempts: 8,
    backoff: backoff(deps),
    timeoutMs: 60_000,
    concurrencyPerShop: 2,
    async handler({ orderId }, { shop }) {
      const admin = await adminClient(db, deps)(shop);
      if (!admin) return { drop: "no offline Admin access for the shop" };
      const result = await addOrderTags(admin, orderId, [ADDRESS_TAG], deps.retry);
      if (!result.ok) return { drop: `Shopify refused the tag: ${result.error}` };
    },
  };
}
