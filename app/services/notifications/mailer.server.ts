import type { NotificationSettings } from "@prisma/client";
import { openSecret } from "../../config/secret-box.server";

/** An SMTP answer of the shop's server, without the recipient's address. */
export interface SendResult {
  ok: boolean;
  /** Worth another attempt later (connection refused, 4xx): true; refused for good (5xx): false. */
  retryable: boolean;
  detail: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
  /** The same for every attempt at one notification (`notificationMessageId`). */
  messageId: string;
}

/**
 * The Message-ID of a notification's email: one per notification row, so the email sent again after a crash that
 * came after the SMTP server's acceptance is the same message (RFC 5322 §3.6.4), which mailboxes that keep one copy
 * per Message-ID and list servers that drop repeats show once (docs/notifications.md). The domain is the sender's;
 * the row id names neither the shop nor the buyer.
 *
 * @example
 * notificationMessageId("cm4x0abc", "orders@shop.example"); // "<cm4x0abc.notification@shop.example>"
 */
export function notificationMessageId(notificationId: string, fromAddress: string): string {
  const domain = fromAddress.split("@").pop() || "tailroute.invalid";
  return `<${notificationId}.notification@${domain}>`;
}

/**
 * Sends one email through the shop's SMTP server (nodemailer, imported with the first email: docs/performance.md,
 * "Start-up"). STARTTLS is used when the server offers it (`smtpSecure` = TLS from the first byte, port 465). The
 * List-Unsubscribe header carries the same link as the body, with List-Unsubscribe-Post for one-click unsubscribe
 * (RFC 8058). The result never names the address.
 */
export async function sendEmail(settings: NotificationSettings, email: OutgoingEmail): Promise<SendResult> {
  if (!settings.smtpHost || !settings.fromAddress)
    return { ok: false, retryable: false, detail: "SMTP server or sender address not set" };
  const { default: nodemailer } = await import("nodemailer");
  const transport = nodemailer.createTransport({
    host: settings.smtpHost,
    port: settings.smtpPort ?? (settings.smtpSecure ? 465 : 587),
    secure: settings.smtpSecure,
    ...(settings.smtpUser
      ? {
          auth: {
            user: settings.smtpUser,
            pass: settings.smtpPasswordSealed ? openSecret(settings.smtpPasswordSealed) : "",
          },
        }
      : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    const info = await transport.sendMail({
      from: settings.fromName
        ? { name: settings.fromName, address: settings.fromAddress }
        : settings.fromAddress,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      list: { unsubscribe: email.unsubscribeUrl },
    });
    const response = String(info.response ?? "").slice(0, 200);
    return { ok: true, retryable: false, detail: `accepted by ${settings.smtpHost}: ${response}` };
  } catch (error) {
    const e = error as { responseCode?: number; code?: string; message?: string };
    const permanent = typeof e.responseCode === "number" && e.responseCode >= 500;
    // SMTP replies can quote the recipient ("<a@b.c>: mailbox unavailable"): keep the code, never the text.
    const detail = e.responseCode
      ? `SMTP ${e.responseCode}${e.code ? ` (${e.code})` : ""}`
      : `${e.code ?? "error"}: could not reach ${settings.smtpHost}:${settings.smtpPort ?? ""}`;
    return { ok: false, retryable: !permanent, detail };
  } finally {
    transport.close();
  }
}
