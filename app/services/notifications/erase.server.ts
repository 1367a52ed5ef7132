import type { PrismaClient } from "@prisma/client";
import { orderGid } from "../../contracts/compliance-webhooks";

/**
 * customers/redact: erases the buyer's notification log (what was sent or fired about the listed orders, and any
 * row naming the customer). The unsubscribe record (a keyed hash of the address, no address) is kept on purpose: it
 * is what keeps the buyer from being emailed again (docs/notifications.md).
 */
export async function eraseCustomerNotifications(
  db: PrismaClient,
  shop: string,
  numericOrderIds: string[],
  numericCustomerId: number | string | null,
): Promise<number> {
  const orderIds = numericOrderIds.map(orderGid);
  const customerId = numericCustomerId === null ? null : `gid://shopify/Customer/${numericCustomerId}`;
  const erased = await db.notification.deleteMany({
    where: {
      shop,
      OR: [{ orderId: { in: orderIds } }, ...(customerId ? [{ customerId }] : [])],
    },
  });
  return erased.count;
}
