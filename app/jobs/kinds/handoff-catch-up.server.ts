import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import { enqueueHandoffCatchUp } from "../../services/handoff/catch-up.server";
import type { JobKind, JobSchedule } from "../types";

export const HANDOFF_CATCH_UP = "handoff.catch-up";

/**
 * Every 10 minutes: a `handoff.requests` job for each shop with a handed-off warehouse, so a fulfillment request
 * whose notification was lost is still accepted and handed over (docs/handoff.md). The pass calls no Shopify API
 * itself; each shop's job does, one at a time per shop.
 */
export const HANDOFF_CATCH_UP_SCHEDULE: JobSchedule = {
  name: "handoff-catch-up",
  kind: HANDOFF_CATCH_UP,
  cron: "*/10 * * * *",
  payload: {},
};

export function handoffCatchUpKind(db: PrismaClient, deps: JobDeps = {}): JobKind<object> {
  return {
    kind: HANDOFF_CATCH_UP,
    attempts: 3,
    backoff: { baseMs: 10_000, maxMs: 60_000 },
    timeoutMs: 60_000,
    concurrencyPerShop: 1,
    async handler() {
      await enqueueHandoffCatchUp(db, deps.now?.());
    },
  };
}
