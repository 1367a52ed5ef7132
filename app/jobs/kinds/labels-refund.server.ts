import type { PrismaClient } from "@prisma/client";
import { offlineAdminClient } from "../../services/admin/admin-graphql.server";
import type { JobDeps } from "../deps";
import type { JobKind } from "../types";
import { LABELS_REFUND, runLabelRefund } from "../../services/labels/label-purchase.server";

// docs/carriers.md, "Address checks and labels"; docs/jobs.md.
const adminClient = (db: PrismaClient, deps: JobDeps) =>
  deps.clientFor ?? ((s: string) => offlineAdminClient(db, s));
const backoff = (deps: JobDeps) => deps.backoff ?? { baseMs: 30_000, maxMs: 15 * 60_000 };

/** Voids / refunds a bought label at its provider, then cancels the Shopify fulfillment made with it. */
export function labelsRefundKind(db: PrismaClient, deps: JobDeps = {}): JobKind<{ labelId: string }> {
  return {
    kind: LABELS_REFUND,
    attempts: 5,
    backoff: backoff(deps),
    timeoutMs: 60_000,
    concurrencyPerShop: 2,
    handler: ({ labelId }, { shop }) =>
      runLabelRefund(db, shop, labelId, { clientFor: adminClient(db, deps) }),
  };
}
