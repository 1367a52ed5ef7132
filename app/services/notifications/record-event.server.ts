import type { Prisma } from "@prisma/client";
import { NotificationEventSchema } from "../../contracts/notification-event";
import { enqueueNotificationDeliver } from "../../jobs/kinds/notification-deliver.server";
import { FLOW_TRIGGERS } from "./flow-triggers";
import type { NotificationChannel, NotificationEvent } from "./types";

type Tx = Pick<Prisma.TransactionClient, "notification" | "notificationSettings" | "flowTriggerUse" | "job">;

export interface RecordOptions {
  /** Only these channels (a reminder of the email schedule is email only). Default: every channel. */
  channels?: NotificationChannel[];
}

/**
 * Records a buyer-facing event in the caller's transaction: one Notification row and one `notification.deliver` job
 * per channel the shop uses for it — FLOW when a workflow of the shop uses the kind's trigger (Flow's lifecycle
 * callback said so), EMAIL when the shop turned its own emails on. The row is unique by (shop, event key, channel)
 * and the job by `<shop>:<channel>:<event key>`, so recording the same event again (a replayed scan, the next
 * sweep, a restart) adds nothing and the buyer hears of it once. Returns the channels recorded now or before.
 */
export async function recordNotificationEvent(
  tx: Tx,
  event: NotificationEvent,
  options: RecordOptions = {},
): Promise<NotificationChannel[]> {
  const parsed = NotificationEventSchema.parse(event);
  const wanted = options.channels ?? (["FLOW", "EMAIL"] as NotificationChannel[]);
  const channels: NotificationChannel[] = [];
  if (wanted.includes("FLOW")) {
    const use = await tx.flowTriggerUse.findFirst({
      where: { shop: parsed.shop, handle: FLOW_TRIGGERS[parsed.kind].handle, enabled: true },
      select: { id: true },
    });
    if (use) channels.push("FLOW");
  }
  if (wanted.includes("EMAIL")) {
    const settings = await tx.notificationSettings.findFirst({
      where: { shop: parsed.shop, emailEnabled: true },
      select: { id: true },
    });
    if (settings) channels.push("EMAIL");
  }
  for (const channel of channels) {
    const row = await tx.notification.upsert({
      where: { shop_eventKey_channel: { shop: parsed.shop, eventKey: parsed.eventKey, channel } },
      create: {
        shop: parsed.shop,
        kind: parsed.kind,
        channel,
        eventKey: parsed.eventKey,
        orderId: parsed.orderId ?? null,
        orderName: parsed.orderName ?? null,
        customerId: parsed.customerId ?? null,
        event: parsed as unknown as Prisma.InputJsonValue,
      },
      update: { channel },
      select: { id: true },
    });
    await enqueueNotificationDeliver(tx, parsed.shop, channel, parsed.eventKey, row.id);
  }
  return channels;
}
