import type { PrismaClient, TrackingPush } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import type { AdminUserError } from "../admin/admin-graphql.server";
import {
  AdminCallError,
  adminRequest,
  DEFAULT_RETRY,
  type RetryPolicy,
} from "../order-routing/admin-retry.server";
import type { FulfillmentEventPayload, OrderTagPayload } from "./transition-effects.server";
import {
  StoredFulfillmentEventPayloadSchema,
  StoredOrderTagPayloadSchema,
} from "../../contracts/stored-json";
import { readJsonColumn, StoredJsonError } from "../../db/json-column";

const FULFILLMENT_EVENT_CREATE = `mutation TailrouteFulfillmentEvent($fulfillmentEvent: FulfillmentEventInput!) {
  fulfillmentEventCreate(fulfillmentEvent: $fulfillmentEvent) {
    fulfillmentEvent { id status happenedAt }
    userErrors { field message }
  }
}`;

const FULFILLMENT_EVENTS = `query TailrouteFulfillmentEvents($id: ID!) {
  fulfillment(id: $id) { id events(first: 100, reverse: true) { nodes { id status happenedAt } } }
}`;

const TAGS_ADD = `mutation TailrouteTrackingTags($id: ID!, $tags: [String!]!) {
  tagsAdd(id: $id, tags: $tags) { node { id } userErrors { field message } }
}`;

export interface PushOptions {
  now?: () => Date;
  retry?: RetryPolicy;
  leaseMs?: number;
  shipmentId?: string;
}

export type PushResult = "APPLIED" | "FAILED" | "PENDING" | "WAITING_FOR_FULFILLMENT" | "BUSY";

export interface PushReport {
  pushId: string;
  shipmentId: string;
  kind: string;
  result: PushResult;
  error?: string;
}

const DEFAULT_LEASE_MS = 60_000;

/**
 * Pushes a shop's PENDING tracking writes to Shopify, oldest first per shipment, each exactly once: the attempt is
 * recorded before the call and the result right after; a push attempted before (a crash in between) is first
 * checked against the fulfillment's events. A lease per push keeps concurrent workers (the shipment's
 * `tracking.push` jobs, the CLI) apart. Throttling and 5xx are retried (admin-retry); still failing → stays PENDING.
 */
