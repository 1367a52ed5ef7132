import type { Prisma, PrismaClient } from "@prisma/client";
import { WarehouseTrackingBody } from "../../contracts/warehouse-handoff";
import { zodIssuesText } from "../../contracts/zod-issues";
import { enqueueHandoffFulfill } from "../../jobs/kinds/handoff-fulfill.server";
import type { QueuedWorkAnswer } from "../http/queued-work-response.server";
import { ENDED_UNSHIPPED } from "./handoff-states";
import { readWarehouseReport, warehouseAnswer as answer } from "./warehouse-report.server";

export type WarehouseTrackingAnswer = QueuedWorkAnswer;

/**
 * A warehouse reports the parcel it shipped for a handed-off fulfillment order:
 * POST /api/warehouse/tracking?shop=<shop>&warehouse=<key>, signed with the warehouse's secret. The tracking is
 * stored on the handoff and a `handoff.fulfill` job (keyed by fulfillment order and number) creates the Shopify
 * fulfillment: the same number sent twice is acknowledged once; another number for a shipped order is refused.
 */
export async function receiveWarehouseTracking(
  db: PrismaClient,
  request: Request,
  now: Date = new Date(),
): Promise<WarehouseTrackingAnswer> {
  const report = await readWarehouseReport(db, request, now);
  if (!report.ok) return report.answer;
  const { shop, warehouseKey: key } = report;
  const parsed = WarehouseTrackingBody.safeParse(report.json);
  if (!parsed.success)
    return answer(400, { error: zodIssuesText(parsed.error, { root: "(body)", limit: 5 }) });
  const tracking = parsed.data;

  const handoff = await db.warehouseHandoff.findUnique({
    where: { shop_fulfillmentOrderId: { shop, fulfillmentOrderId: tracking.fulfillmentOrderId } },
  });
  if (!handoff || handoff.warehouseKey !== key)
    return answer(404, { error: "no handoff of this fulfillment order to this warehouse" });
  const outcome = await db.$transaction((tx) => recordHandoffTracking(tx, shop, handoff, tracking));
  if (outcome.kind === "refused") return answer(409, { error: outcome.error });
  if (outcome.kind === "duplicate")
    return answer(200, { fulfillmentOrderId: handoff.fulfillmentOrderId, duplicate: true });
  return answer(202, { fulfillmentOrderId: handoff.fulfillmentOrderId, duplicate: false }, true);
}

/** The handoff columns a tracking report is checked against. */
export interface HandoffForTracking {
  id: string;
  fulfillmentOrderId: string;
  state: string;
  trackingNumber: string | null;
}

/** What a tracking report does to its handoff, before anything is written. */
export function trackingVerdict(
  handoff: Pick<HandoffForTracking, "state" | "trackingNumber">,
  trackingNumber: string,
): { kind: "new" } | { kind: "duplicate" } | { kind: "refused"; error: string } {
  if (handoff.state === "CANCELLED")
    return { kind: "refused", error: "the merchant cancelled this fulfillment order; do not ship it" };
  if (handoff.state === "CLOSED")
    return { kind: "refused", error: "the warehouse reported it cannot ship this fulfillment order" };
  if (handoff.trackingNumber === trackingNumber) return { kind: "duplicate" };
  if (handoff.trackingNumber)
    return { kind: "refused", error: `already shipped with tracking number ${handoff.trackingNumber}` };
  return { kind: "new" };
}

export type TrackingOutcome =
  { kind: "recorded" } | { kind: "duplicate" } | { kind: "refused"; error: string };

/**
 * Stores a warehouse's tracking on its handoff and enqueues the `handoff.fulfill` job, in the caller's transaction:
 * the one path of the signed endpoint and of the admin's CSV upload. The write is conditional (no tracking yet), so
 * of two concurrent reports one records and the other is a duplicate; the job is keyed by the fulfillment order.
 */
export async function recordHandoffTracking(
  tx: Prisma.TransactionClient,
  shop: string,
  handoff: HandoffForTracking,
  tracking: { trackingNumber: string; company: string; url?: string | null | undefined },
): Promise<TrackingOutcome> {
  const verdict = trackingVerdict(handoff, tracking.trackingNumber);
  if (verdict.kind !== "new") return verdict;
  const updated = await tx.warehouseHandoff.updateMany({
    where: { id: handoff.id, trackingNumber: null, state: { notIn: ENDED_UNSHIPPED } },
    data: {
      trackingNumber: tracking.trackingNumber,
      trackingCompany: tracking.company,
      trackingUrl: tracking.url ?? null,
    },
  });
  if (updated.count === 1) {
    await enqueueHandoffFulfill(tx, shop, handoff.fulfillmentOrderId);
    return { kind: "recorded" };
  }
  // Another report won the write meanwhile: the same number is a duplicate, another one is refused.
  const current = await tx.warehouseHandoff.findUnique({
    where: { id: handoff.id },
    select: { state: true, trackingNumber: true },
  });
  const again = current ? trackingVerdict(current, tracking.trackingNumber) : { kind: "duplicate" as const };
  return again.kind === "new" ? { kind: "duplicate" } : again;
}
