import type { PrismaClient } from "@prisma/client";
import { readUnsubscribeToken, unsubscribe } from "./unsubscribe.server";

/** An unsubscribe page's answer: status and a short message for the buyer. */
export interface UnsubscribeAnswer {
  status: number;
  title: string;
  message: string;
  /** GET of a valid link: show the confirm button (mail scanners follow links; only a POST unsubscribes). */
  confirm: boolean;
}

const INVALID: UnsubscribeAnswer = {
  status: 400,
  title: "This link is not valid",
  message: "The unsubscribe link is incomplete or was changed. Use the link from the email itself.",
  confirm: false,
};

/** GET: a valid token shows the confirmation; anything else is 400 with the reason. */
export function unsubscribeLinkPage(token: string | null): UnsubscribeAnswer {
  if (!token || !readUnsubscribeToken(token)) return INVALID;
  return {
    status: 200,
    title: "Stop delivery emails?",
    message: "You will no longer receive delivery and pickup emails about your orders from this store.",
    confirm: true,
  };
}

/** POST (the page's button, or a mail client's one-click unsubscribe, RFC 8058): records the unsubscribe. */
export async function confirmUnsubscribe(db: PrismaClient, token: string | null): Promise<UnsubscribeAnswer> {
  if (!token) return INVALID;
  const done = await unsubscribe(db, token);
  if (!done.ok) return INVALID;
  return {
    status: 200,
    title: "You are unsubscribed",
    message: "This store will send you no more delivery and pickup emails.",
    confirm: false,
  };
}
