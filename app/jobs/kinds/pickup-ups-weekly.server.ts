import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import type { JobKind, JobSchedule } from "../types";
import { enqueueUpsRefresh } from "./pickup-ups-refresh.server";

export const PICKUP_UPS_WEEKLY = "pickup.ups-weekly";

/** Mondays 06:00 UTC: a `pickup.ups-refresh` for each installed shop whose UPS connection refreshes weekly. */
export const PICKUP_UPS_WEEKLY_SCHEDULE: JobSchedule = {
  name: "pickup-ups-weekly",
  kind: PICKUP_UPS_WEEKLY,
  cron: "0 6 * * 1",
  payload: {},
};

/** The ISO date of the run's day: the key of each shop's weekly refresh (a second pass that day adds nothing). */
const dayOf = (now: Date) => now.toISOString().slice(0, 10);

export function pickupUpsWeeklyKind(db: PrismaClient, deps: JobDeps = {}): JobKind<object> {
  return {
    kind: PICKUP_UPS_WEEKLY,
    attempts: 3,
    backoff: { baseMs: 10_000, maxMs: 60_000 },
    timeoutMs: 60_000,
    concurrencyPerShop: 1,
    async handler() {
      const day = dayOf(deps.now?.() ?? new Date());
      const accounts = await db.upsLocatorAccount.findMany({
        where: { weeklyRefresh: true },
        select: { shop: true },
      });
      const installed = await db.shop.findMany({
        where: { shop: { in: accounts.map((a) => a.shop) }, uninstalledAt: null },
        select: { shop: true },
      });
      for (const { shop } of installed)
        await enqueueUpsRefresh(db, shop, { reason: "weekly", key: `weekly:${day}` });
    },
  };
}
