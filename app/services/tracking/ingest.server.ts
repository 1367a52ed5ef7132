import type { PrismaClient } from "@prisma/client";
import { zodIssuesText } from "../../contracts/zod-issues";
import { EasyPostEvent } from "../../contracts/tracking-easypost";
import { GenericTrackingBody } from "../../contracts/tracking-generic";
import { ShippoTrackUpdated } from "../../contracts/tracking-shippo";
import { readBodyWithLimit } from "../http/request-body.server";
import {
  easyPostEvents,
  genericEvents,
  shippoEvents,
  type IncomingTrackingEvent,
} from "./provider-events.server";
import { recordTrackingEvents, type TrackingNumberReport } from "./record-events.server";
import { trackingSecret, type TrackingProvider } from "./sources.server";
import { verifyEasyPostSignature, verifyGenericSignature, verifyShippoToken } from "./signatures.server";
import { isShopDomain } from "../../contracts/shop-domain";
import type { QueuedWorkAnswer } from "../http/queued-work-response.server";

export interface IngestDeps {
  now?: () => Date;
}

/**
 * `queued`: a transition queued Shopify writes, their `tracking.push` jobs committed with the events (the route
 * wakes the job runner). Nothing is pushed from the request itself.
 */
export type IngestAnswer = QueuedWorkAnswer;

const TRACKING_BODY_LIMIT = 2 * 1024 * 1024;

const answer = (status: number, body: Record<string, unknown>): IngestAnswer => ({
  status,
  body,
  queued: false,
});

/**
 * One tracking webhook, any provider: the shop named in `?shop=` and that shop's secret for the provider
 * authenticate it (401 otherwise), the body is validated against the provider's contract (400 with the reason),
 * events are recorded (duplicates ignored, out-of-order kept), and the Shopify writes the transitions imply are
 * queued with their `tracking.push` jobs in the same transaction (docs/jobs.md). 202 = accepted, and at least one tracking number was new to Tailroute (a shipment was
 * created from the event and is linked when Shopify's fulfillment arrives); 200 otherwise.
 */
export async function ingestTrackingRequest(
  db: PrismaClient,
  provider: TrackingProvider,
  request: Request,
  deps: IngestDeps = {},
): Promise<IngestAnswer> {
  const now = deps.now ?? (() => new Date());
  const url = new URL(request.url);
  const shop = url.searchParams.get("shop")?.toLowerCase() ?? "";
  if (!isShopDomain(shop))
    return answer(400, { error: "the shop query parameter must be a *.myshopify.com domain" });
  const body = await readBodyWithLimit(request, TRACKING_BODY_LIMIT);
  if (!body.ok) return answer(413, { error: "body too large" });
  const secret = await trackingSecret(db, shop, provider);
  if (!secret) return answer(401, { error: "unknown shop or tracking source not set up" });

  if (
    provider === "EASYPOST" &&
    !verifyEasyPostSignature(body.raw, request.headers.get("x-hmac-signature"), secret)
  )
    return answer(401, { error: "X-Hmac-Signature does not match the shop's EasyPost webhook secret" });
  if (provider === "SHIPPO" && !verifyShippoToken(url.searchParams.get("token"), secret))
    return answer(401, { error: "token does not match the shop's Shippo webhook token" });
  if (provider === "GENERIC") {
    const verdict = verifyGenericSignature(
      body.raw,
      request.headers.get("x-tailroute-timestamp"),
      request.headers.get("x-tailroute-signature"),
      secret,
      now(),
    );
    if (verdict === "BAD_SIGNATURE")
      return answer(401, { error: "X-Tailroute-Signature does not match the shop's tracking secret" });
    if (verdict === "STALE_TIMESTAMP")
      return answer(401, {
        error: "X-Tailroute-Timestamp is more than 5 minutes away from now (replay refused)",
      });
  }

  let json: unknown;
  try {
    json = JSON.parse(body.raw.toString("utf8"));
  } catch {
    return answer(400, { error: "body is not JSON" });
  }
  const parsed = parseEvents(provider, json);
  if ("error" in parsed) return answer(parsed.status, { error: parsed.error });

  const reports = await recordTrackingEvents(db, shop, parsed.events, now());
  const status = reports.some((r) => r.shipmentCreated) ? 202 : 200;
  const queued = reports.some((r) => r.events.some((e) => e.outcome === "TRANSITION"));
  return { status, body: summary(reports), queued };
}

function parseEvents(
  provider: TrackingProvider,
  json: unknown,
): { events: IncomingTrackingEvent[] } | { status: number; error: string } {
  if (provider === "EASYPOST") {
    const object = json as { object?: unknown; description?: unknown };
    // Other EasyPost events (batch.updated, shipment.purchased…) are acknowledged so EasyPost does not disable us.
    if (
      object?.object === "Event" &&
      typeof object.description === "string" &&
      !object.description.startsWith("tracker.")
    )
      return { events: [] };
    const parsed = EasyPostEvent.safeParse(json);
    return parsed.success
      ? { events: easyPostEvents(parsed.data) }
      : { status: 400, error: zodIssuesText(parsed.error, { root: "(body)", limit: 5 }) };
  }
  if (provider === "SHIPPO") {
    const parsed = ShippoTrackUpdated.safeParse(json);
    return parsed.success
      ? { events: shippoEvents(parsed.data) }
      : { status: 400, error: zodIssuesText(parsed.error, { root: "(body)", limit: 5 }) };
  }
  const parsed = GenericTrackingBody.safeParse(json);
  return parsed.success
    ? { events: genericEvents(parsed.data) }
    : { status: 400, error: zodIssuesText(parsed.error, { root: "(body)", limit: 5 }) };
}

function summary(reports: TrackingNumberReport[]) {
  return {
    accepted: reports.reduce((n, r) => n + r.events.filter((e) => e.outcome !== "DUPLICATE").length, 0),
    duplicates: reports.reduce((n, r) => n + r.events.filter((e) => e.outcome === "DUPLICATE").length, 0),
    shipments: reports.map((r) => ({
      trackingNumber: r.trackingNumber,
      status: r.status,
      created: r.shipmentCreated,
      transitions: r.events.filter((e) => e.outcome === "TRANSITION").map((e) => e.status),
      unknownCodes: r.events.filter((e) => !e.knownCode).map((e) => e.rawCode),
    })),
  };
}
