import type { PrismaClient } from "@prisma/client";
import type { JobDeps } from "../deps";
import { offlineAdminClient } from "../../services/admin/admin-graphql.server";
import { syncAppointmentToOrder } from "../../services/appointments/appointment-sync.server";
import { enqueueJob, type JobWriter } from "../enqueue.server";
import type { JobKind } from "../types";

export const APPOINTMENT_SYNC = "appointments.sync-order";

export interface AppointmentSyncPayload {
  orderId: string;
}

/** Enqueued in the booking's transaction: one job per order and appointment version (a replay adds nothing). */
export function enqueueAppointmentSync(
  tx: JobWriter,
  shop: string,
  orderId: string,
  version: number,
): Promise<string> {
  return enqueueJob(tx, APPOINTMENT_SYNC, { orderId } satisfies AppointmentSyncPayload, {
    key: `${shop}:${orderId}:v${version}`,
    shop,
  });
}

/**
 * Writes a booked (or changed) freight appointment to the Shopify order: metafield `$app:delivery_appointment` and
 * the `[Tailroute appointment]` note line. Shopify failing is retried with backoff; a refusal (userErrors) fails the
 * attempt with Shopify's message, shown on the Background work page.
 */
export function appointmentSyncKind(db: PrismaClient, deps: JobDeps = {}): JobKind<AppointmentSyncPayload> {
  return {
    kind: APPOINTMENT_SYNC,
    attempts: 8,
    backoff: deps.backoff ?? { baseMs: 30_000, maxMs: 15 * 60_000 },
    timeoutMs: 60_000,
    concurrencyPerShop: 2,
    async handler({ orderId }, { shop }) {
      const client = await (deps.clientFor ?? ((s: string) => offlineAdminClient(db, s)))(shop);
      if (!client) return { drop: "no offline Admin access for the shop" };
      const result = await syncAppointmentToOrder(db, client, shop, orderId, deps.retry);
      if ("dropped" in result) return { drop: result.dropped };
      if ("failed" in result) throw new Error(result.failed);
    },
  };
}
