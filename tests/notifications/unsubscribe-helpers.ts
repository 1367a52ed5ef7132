import type { PrismaClient } from "@prisma/client";
import { confirmUnsubscribe } from "../../app/services/notifications/unsubscribe-page.server";

export { addressHash } from "../../app/services/notifications/unsubscribe.server";

/** What the public page does with the link's token, on this test's own database. */
export async function confirmUnsubscribeToken(db: PrismaClient, link: string): Promise<void> {
  const token = new URL(link).searchParams.get("token");
  const answer = await confirmUnsubscribe(db, token);
  if (answer.status !== 200) throw new Error(`unsubscribe refused: ${answer.title}`);
}
