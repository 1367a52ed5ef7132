import type { PrismaClient } from "@prisma/client";

/** Another worker (the decision's apply job, `tailroute reconcile`) holds the decision: try again later. */
export class DecisionBusy extends Error {
  constructor(decisionId: string) {
    super(`decision ${decisionId} is being applied by another worker; the change is retried`);
  }
}

/**
 * Takes the decision's lease (the same one applyDecision holds while it calls Shopify), so no action of it runs
 * while it is superseded or cancelled; the caller's writes are conditional on `until`. Throws DecisionBusy when
 * another worker holds it.
 */
export async function claimDecision(
  db: PrismaClient,
  shop: string,
  decisionId: string,
  now: Date,
  leaseMs: number,
): Promise<{ until: Date; release: () => Promise<void> }> {
  const until = new Date(now.getTime() + leaseMs);
  const claimed = await db.routingDecision.updateMany({
    where: { id: decisionId, shop, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseUntil: until },
  });
  if (claimed.count === 0) throw new DecisionBusy(decisionId);
  return {
    until,
    // A no-op once the caller's own write cleared it.
    release: async () => {
      await db.routingDecision.updateMany({
        where: { id: decisionId, shop, leaseUntil: until },
        data: { leaseUntil: null },
      });
    },
  };
}

export const CHANGE_LEASE_MS = 60_000;
