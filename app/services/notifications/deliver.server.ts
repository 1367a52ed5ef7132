import type { Notification, PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import { NotificationEventSchema } from "../../contracts/notification-event";
import { readJsonColumn } from "../../db/json-column";
import { offlineAdminClient } from "../admin/admin-graphql.server";
import { AdminCallError, type RetryPolicy } from "../order-routing/admin-retry.server";
import { fireFlowTrigger } from "./fire-flow-trigger.server";
import { FLOW_TRIGGERS } from "./flow-triggers";
import { flowPayload } from "./flow-payload";
import { renderEmail, StoredTemplatesSchema, templateFor } from "./email-templates";
import { notificationMessageId, sendEmail } from "./mailer.server";
import { readOrderContact } from "./order-contact.server";
import { isUnsubscribed, unsubscribeToken, unsubscribeUrl } from "./unsubscribe.server";

export interface DeliverDeps {
  clientFor?: (shop: string) => Promise<GraphQLClient | null>;
  now?: () => Date;
  retry?: RetryPolicy;
}

/** DONE = the row is settled (sent, skipped, failed for good); RETRY = try the job again later; GONE = nothing to do. */
export type DeliverOutcome = { result: "DONE" | "RETRY" | "GONE"; detail: string };

/** A send holds its row this long; a second worker finding it held waits (its attempt fails and retries). */
const LEASE_MS = 90_000;

/**
 * Sends one Notification row on its channel, once. The row is leased first (a conditional update on PENDING and
 * no live lease), so two workers never send the same row; it is settled SENT / SKIPPED / FAILED in the same
 * conditional way. What still cannot be ruled out is a crash after Shopify or the SMTP server accepted and before
 * the row was settled: the next attempt then sends again, an email with the same Message-ID (docs/notifications.md,
 * "Exactly once").
 */
export async function deliverNotification(
  db: PrismaClient,
  shop: string,
  notificationId: string,
  deps: DeliverDeps = {},
): Promise<DeliverOutcome> {
  const now = deps.now ?? (() => new Date());
  const claimed = await db.notification.updateMany({
    where: {
      id: notificationId,
      shop,
      status: "PENDING",
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now() } }],
    },
    data: { leaseUntil: new Date(now().getTime() + LEASE_MS), attempts: { increment: 1 } },
  });
  const row = await db.notification.findFirst({ where: { id: notificationId, shop } });
  if (!row) return { result: "GONE", detail: "notification erased" };
  if (claimed.count !== 1) {
    if (row.status !== "PENDING") return { result: "DONE", detail: `already ${row.status}` };
    return { result: "RETRY", detail: "being sent by another worker" };
  }
  const settle = async (status: "SENT" | "SKIPPED" | "FAILED", detail: string): Promise<DeliverOutcome> => {
    await db.notification.updateMany({
      where: { id: row.id, shop, status: "PENDING" },
      data: {
        status,
        detail: detail.slice(0, 500),
        leaseUntil: null,
        ...(status === "SENT" ? { sentAt: now() } : {}),
      },
    });
    return { result: "DONE", detail };
  };
  const release = async (detail: string): Promise<DeliverOutcome> => {
    await db.notification.updateMany({
      where: { id: row.id, shop, status: "PENDING" },
      data: { detail: detail.slice(0, 500), leaseUntil: null },
    });
    return { result: "RETRY", detail };
  };

  const installed = await db.shop.findFirst({ where: { shop, uninstalledAt: null }, select: { id: true } });
  if (!installed) return settle("SKIPPED", "shop uninstalled");
  const client = await (deps.clientFor ?? ((s: string) => offlineAdminClient(db, s)))(shop);
  if (!client) return settle("SKIPPED", "no offline Admin access for the shop");
  try {
    return row.channel === "FLOW"
      ? await deliverFlow(db, row, client, deps, settle)
      : await deliverEmail(db, row, client, deps, settle);
  } catch (error) {
    if (error instanceof AdminCallError && !error.retryable) return settle("FAILED", error.message);
    return release(error instanceof Error ? error.message : String(error));
  }
}

type Settle = (status: "SENT" | "SKIPPED" | "FAILED", detail: string) => Promise<DeliverOutcome>;

async function deliverFlow(
  db: PrismaClient,
  row: Notification,
  client: GraphQLClient,
  deps: DeliverDeps,
  settle: Settle,
): Promise<DeliverOutcome> {
  const event = readJsonColumn(NotificationEventSchema, row.event, {
    shop: row.shop,
    column: "Notification.event",
    id: row.id,
  });
  const handle = FLOW_TRIGGERS[event.kind].handle;
  const use = await db.flowTriggerUse.findFirst({
    where: { shop: row.shop, handle, enabled: true },
    select: { id: true },
  });
  if (!use) return settle("SKIPPED", `no enabled workflow uses the ${handle} trigger`);
  let customerId = row.customerId;
  if (!customerId && row.orderId) {
    customerId = (await readOrderContact(client, row.orderId, deps.retry))?.customerId ?? null;
  }
  const result = await fireFlowTrigger(client, handle, flowPayload(event, customerId), deps.retry);
  if (!result.ok) return settle("FAILED", result.detail);
  return settle("SENT", `flowTriggerReceive ${handle}`);
}

async function deliverEmail(
  db: PrismaClient,
  row: Notification,
  client: GraphQLClient,
  deps: DeliverDeps,
  settle: Settle,
): Promise<DeliverOutcome> {
  const settings = await db.notificationSettings.findFirst({ where: { shop: row.shop } });
  if (!settings?.emailEnabled) return settle("SKIPPED", "the shop's emails are off");
  if (!row.orderId) return settle("SKIPPED", "no order to read the buyer's email from");
  const event = readJsonColumn(NotificationEventSchema, row.event, {
    shop: row.shop,
    column: "Notification.event",
    id: row.id,
  });
  const contact = await readOrderContact(client, row.orderId, deps.retry);
  if (!contact) return settle("SKIPPED", "Shopify no longer has the order");
  if (!contact.email) return settle("SKIPPED", "the order has no email address");
  if (await isUnsubscribed(db, row.shop, contact.email)) return settle("SKIPPED", "the buyer unsubscribed");
  const templates = readJsonColumn(StoredTemplatesSchema, settings.templates ?? null, {
    shop: row.shop,
    column: "NotificationSettings.templates",
    id: settings.id,
  });
  const link = unsubscribeUrl(unsubscribeToken(row.shop, contact.email));
  const rendered = renderEmail(
    { ...event, orderName: event.orderName ?? contact.name },
    templateFor(event.kind, templates),
    { shopName: settings.fromName ?? row.shop, unsubscribeUrl: link },
  );
  if (contact.customerId && !row.customerId)
    await db.notification.updateMany({
      where: { id: row.id, shop: row.shop },
      data: { customerId: contact.customerId },
    });
  const sent = await sendEmail(settings, {
    to: contact.email,
    ...rendered,
    unsubscribeUrl: link,
    messageId: notificationMessageId(row.id, settings.fromAddress ?? ""),
  });
  if (sent.ok) return settle("SENT", sent.detail);
  if (!sent.retryable) return settle("FAILED", sent.detail);
  throw new Error(sent.detail);
}
