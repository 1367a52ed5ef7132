import type { Prisma, PrismaClient } from "@prisma/client";
import { WarehouseTrackingBody } from "../../contracts/warehouse-handoff";
import { zodIssuesText } from "../../contracts/zod-issues";
import { enqueueHandoffFulfill } from "../../jobs/kinds/handoff-fulfill.server";
import { readBodyWithLimit } from "../http/request-body.server";
import { verifyGenericSignature } from "../tracking/signatures.server";
import { openWarehouseSecret } from "./warehouse-secret.server";
import { isShopDomain } from "../../contracts/shop-domain";
import type { QueuedWorkAnswer } from "../http/queued-work-response.server";

const BODY_LIMIT = 64 * 1024;

export type WarehouseTrackingAnswer = QueuedWorkAnswer;

const answer = (status: number, body: Record<string, unknown>, queued = false): WarehouseTrackingAnswer => ({
  status,
  body,
  queued,
});

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
  const url = new URL(request.url);
  const shop = url.searchParams.get("shop")?.toLowerCase() ?? "";
  const key = url.searchParams.get("warehouse") ?? "";
  if (!isShopDomain(shop)) return answer(400, { error: "shop must be a *.myshopify.com domain" });
  const body = await readBodyWithLimit(request, BODY_LIMIT);
  if (!body.ok) return answer(413, { error: "body too large" });
  const warehouse = key
    ? await db.warehouse.findFirst({
        where: { shop, key, handoffEnabled: true },
        select: { handoffSecret: true },
      })
    : null;
  const secret = openWarehouseSecret(warehouse?.handoffSecret ?? null);
  if (!secret) return answer(401, { error: "unknown shop or warehouse, or handoff not enabled" });
  const verdict = verifyGenericSignature(
    body.raw,
    request.headers.get("x-tailroute-timestamp"),
    request.headers.get("x-tailroute-signature"),
    secret,
    now,
  );
  if (verdict === "BAD_SIGNATURE")
    return answer(401, { error: "X-Tailroute-Signature does not match the warehouse's secret" });
  if (verdict === "STALE_TIMESTAMP")
    return answer(401, { error: "X-Tailroute-Timestamp is more than 5 minutes away from now" });

  let json: unknown;
  try {
    json = JSON.parse(body.raw.toString("utf8"));
  } catch {
    return answer(400, { error: "body is not JSON" });
  }
  const parsed = WarehouseTrackingBody.safeParse(json);
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
    where: { id: handoff.id, trackingNumber: null, state: { not: "CANCELLED" } },
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
