import { z } from "zod";
import { NOTIFICATION_KINDS, NotificationEventSchema } from "../../contracts/notification-event";
import { dayLabel, pickupPointAddress } from "./event-text";
import type { NotificationKind } from "./types";

type Event = z.output<typeof NotificationEventSchema>;

/** What the merchant edits per kind: the subject and the opening paragraph. The rest of the email is built here. */
export interface TemplateText {
  subject: string;
  intro: string;
}

/** NotificationSettings.templates: the merchant's edits per kind (missing = the default). */
export const StoredTemplatesSchema = z
  .partialRecord(
    z.enum(NOTIFICATION_KINDS),
    z.object({ subject: z.string().max(200).optional(), intro: z.string().max(2000).optional() }),
  )
  .nullable();
export type StoredTemplates = z.infer<typeof StoredTemplatesSchema>;

/**
 * English defaults. Placeholders: {{order}} (the order's name), {{shop}}, {{point}} (the pickup point's name),
 * {{deadline}} (the hold's last day), {{carrier}}, {{tracking}} (the number), {{window}} (a freight appointment).
 */
export const DEFAULT_TEMPLATES: Record<NotificationKind, TemplateText> = {
  pickup_ready: {
    subject: "Your order {{order}} is ready for pickup",
    intro: "Good news: your parcel has arrived at {{point}} and is waiting for you.",
  },
  pickup_hold_expiring: {
    subject: "Reminder: pick up your order {{order}} by {{deadline}}",
    intro: "Your parcel is still waiting for you at {{point}}. Please collect it by {{deadline}}.",
  },
  pickup_hold_expired: {
    subject: "Your order {{order}} was not picked up",
    intro:
      "The pickup period for your parcel at {{point}} ended on {{deadline}}, so the carrier is sending it back to us. We will be in touch about what happens next.",
  },
  delivery_attempt_failed: {
    subject: "We tried to deliver your order {{order}}",
    intro:
      "{{carrier}} tried to deliver your parcel but could not. The carrier's tracking page shows your options: a new attempt, a hold for pickup or another address.",
  },
  shipment_at_risk: {
    subject: "Your order {{order}} may arrive late",
    intro:
      "Your parcel may not arrive by the promised date. We are keeping an eye on it; the carrier's tracking page has the latest news.",
  },
  freight_appointment_booked: {
    subject: "Delivery appointment confirmed for order {{order}}",
    intro: "Your delivery appointment is booked for {{window}}. Someone needs to be there to receive it.",
  },
};

/** The merchant's text where set, else the default. */
export function templateFor(kind: NotificationKind, stored: StoredTemplates): TemplateText {
  const own = stored?.[kind];
  const fallback = DEFAULT_TEMPLATES[kind];
  return {
    subject: own?.subject?.trim() || fallback.subject,
    intro: own?.intro?.trim() || fallback.intro,
  };
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? "");
}

/**
 * The email of one event: the subject and intro with their placeholders filled, then the facts (pickup point and
 * address, last pickup day, carrier and tracking link, appointment), the shop's name and the unsubscribe link —
 * as plain text and as HTML (every value escaped).
 */
export function renderEmail(
  event: Event,
  template: TemplateText,
  context: { shopName: string; unsubscribeUrl: string },
): RenderedEmail {
  const point = event.pickupPoint;
  const appointment = event.appointment;
  const values: Record<string, string> = {
    order: event.orderName ?? "",
    shop: context.shopName,
    point: point?.name ?? "the pickup point",
    deadline: dayLabel(event.holdExpiresAt),
    carrier: event.carrier ?? "The carrier",
    tracking: event.trackingNumber ?? "",
    window: appointment ? `${appointment.date}, ${appointment.startTime}–${appointment.endTime}` : "",
  };
  const subject = fill(template.subject, values).replace(/\s+/g, " ").trim();
  const intro = fill(template.intro, values);
  const facts: [string, string][] = [];
  if (event.orderName) facts.push(["Order", event.orderName]);
  if (point) facts.push(["Pickup point", `${point.name}, ${pickupPointAddress(point)}`]);
  if (event.holdExpiresAt && event.kind !== "pickup_hold_expired")
    facts.push(["Pick up by", dayLabel(event.holdExpiresAt)]);
  if (event.promisedBy) facts.push(["Promised by", event.promisedBy]);
  if (appointment)
    facts.push(["Appointment", `${appointment.date}, ${appointment.startTime}–${appointment.endTime}`]);
  if (event.carrier) facts.push(["Carrier", event.carrier]);
  if (event.trackingNumber) facts.push(["Tracking number", event.trackingNumber]);
  if (event.note) facts.push(["Details", event.note]);

  const text = [
    intro,
    "",
    ...facts.map(([label, value]) => `${label}: ${value}`),
    ...(event.trackingUrl ? ["", `Track your parcel: ${event.trackingUrl}`] : []),
    "",
    `— ${context.shopName}`,
    "",
    `You receive this email about your order. To stop these emails: ${context.unsubscribeUrl}`,
  ].join("\n");

  const html = [
    "<!doctype html>",
    '<html lang="en"><body style="font-family:Arial,Helvetica,sans-serif;color:#202223;line-height:1.5">',
    `<p>${escapeHtml(intro)}</p>`,
    facts.length
      ? `<table cellpadding="4">${facts
          .map(([l, v]) => `<tr><td><strong>${escapeHtml(l)}</strong></td><td>${escapeHtml(v)}</td></tr>`)
          .join("")}</table>`
      : "",
    event.trackingUrl ? `<p><a href="${escapeHtml(event.trackingUrl)}">Track your parcel</a></p>` : "",
    `<p>— ${escapeHtml(context.shopName)}</p>`,
    `<p style="font-size:12px;color:#6d7175">You receive this email about your order. ` +
      `<a href="${escapeHtml(context.unsubscribeUrl)}">Unsubscribe</a></p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
