import { Prisma, type PrismaClient, type ShippingLabel } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import { enqueueJob } from "../../jobs/enqueue.server";
import { isUniqueConstraintViolation } from "../../db/portable.server";
import { ProviderError, type PurchasedLabel, type PurchasedParcel } from "../carrier-accounts/types";
import { cancelFulfillment, createFulfillment } from "../handoff/shopify-fulfillment-service.server";
import { decisionPlan } from "../order-routing/decision-record.server";
import { AdminCallError } from "../order-routing/admin-retry.server";
import { readOrderSnapshot } from "../order-routing/shopify-reads.server";
import { ensureTrackingSources, trackingEndpoints } from "../tracking/sources.server";
import { connectedProviders, type ProvidersFor } from "./connected-providers.server";
import { chooseRate, type RateOption } from "./label-choice";
import { labelRequestFor } from "./label-request.server";

// Labels for merchant-managed warehouses (docs/carriers.md, "Address checks and labels"). The ShippingLabel row is
// the purchase intent, written with its unique key before any provider call; the labels.purchase job then rates
// across the connected accounts, stores the chosen provider object, buys it, and on every retry first asks the
// provider whether that object was already bought. So a retry, a crash or a restart never buys twice.

export const LABELS_PURCHASE = "labels.purchase";
export const LABELS_REFUND = "labels.refund";
const PROVIDER_TIMEOUT_MS = 20_000;

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;

/**
 * "Buy label" on a routed order: one intent and one job per labellable shipment not already labelled (a click
 * twice adds nothing). Null = not this shop's decision.
 */
export async function requestLabels(
  db: PrismaClient,
  shop: string,
  decisionId: string,
  options: { format?: "PDF" | "ZPL" } = {},
): Promise<{ ok: true; message: string; queued: number } | { ok: false; errors: { form: string } } | null> {
  const decision = await db.routingDecision.findFirst({ where: { id: decisionId, shop } });
  if (!decision) return null;
  if (!["APPLIED", "PENDING"].includes(decision.status) || !decision.serviceCode)
    return { ok: false, errors: { form: `a ${decision.status} decision has no service to buy a label for` } };
  const shipments = decisionPlan(decision.plan, decision).shipments ?? [];
  const existing = await db.shippingLabel.findMany({ where: { shop, decisionId } });
  let queued = 0;
  const refusals: string[] = [];
  for (let i = 0; i < shipments.length; i++) {
    const mine = existing.filter((l) => l.shipmentIndex === i);
    if (mine.some((l) => l.status === "PREPARED" || l.status === "PURCHASED")) continue;
    const label = {
      shipmentIndex: i,
      purchaseKey: `${decisionId}:${i}:${mine.length}`,
      format: options.format ?? "PDF",
    };
    const check = await labelRequestFor(db, shop, decision, label);
    if (!check.ok) {
      refusals.push(`shipment ${i + 1}: ${check.reason}`);
      continue;
    }
    try {
      await db.$transaction(async (tx) => {
        const row = await tx.shippingLabel.create({
          data: { shop, orderId: decision.orderId, orderName: decision.orderName, decisionId, ...label },
        });
        await enqueueJob(
          tx,
          LABELS_PURCHASE,
          { labelId: row.id },
          { key: `${shop}:${label.purchaseKey}`, shop },
        );
      });
      queued++;
    } catch (error) {
      if (!isUniqueConstraintViolation(error)) throw error; // a concurrent click queued it
    }
  }
  if (queued === 0 && refusals.length)
    return { ok: false, errors: { form: `No label to buy: ${refusals.join("; ")}` } };
  return {
    ok: true,
    queued,
    message: queued ? `Buying ${queued} label(s) in the background` : "Labels already bought or being bought",
  };
}

export interface PurchaseDeps {
  providersFor?: ProvidersFor;
  clientFor: (shop: string) => Promise<GraphQLClient | null>;
  appUrl: string;
  now?: () => Date;
  fetchLabel?: (url: string) => Promise<Uint8Array>;
}

