import type { PrismaClient } from "@prisma/client";
import { text } from "../admin/form-data";
import { pokeJobRunner } from "../../jobs/startup.server";
import { requestAddressFix } from "./address-fix.server";
import type { ComparedRate } from "./label-choice";
import { requestLabels, requestLabelVoid } from "./label-purchase.server";

/** The admin order page's address check and labels (docs/carriers.md, "Address checks and labels"). */
export async function orderLabelsPanel(db: PrismaClient, shop: string, decisionId: string, orderId: string) {
  const [check, labels, accounts] = await Promise.all([
    db.addressCheck.findFirst({ where: { shop, orderId } }),
    db.shippingLabel.findMany({ where: { shop, decisionId }, orderBy: { createdAt: "asc" } }),
    db.carrierAccount.count({ where: { shop } }),
  ]);
  const files = await db.shippingLabelFile.findMany({
    where: { shop, labelId: { in: labels.map((l) => l.id) } },
    select: { labelId: true, parcelIndex: true },
  });
  return {
    connected: accounts > 0,
    addressCheck: check
      ? {
          status: check.status,
          provider: check.provider,
          residential: check.residential,
          zip4: check.zip4,
          poBox: check.poBox,
          reason: check.reason,
          checkedAt: check.checkedAt.toISOString(),
        }
      : null,
    labels: labels.map((l) => ({
      id: l.id,
      shipmentIndex: l.shipmentIndex,
      status: l.status,
      format: l.format,
      carrier: l.carrier,
      service: l.service,
      amountCents: l.amountCents,
      trackingCodes: ((l.parcels ?? []) as { trackingCode: string }[]).map((p) => p.trackingCode),
      trackingUrl: l.trackingUrl,
      fulfilled: !!l.fulfillmentId,
      trackers: Array.isArray(l.trackerIds) ? l.trackerIds.length : 0,
      refundStatus: l.refundStatus,
      error: l.error,
      comparison: (l.comparison ?? []) as unknown as ComparedRate[],
      files: files.filter((f) => f.labelId === l.id).map((f) => f.parcelIndex),
    })),
  };
}

/** The page's label and address intents; undefined = not one of them (the page's own action handles it). */
export async function orderLabelsAction(db: PrismaClient, shop: string, decisionId: string, form: FormData) {
  const intent = text(form, "intent");
  const done = <T>(result: T) => {
    pokeJobRunner();
    return result;
  };
  switch (intent) {
    case "buy-labels":
      return done(
        await requestLabels(db, shop, decisionId, { format: text(form, "format") === "ZPL" ? "ZPL" : "PDF" }),
      );
    case "void-label": {
      const label = await db.shippingLabel.findFirst({
        where: { shop, decisionId, id: text(form, "labelId") },
        select: { id: true },
      });
      return label ? done(await requestLabelVoid(db, shop, label.id)) : null;
    }
    case "fix-address":
      return done(await requestAddressFix(db, shop, decisionId, form));
    default:
      return undefined;
  }
}

/** Bulk "Buy labels" from the orders list: each selected decision of this shop. */
export async function bulkRequestLabels(db: PrismaClient, shop: string, decisionIds: string[]) {
  let queued = 0;
  const refused: string[] = [];
  for (const id of decisionIds.slice(0, 250)) {
    const result = await requestLabels(db, shop, id);
    if (result?.ok) queued += result.queued;
    else refused.push(result ? result.errors.form : `${id}: not found`);
  }
  pokeJobRunner();
  return {
    ok: true as const,
    message: `${queued} label(s) queued${refused.length ? `; ${refused.length} order(s) refused` : ""}`,
    refused,
  };
}
