import type { PrismaClient } from "@prisma/client";
import { offlineAdminClient } from "../../services/admin/admin-graphql.server";
import type { JobDeps } from "../deps";
import type { JobKind } from "../types";
import { appEnv } from "../../config/env.server";
import { LABELS_PURCHASE, runLabelPurchase } from "../../services/labels/label-purchase.server";

// docs/carriers.md, "Address checks and labels"; docs/jobs.md.
const adminClient = (db: PrismaClient, deps: JobDeps) =>
  deps.clientFor ?? ((s: string) => offlineAdminClient(db, s));
const backoff = (deps: JobDeps) => deps.backoff ?? { baseMs: 30_000, maxMs: 15 * 60_000 };

/** Buys a label (the ShippingLabel intent), stores its files, creates the fulfillment and the trackers. */
export function labelsPurchaseKind(db: PrismaClient, deps: JobDeps = {}): JobKind<{ labelId: string }> {
  return {
    kind: LABELS_PURCHASE,
    attempts: 8,
    backoff: backoff(deps),
    timeoutMs: 120_000,
    concurrencyPerShop: 2,
    handler: ({ labelId }, { shop }) =>
      runLabelPurchase(db, shop, labelId, {
        clientFor: adminClient(db, deps),
        appUrl: appEnv().appUrl,
        ...(deps.now ? { now: deps.now } : {}),
      }),
  };
}
