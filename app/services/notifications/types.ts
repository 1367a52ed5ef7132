import type { z } from "zod";
import type {
  NotificationChannelSchema,
  NotificationEventSchema,
  NotificationKindSchema,
  NotificationPickupPointSchema,
} from "../../contracts/notification-event";

export { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "../../contracts/notification-event";

/** What happened to the buyer's parcel or order that the buyer should hear about. */
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/** FLOW = a Shopify Flow trigger fired (flowTriggerReceive); EMAIL = the app's own email through the shop's SMTP. */
export type NotificationChannel = z.infer<typeof NotificationChannelSchema>;

export type NotificationPickupPoint = z.infer<typeof NotificationPickupPointSchema>;

/**
 * One event, as the tracking / hold / appointment pipelines record it with `recordNotificationEvent(tx, event)`.
 * `eventKey` must be stable for the event (the same scan replayed, the same reminder found again by the next sweep,
 * a restart): with the channel it is the idempotency key, so the buyer hears of it once.
 */
export type NotificationEvent = z.input<typeof NotificationEventSchema>;

/** Notification.status */
export type NotificationStatus = "PENDING" | "SENT" | "SKIPPED" | "FAILED";
