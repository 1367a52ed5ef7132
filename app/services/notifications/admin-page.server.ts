import type { PrismaClient } from "@prisma/client";
import { NOTIFICATION_KINDS } from "../../contracts/notification-event";
import { renderEmail, type RenderedEmail } from "./email-templates";
import { FLOW_TRIGGERS } from "./flow-triggers";
import { listNotifications, type NotificationLogRow } from "./notification-log.server";
import { readEmailSettings, saveEmailSettings, type EmailSettingsView } from "./settings.server";
import type { NotificationEvent, NotificationKind } from "./types";

export interface NotificationsPage {
  settings: EmailSettingsView;
  previews: { kind: NotificationKind; email: RenderedEmail }[];
  flowTriggers: {
    kind: NotificationKind;
    handle: string;
    name: string;
    enabled: boolean;
    changedAt: string | null;
  }[];
  log: NotificationLogRow[];
}

/** A sample event of each kind for the previews (clearly made up: order #1001 at a sample point). */
function sampleEvent(shop: string, kind: NotificationKind): NotificationEvent {
  return {
    shop,
    kind,
    eventKey: `preview:${kind}`,
    occurredAt: "2026-12-07T15:00:00.000Z",
    orderId: "gid://shopify/Order/1001",
    orderName: "#1001",
    carrier: "UPS",
    trackingNumber: "1Z999AA10123456784",
    trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
    pickupPoint: kind.startsWith("pickup")
      ? {
          name: "Sample Access Point – Main St",
          address1: "100 Main St",
          city: "Springfield",
          province: "IL",
          zip: "62701",
        }
      : null,
    holdExpiresAt: kind.startsWith("pickup") ? "2026-12-14T04:59:59.000Z" : null,
    promisedBy: kind === "shipment_at_risk" ? "2026-12-09" : null,
    appointment:
      kind === "freight_appointment_booked"
        ? { date: "2026-12-15", startTime: "08:00", endTime: "12:00" }
        : null,
    note: kind === "delivery_attempt_failed" ? "Recipient not available" : null,
  };
}

/** Everything the Notifications admin page shows: settings, a preview of each email, the Flow triggers, the log. */
export async function notificationsPage(db: PrismaClient, shop: string): Promise<NotificationsPage> {
  const settings = await readEmailSettings(db, shop);
  const uses = await db.flowTriggerUse.findMany({ where: { shop } });
  const previews = NOTIFICATION_KINDS.map((kind) => ({
    kind,
    email: renderEmail(
      { ...sampleEvent(shop, kind), kind } as Parameters<typeof renderEmail>[0],
      settings.templates[kind],
      {
        shopName: settings.fromName || shop,
        unsubscribeUrl: "https://example.invalid/unsubscribe (a signed link per buyer)",
      },
    ),
  }));
  const flowTriggers = NOTIFICATION_KINDS.map((kind) => {
    const use = uses.find((u) => u.handle === FLOW_TRIGGERS[kind].handle);
    return {
      kind,
      ...FLOW_TRIGGERS[kind],
      enabled: use?.enabled ?? false,
      changedAt: use?.changedAt.toISOString() ?? null,
    };
  });
  return { settings, previews, flowTriggers, log: await listNotifications(db, shop, { limit: 50 }) };
}

export { saveEmailSettings as notificationsAction };