const defaultFetch = async (url: string) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`label file answered HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
};

const fail = (db: PrismaClient, label: ShippingLabel, error: string) =>
  db.shippingLabel.updateMany({
    where: { id: label.id, shop: label.shop },
    data: { status: "FAILED", error },
  });

/** The labels.purchase job's work. Returns a drop reason when the purchase no longer applies. */
export async function runLabelPurchase(
  db: PrismaClient,
  shop: string,
  labelId: string,
  deps: PurchaseDeps,
): Promise<{ drop: string } | void> {
  let label = await db.shippingLabel.findFirst({ where: { id: labelId, shop } });
  if (!label) return { drop: "label not found" };
  if (label.status === "FAILED" || label.status === "VOIDED") return { drop: `label ${label.status}` };
  const decision = await db.routingDecision.findFirst({ where: { id: label.decisionId, shop } });
  if (!decision) return { drop: "decision not found" };
  const built = await labelRequestFor(db, shop, decision, label);
  if (!built.ok) {
    await fail(db, label, built.reason);
    return { drop: built.reason };
  }
  const { request } = built;
  if (label.status === "PREPARED") {
    const providers = await (deps.providersFor ?? connectedProviders)(db, shop);
    const opts = { timeoutMs: PROVIDER_TIMEOUT_MS };
    let bought: PurchasedLabel | null = null;
    try {
      if (label.providerRef && label.rate) {
        // An earlier attempt chose and may have bought: ask the provider before buying.
        const account = providers.find((p) => p.accountId === label!.carrierAccountId);
        if (!account) {
          await fail(db, label, "the account the label was being bought from is no longer connected");
          return { drop: "account gone" };
        }
        const prepared = {
          providerRef: label.providerRef,
          rate: label.rate as unknown as RateOption["rate"],
        };
        bought =
          (await account.provider.findLabel(prepared, request, opts)) ??
          (await account.provider.buyLabel(prepared, request, opts));
      } else {
        if (providers.length === 0) {
          await fail(db, label, "no connected carrier account");
          return { drop: "no connected account" };
        }
        const options: RateOption[] = [];
        const errors: string[] = [];
        for (const p of providers) {
          try {
            const prepared = await p.provider.prepareLabel(request, opts);
            for (const rate of prepared.rates)
              options.push({ accountId: p.accountId, providerRef: prepared.providerRef, rate });
          } catch (error) {
            if (!(error instanceof ProviderError)) throw error;
            errors.push(`${p.label}: ${error.message}`);
          }
        }
        if (options.length === 0 && errors.length)
          throw new Error(`no account rated the shipment: ${errors.join("; ")}`);
        const mapping = decision.serviceCode
          ? await db.carrierServiceMapping.findFirst({
              where: {
                shop,
                serviceCode:
                  decisionPlan(decision.plan, decision).shipments?.[label.shipmentIndex]?.serviceId ?? "",
              },
            })
          : null;
        const now = (deps.now ?? (() => new Date()))();
        const { chosen, comparison } = chooseRate(options, {
          today: now,
          promisedMax: decision.promisedMaxDate?.toISOString().slice(0, 10) ?? null,
          decided: mapping ? { accountId: mapping.carrierAccountId, service: mapping.providerService } : null,
        });
        if (!chosen) {
          await db.shippingLabel.updateMany({
            where: { id: label.id, shop },
            data: {
              status: "FAILED",
              comparison: json(comparison),
              error: "no rate arrives by the promised day",
            },
          });
          return { drop: "no rate meets the promised window" };
        }
        const account = providers.find((p) => p.accountId === chosen.accountId)!;
        // The chosen object is stored before buying: from here on a retry asks the provider first.
        const claimed = await db.shippingLabel.updateMany({
          where: { id: label.id, shop, status: "PREPARED", providerRef: null },
          data: {
            providerRef: chosen.providerRef,
            rate: json(chosen.rate),
            comparison: json(comparison),
            carrierAccountId: chosen.accountId,
            provider: account.kind,
          },
        });
        if (claimed.count === 0)
          throw new Error("another run prepared this label first; retrying reads its choice");
        bought = await account.provider.buyLabel(
          { providerRef: chosen.providerRef, rate: chosen.rate },
          request,
          opts,
        );
      }
    } catch (error) {
      if (error instanceof ProviderError && error.kind === "INVALID" && !label.providerRef) {
        await fail(db, label, error.message);
        return { drop: error.message };
      }
      throw error; // the job retries; the stored providerRef makes the retry look before it buys
    }
    await db.shippingLabel.updateMany({
      where: { id: label.id, shop },
      data: {
        status: "PURCHASED",
        carrier: bought.carrier,
        service: bought.service,
        amountCents: bought.amountCents,
        currency: bought.currency,
        parcels: json(bought.parcels),
        trackingUrl: bought.trackingUrl,
        error: null,
      },
    });
    label = (await db.shippingLabel.findFirst({ where: { id: labelId, shop } }))!;
  }
  await afterPurchase(db, label, built.warehouse.shopifyLocationId, deps);
}

const parcelsOf = (label: ShippingLabel) => (label.parcels ?? []) as unknown as PurchasedParcel[];

/** After the purchase, each step once: the files stored, the Shopify fulfillment, the trackers. */
async function afterPurchase(
  db: PrismaClient,
  label: ShippingLabel,
  locationId: string | null,
  deps: PurchaseDeps,
) {
  const { shop } = label;
  const parcels = parcelsOf(label);
  const stored = new Set(
    (
      await db.shippingLabelFile.findMany({
        where: { shop, labelId: label.id },
        select: { parcelIndex: true },
      })
    ).map((f) => f.parcelIndex),
  );
  for (const [i, parcel] of parcels.entries()) {
    if (stored.has(i)) continue;
    const content = await (deps.fetchLabel ?? defaultFetch)(parcel.labelUrl);
    try {
      await db.shippingLabelFile.create({
        data: {
          shop,
          labelId: label.id,
          parcelIndex: i,
          contentType: label.format === "ZPL" ? "application/x-zpl" : "application/pdf",
          content: Buffer.from(content),
        },
      });
    } catch (error) {
      if (!isUniqueConstraintViolation(error)) throw error;
    }
  }
  if (!label.fulfillmentId) {
    const client = await deps.clientFor(shop);
    if (!client) throw new Error("no offline Admin access to create the fulfillment");
    const snapshot = await readOrderSnapshot(client, label.orderId);
    const open = (snapshot?.fulfillmentOrders ?? []).filter(
      (fo) => !locationId || fo.locationId === locationId,
    );
    const ids: string[] = [];
    for (const fo of open)
      ids.push(
        await createFulfillment(client, fo.id, {
          company: label.carrier ?? "Other",
          number: parcels.map((p) => p.trackingCode),
          url: label.trackingUrl,
        }),
      );
    // Nothing open at the warehouse = fulfilled already (by an earlier attempt or by hand).
    await db.shippingLabel.updateMany({
      where: { id: label.id, shop },
      data: { fulfillmentId: ids.join(",") || "ALREADY_FULFILLED" },
    });
  }
  if (!label.trackerIds && label.carrierAccountId) {
    const account = (await (deps.providersFor ?? connectedProviders)(db, shop)).find(
      (p) => p.accountId === label.carrierAccountId,
    );
    if (!account) return;
    const endpoints = trackingEndpoints(deps.appUrl, shop, await ensureTrackingSources(db, shop));
    const webhook =
      account.kind === "EASYPOST"
        ? { url: endpoints.EASYPOST.url, secret: endpoints.EASYPOST.webhookSecret }
        : { url: endpoints.SHIPPO.url };
    const ids: string[] = [];
    for (const p of parcels)
      ids.push(
        (
          await account.provider.createTracker(p.trackingCode, label.carrier ?? "", webhook, {
            timeoutMs: PROVIDER_TIMEOUT_MS,
          })
        ).trackerId,
      );
    await db.shippingLabel.updateMany({ where: { id: label.id, shop }, data: { trackerIds: json(ids) } });
  }
}

/** "Void label": queues the refund of a bought label (null = not this shop's label). */
export async function requestLabelVoid(db: PrismaClient, shop: string, labelId: string) {
  const label = await db.shippingLabel.findFirst({ where: { id: labelId, shop } });
  if (!label) return null;
  if (label.status !== "PURCHASED")
    return { ok: false as const, errors: { form: `a ${label.status} label cannot be voided` } };
  await enqueueJob(db, LABELS_REFUND, { labelId }, { key: `${shop}:${labelId}:refund`, shop });
  return { ok: true as const, message: "Void requested: the carrier's answer shows here shortly" };
}

/**
 * The labels.refund job's work: refunds every parcel; a submitted or done refund voids the label. Then the Shopify
 * fulfillment made with the label (its tracking number) is cancelled, so the order shows unfulfilled again and a new
 * label can be bought; a run again after a crash goes on from what is recorded (the refund, then the cancel).
 */
export async function runLabelRefund(
  db: PrismaClient,
  shop: string,
  labelId: string,
  deps: Pick<PurchaseDeps, "providersFor" | "clientFor">,
) {
  let label = await db.shippingLabel.findFirst({ where: { id: labelId, shop } });
  if (!label) return { drop: "nothing to void" };
  if (label.status === "PURCHASED" && label.providerRef) {
    const account = (await (deps.providersFor ?? connectedProviders)(db, shop)).find(
      (p) => p.accountId === label!.carrierAccountId,
    );
    if (!account) return { drop: "the account is no longer connected" };
    const status = await account.provider.refundLabel(
      { providerRef: label.providerRef, parcelIds: parcelsOf(label).map((p) => p.providerId) },
      { timeoutMs: PROVIDER_TIMEOUT_MS },
    );
    const voided = status === "SUBMITTED" || status === "REFUNDED";
    await db.shippingLabel.updateMany({
      where: { id: label.id, shop },
      data: { refundStatus: status, ...(voided ? { status: "VOIDED" } : {}) },
    });
    if (!voided) return;
    label = { ...label, status: "VOIDED" };
  }
  if (label.status !== "VOIDED") return { drop: "nothing to void" };
  const fulfillments = (label.fulfillmentId ?? "")
    .split(",")
    .filter((id) => id.startsWith("gid://shopify/Fulfillment/"));
  if (fulfillments.length === 0 || label.fulfillmentCancelledAt) return;
  const client = await deps.clientFor(shop);
  if (!client) return { drop: "no offline Admin access to cancel the fulfillment" };
  try {
    for (const id of fulfillments) await cancelFulfillment(client, id);
  } catch (error) {
    if (!(error instanceof AdminCallError) || error.retryable) throw error;
    await db.shippingLabel.updateMany({ where: { id: label.id, shop }, data: { error: error.message } });
    return { drop: error.message };
  }
  await db.shippingLabel.updateMany({
    where: { id: label.id, shop },
    data: { fulfillmentCancelledAt: new Date() },
  });
}

/** A label file for the admin download: only ever this shop's (null otherwise). */
export async function labelFileForShop(db: PrismaClient, shop: string, labelId: string, parcelIndex: number) {
  const file = await db.shippingLabelFile.findFirst({ where: { shop, labelId, parcelIndex } });
  return file
    ? {
        contentType: file.contentType,
        content: file.content,
        name: `label-${labelId}-${parcelIndex + 1}.${file.contentType.endsWith("pdf") ? "pdf" : "zpl"}`,
      }
    : null;
}
