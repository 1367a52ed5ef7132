import type { PrismaClient } from "@prisma/client";
import { offlineAdminClient } from "../../services/admin/admin-graphql.server";
import type { JobDeps } from "../deps";
import type { JobKind } from "../types";
import { addOrderTags, removeOrderTags } from "../../services/order-routing/admin-mutations.server";
import { ADDRESS_TAG, ORDERS_ADDRESS_TAG } from "../../services/labels/address-check.server";

// docs/carriers.md, "Address checks and labels"; docs/jobs.md.
const adminClient = (db: PrismaClient, deps: JobDeps) =>
  deps.clientFor ?? ((s: string) => offlineAdminClient(db, s));
const backoff = (deps: JobDeps) => deps.backoff ?? { baseMs: 30_000, maxMs: 15 * 60_000 };

/**
 * Sets the order's tag to what its latest address check says: added while the address is undeliverable, removed
 * once a check found it deliverable (tagsAdd and tagsRemove are idempotent, so a job run again, or run after a newer
 * one, leaves the tag right).
 */
export function ordersAddressTagKind(db: PrismaClient, deps: JobDeps = {}): JobKind<{ orderId: string }> {
  return {
    kind: ORDERS_ADDRESS_TAG,
    attempts: 8,
    backoff: backoff(deps),
    timeoutMs: 60_000,
    concurrencyPerShop: 2,
    async handler({ orderId }, { shop }) {
      const check = await db.addressCheck.findUnique({
        where: { shop_orderId: { shop, orderId } },
        select: { status: true },
      });
      if (!check || check.status === "SKIPPED") return { drop: "no address check decides the tag" };
      const admin = await adminClient(db, deps)(shop);
      if (!admin) return { drop: "no offline Admin access for the shop" };
      const change = check.status === "UNDELIVERABLE" ? addOrderTags : removeOrderTags;
      const result = await change(admin, orderId, [ADDRESS_TAG], deps.retry);
      if (!result.ok) return { drop: `Shopify refused the tag: ${result.error}` };
    },
  };
}
