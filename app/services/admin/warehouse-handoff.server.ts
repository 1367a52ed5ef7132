import type { PrismaClient } from "@prisma/client";
import { appEnv } from "../../config/env.server";
import { HandoffMethod } from "../../contracts/warehouse-handoff";
import { formatDay, localNow } from "../../engine/transit/day-number";
import { enableHandoff } from "../handoff/enable-handoff.server";
import { AdminCallError } from "../order-routing/admin-retry.server";
import { offlineAdminClient } from "./admin-graphql.server";
import type { SaveResult } from "./form-data";

/** The Warehouses page's handoff card: is it on, to which endpoint, through which fulfillment service. */
export async function warehouseHandoffStatus(db: PrismaClient, shop: string, id: string) {
  const w = await db.warehouse.findFirst({
    where: { id, shop },
    select: {
      key: true,
      handoffEnabled: true,
      handoffUrl: true,
      handoffMethod: true,
      fulfillmentServiceId: true,
      shopifyLocationId: true,
      timeZone: true,
    },
  });
  return w
    ? {
        key: w.key,
        enabled: w.handoffEnabled,
        url: w.handoffUrl ?? "",
        method: HandoffMethod.catch("WEBHOOK").parse(w.handoffMethod),
        fulfillmentServiceId: w.fulfillmentServiceId,
        /** Today in the warehouse's time zone: the pick list's default day. */
        today: formatDay(localNow(new Date(), w.timeZone).day),
      }
    : null;
}

/**
 * "Tailroute hands orders to this warehouse" (docs/handoff.md): registers the fulfillment service through the
 * shop's offline Admin access and returns the new signing secret, which the page shows once.
 */
export async function warehouseHandoffAction(
  db: PrismaClient,
  shop: string,
  id: string,
  form: FormData,
): Promise<SaveResult<{ secret: string }> | null> {
  const warehouse = await db.warehouse.findFirst({ where: { id, shop }, select: { key: true } });
  if (!warehouse) return null;
  const url = String(form.get("handoffUrl") ?? "").trim();
  const method = HandoffMethod.safeParse(form.get("handoffMethod") ?? "WEBHOOK");
  if (!method.success) return { ok: false, errors: { handoffMethod: "choose webhook or pick list" } };
  if (!url && method.data === "WEBHOOK")
    return { ok: false, errors: { handoffUrl: "the warehouse's endpoint is required" } };
  const client = await offlineAdminClient(db, shop);
  if (!client)
    return { ok: false, errors: { form: "the app has no offline access to the shop: reinstall it" } };
  try {
    const result = await enableHandoff(db, client, shop, {
      warehouseKey: warehouse.key,
      ...(url ? { url } : {}),
      method: method.data,
      appUrl: appEnv().appUrl,
    });
    if (!result.ok) return { ok: false, errors: { handoffUrl: result.error } };
    return {
      ok: true,
      message: "Handoff turned on: give the warehouse its signing secret",
      value: { secret: result.secret },
    };
  } catch (error) {
    if (error instanceof AdminCallError) return { ok: false, errors: { form: error.message } };
    throw error;
  }
}