export async function pushPendingTracking(
  db: PrismaClient,
  client: GraphQLClient,
  shop: string,
  options: PushOptions = {},
): Promise<PushReport[]> {
  const now = options.now ?? (() => new Date());
  const retry = options.retry ?? DEFAULT_RETRY;
  const pending = await db.trackingPush.findMany({
    where: { shop, status: "PENDING", ...(options.shipmentId ? { shipmentId: options.shipmentId } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  const reports: PushReport[] = [];
  /** Shipments whose next push cannot go yet (kept in order): why. */
  const stalled = new Map<string, PushResult>();
  const fulfillmentOf = new Map<string, string | null>();
  for (const push of pending) {
    const report = (result: PushResult, error?: string) =>
      reports.push({
        pushId: push.id,
        shipmentId: push.shipmentId,
        kind: push.kind,
        result,
        ...(error ? { error } : {}),
      });
    const blocked = stalled.get(push.shipmentId);
    if (blocked) {
      // Behind a push another worker is sending right now: BUSY too (that worker's job, or a wait, finishes it).
      report(
        blocked === "WAITING_FOR_FULFILLMENT" || blocked === "BUSY" ? blocked : "PENDING",
        "an earlier push of this shipment is still pending",
      );
      continue;
    }
    if (!fulfillmentOf.has(push.shipmentId)) {
      const shipment = await db.shipment.findFirst({
        where: { id: push.shipmentId, shop },
        select: { fulfillmentId: true },
      });
      fulfillmentOf.set(push.shipmentId, shipment?.fulfillmentId ?? null);
    }
    const fulfillmentId = fulfillmentOf.get(push.shipmentId) ?? null;
    if (push.kind === "FULFILLMENT_EVENT" && !fulfillmentId) {
      // Shopify has not told us the fulfillment yet: fulfillments/create links it and the next run pushes.
      stalled.set(push.shipmentId, "WAITING_FOR_FULFILLMENT");
      report("WAITING_FOR_FULFILLMENT");
      continue;
    }
    const claimed = await db.trackingPush.updateMany({
      where: {
        id: push.id,
        shop,
        status: "PENDING",
        OR: [{ leaseUntil: null }, { leaseUntil: { lt: now() } }],
      },
      data: { leaseUntil: new Date(now().getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS)) },
    });
    if (claimed.count === 0) {
      stalled.set(push.shipmentId, "BUSY");
      report("BUSY");
      continue;
    }
    const result = await pushOne(db, client, shop, push, fulfillmentId, retry, now);
    if (result.result !== "APPLIED") stalled.set(push.shipmentId, result.result);
    report(result.result, result.error);
  }
  return reports;
}

async function pushOne(
  db: PrismaClient,
  client: GraphQLClient,
  shop: string,
  push: TrackingPush,
  fulfillmentId: string | null,
  retry: RetryPolicy,
  now: () => Date,
): Promise<{ result: PushResult; error?: string }> {
  const finish = (data: Record<string, unknown>) =>
    db.trackingPush.updateMany({ where: { id: push.id, shop }, data: { leaseUntil: null, ...data } });
  try {
    if (push.kind === "FULFILLMENT_EVENT") {
      const payload: FulfillmentEventPayload = readJsonColumn(
        StoredFulfillmentEventPayloadSchema,
        push.payload,
        {
          shop,
          column: "TrackingPush.payload",
          id: push.id,
        },
      );
      if (push.attempts > 0) {
        const existing = await findExistingEvent(client, fulfillmentId!, payload, retry);
        if (existing) {
          await finish({ status: "APPLIED", shopifyId: existing, appliedAt: now(), error: null });
          return { result: "APPLIED" };
        }
      }
      await db.trackingPush.updateMany({
        where: { id: push.id, shop },
        data: { attempts: { increment: 1 } },
      });
      const data = await adminRequest<{
        fulfillmentEventCreate: { fulfillmentEvent: { id: string } | null; userErrors: AdminUserError[] };
      }>(
        client,
        FULFILLMENT_EVENT_CREATE,
        {
          fulfillmentEvent: {
            fulfillmentId,
            status: payload.status,
            happenedAt: payload.happenedAt,
            ...(payload.estimatedDeliveryAt ? { estimatedDeliveryAt: payload.estimatedDeliveryAt } : {}),
            message: payload.message,
          },
        },
        retry,
      );
      const { fulfillmentEvent, userErrors } = data.fulfillmentEventCreate;
      if (userErrors.length > 0 || !fulfillmentEvent) {
        const error = userErrors.map((e) => e.message).join("; ") || "no fulfillment event returned";
        await finish({ status: "FAILED", error });
        return { result: "FAILED", error };
      }
      await finish({ status: "APPLIED", shopifyId: fulfillmentEvent.id, appliedAt: now(), error: null });
      return { result: "APPLIED" };
    }
    // ORDER_TAG: tagsAdd is idempotent, so a retry after a crash is simply sent again.
    const payload: OrderTagPayload = readJsonColumn(StoredOrderTagPayloadSchema, push.payload, {
      shop,
      column: "TrackingPush.payload",
      id: push.id,
    });
    await db.trackingPush.updateMany({ where: { id: push.id, shop }, data: { attempts: { increment: 1 } } });
    const data = await adminRequest<{ tagsAdd: { userErrors: AdminUserError[] } }>(
      client,
      TAGS_ADD,
      { id: payload.orderId, tags: payload.tags },
      retry,
    );
    if (data.tagsAdd.userErrors.length > 0) {
      const error = data.tagsAdd.userErrors.map((e) => e.message).join("; ");
      await finish({ status: "FAILED", error });
      return { result: "FAILED", error };
    }
    await finish({ status: "APPLIED", appliedAt: now(), error: null });
    return { result: "APPLIED" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A corrupted payload will not get better by retrying.
    const retryable =
      !(error instanceof StoredJsonError) && (!(error instanceof AdminCallError) || error.retryable);
    await finish(retryable ? { error: message } : { status: "FAILED", error: message });
    return { result: retryable ? "PENDING" : "FAILED", error: message };
  }
}

/** The event a crashed attempt may already have created: same status and same happenedAt on the fulfillment. */
async function findExistingEvent(
  client: GraphQLClient,
  fulfillmentId: string,
  payload: FulfillmentEventPayload,
  retry: RetryPolicy,
): Promise<string | null> {
  const data = await adminRequest<{
    fulfillment: { events: { nodes: { id: string; status: string; happenedAt: string }[] } } | null;
  }>(client, FULFILLMENT_EVENTS, { id: fulfillmentId }, retry);
  const happened = new Date(payload.happenedAt).getTime();
  const match = data.fulfillment?.events.nodes.find(
    (e) => e.status === payload.status && new Date(e.happenedAt).getTime() === happened,
  );
  return match?.id ?? null;
}
