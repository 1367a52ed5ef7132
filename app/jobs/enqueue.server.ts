import type { Prisma } from "@prisma/client";
import type { EnqueueOptions } from "./types";

/** The part of a Prisma client (or interactive transaction) enqueueing needs. */
export type JobWriter = Pick<Prisma.TransactionClient, "job">;

/**
 * Writes the job in the caller's transaction, so a rolled-back change enqueues nothing and a committed one never
 * loses its job. On SQLite the row is the queue; on PostgreSQL it is an outbox row the runner's relay moves into
 * pg-boss. The key is unique per kind: a second enqueue with the same key is a no-op. Returns the row's id.
 */
const listeners = new Set<() => void>();

/** A running engine of this process listens, so a job enqueued here starts without waiting for the next poll. */
export function onJobEnqueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function enqueueJob(
  tx: JobWriter,
  kind: string,
  payload: Prisma.InputJsonValue,
  options: EnqueueOptions,
): Promise<string> {
  const row = await tx.job.upsert({
    where: { kind_key: { kind, key: options.key } },
    create: {
      kind,
      key: options.key,
      shop: options.shop,
      payload,
      runAt: options.runAt ?? new Date(),
      // 0 = the kind's attempt limit, read when the job runs (a kind's rules can change between deploys).
      maxAttempts: options.attempts ?? 0,
    },
    // Not `{}`: a real update makes this one INSERT … ON CONFLICT, which neither a concurrent enqueue nor the relay
    // deleting the row can break (docs/database.md, "Upserts that keep an existing row").
    update: { key: options.key },
    select: { id: true },
  });
  // The caller's transaction commits after this returns: wake the runner a moment later (polling is the floor).
  if (listeners.size) setTimeout(() => listeners.forEach((l) => l()), 5).unref();
  return row.id;
}
