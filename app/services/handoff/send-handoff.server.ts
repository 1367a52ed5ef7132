import type { PrismaClient } from "@prisma/client";
import { HandoffDocument } from "../../contracts/warehouse-handoff";
import { readJsonColumn } from "../../db/json-column";
import { genericSignature } from "../tracking/signatures.server";
import { openWarehouseSecret } from "./warehouse-secret.server";

const SEND_TIMEOUT_MS = 15_000;

export type SendResult =
  | {
      sent: true;
      status: number;
      /** The order was cancelled while this request was on its way. */ cancelledMeanwhile?: boolean;
    }
  | { dropped: string };

/**
 * POSTs one handoff document to its warehouse, signed like Tailroute's other webhooks (X-Tailroute-Timestamp,
 * X-Tailroute-Signature: "sha256=" + hex HMAC-SHA256 of `${timestamp}.${body}` with the warehouse's secret) and
 * carrying the handoff id and event (and an update's revision) as Idempotency-Key, so the warehouse can ignore a
 * repeat. A 2xx answer marks it sent; anything else is recorded on the handoff and thrown, for the job runner to
 * retry with backoff. An update waits (throws, to be retried) until the order itself has reached the warehouse.
 */
export async function sendHandoff(
  db: PrismaClient,
  shop: string,
  fulfillmentOrderId: string,
  event: HandoffDocument["event"],
  options: { now?: () => Date; signal?: AbortSignal; fetch?: typeof fetch; revision?: number } = {},
): Promise<SendResult> {
  const now = options.now ?? (() => new Date());
  const handoff = await db.warehouseHandoff.findUnique({
    where: { shop_fulfillmentOrderId: { shop, fulfillmentOrderId } },
  });
  if (!handoff) return { dropped: "no handoff recorded for this fulfillment order" };
  if (event === "fulfillment.requested" && handoff.state === "CANCELLED")
    return { dropped: "cancelled before it was sent" };
  if (event === "fulfillment.requested" && (options.revision ?? 1) !== handoff.requestCount)
    return { dropped: "requested again since: the newer request is sent instead" };
  if (handoff.state === "CLOSED" && event !== "fulfillment.cancelled")
    return { dropped: "the warehouse gave the order back" };
  if (event === "fulfillment.updated") {
    if (handoff.state === "CANCELLED") return { dropped: "the order was cancelled: nothing to update" };
    // Sent after the order itself: an update the warehouse cannot match to an order would be lost.
    if (handoff.state === "ACCEPTED")
      throw new Error("the order has not reached the warehouse yet: its update follows it");
  }
  const warehouse = await db.warehouse.findFirst({
    where: { shop, key: handoff.warehouseKey },
    select: { handoffEnabled: true, handoffUrl: true, handoffSecret: true, handoffMethod: true },
  });
  if (warehouse?.handoffMethod === "PICK_LIST")
    return { dropped: "the warehouse takes its orders from the pick list, not by webhook" };
  const secret = openWarehouseSecret(warehouse?.handoffSecret ?? null);
  if (!warehouse?.handoffEnabled || !warehouse.handoffUrl || !secret)
    throw new Error(`warehouse ${handoff.warehouseKey} has no handoff endpoint configured`);

  const stored = readJsonColumn(HandoffDocument, handoff.document, {
    shop,
    id: handoff.id,
    column: "WarehouseHandoff.document",
  });
  const body = JSON.stringify({ ...stored, event });
  const timestamp = String(Math.floor(now().getTime() / 1000));
  const timeout = AbortSignal.timeout(SEND_TIMEOUT_MS);
  let failure: string;
  try {
    const response = await (options.fetch ?? fetch)(warehouse.handoffUrl, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Tailroute-Handoff/1",
        "Idempotency-Key": `${stored.handoffId}/${event}${options.revision ? `/v${options.revision}` : ""}`,
        "X-Tailroute-Event": event,
        "X-Tailroute-Timestamp": timestamp,
        "X-Tailroute-Signature": genericSignature(body, timestamp, secret),
      },
      body,
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
      redirect: "error",
    });
    const text = (await response.text()).slice(0, 200);
    if (response.ok) {
      await db.warehouseHandoff.update({
        where: { id: handoff.id },
        data: { attempts: { increment: 1 }, lastError: null },
      });
      if (event !== "fulfillment.requested") return { sent: true, status: response.status };
      // SENT only if nothing changed the handoff while the request was out: a cancellation that landed
      // meanwhile saw no attempt yet and told the warehouse nothing, so the caller must tell it now.
      const marked = await db.warehouseHandoff.updateMany({
        where: { id: handoff.id, state: "ACCEPTED" },
        data: { state: "SENT", sentAt: now() },
      });
      const current =
        marked.count === 0 ? await db.warehouseHandoff.findUnique({ where: { id: handoff.id } }) : null;
      return { sent: true, status: response.status, cancelledMeanwhile: current?.state === "CANCELLED" };
    }
    failure = `warehouse answered HTTP ${response.status}${text ? `: ${text}` : ""}`;
  } catch (error) {
    failure = `warehouse unreachable: ${error instanceof Error ? error.message : String(error)}`;
  }
  await db.warehouseHandoff.update({
    where: { id: handoff.id },
    data: { attempts: { increment: 1 }, lastError: failure },
  });
  throw new Error(failure);
}
