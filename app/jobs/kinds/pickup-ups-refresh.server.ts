import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import { refreshFromUps } from "../../services/pickup/locator/ups-refresh.server";
import { enqueueJob, type JobWriter } from "../enqueue.server";
import type { JobKind } from "../types";

export const PICKUP_UPS_REFRESH = "pickup.ups-refresh";

export interface PickupUpsRefreshPayload {
  /** Why: "admin" (the page's button) or "weekly" (the schedule). */
  reason: string;
}

/** Options the tests pass: a local fake UPS instead of the connection's environment. */
export interface UpsRefreshDeps extends JobDeps {
  upsBaseUrl?: string;
  fetch?: typeof fetch;
}

/** Queues a refresh of the shop's UPS Access Points; the key names the request (a double click refreshes once). */
export function enqueueUpsRefresh(
  tx: JobWriter,
  shop: string,
  request: { reason: string; key: string },
): Promise<string> {
  return enqueueJob(tx, PICKUP_UPS_REFRESH, { reason: request.reason } satisfies PickupUpsRefreshPayload, {
    key: `${shop}:${request.key}`,
    shop,
  });
}

/**
 * Refreshes the shop's pickup directory from the UPS Locator (docs/pickup-points.md): progress is one step per
 * delivery area searched. A rate limit, a UPS 5xx or the network failing fails the attempt (tried again with
 * backoff; after the 4th the job is FAILED with UPS's answer); credentials UPS refuses, no connection or no area
 * drop the job with the reason, since trying again cannot help. Either way the page shows the error.
 */
export function pickupUpsRefreshKind(
  db: PrismaClient,
  deps: UpsRefreshDeps = {},
): JobKind<PickupUpsRefreshPayload> {
  return {
    kind: PICKUP_UPS_REFRESH,
    attempts: 4,
    backoff: deps.backoff ?? { baseMs: 60_000, maxMs: 15 * 60_000 },
    timeoutMs: 10 * 60_000,
    concurrencyPerShop: 1,
    async handler(_payload, { shop, signal, progress }) {
      const outcome = await refreshFromUps(db, shop, {
        now: deps.now?.() ?? new Date(),
        signal,
        progress: (step) => progress(step),
        ...(deps.upsBaseUrl ? { baseUrl: deps.upsBaseUrl } : {}),
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      });
      if (!outcome.ok) return { drop: outcome.error };
    },
  };
}
