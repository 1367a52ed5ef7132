import type { PrismaClient, RoutingDecision, ShippingLabel } from "@prisma/client";
import type { LabelFormat, LabelRequest, RateParcel } from "../carrier-accounts/types";
import { decisionPlan } from "../order-routing/decision-record.server";
import { storedRoutingInput } from "../order-routing/order-input.server";
import { destinationAddress } from "./address-check.server";

export type LabelRequestResult =
  | { ok: true; request: LabelRequest; warehouse: { key: string; shopifyLocationId: string | null } }
  | { ok: false; reason: string };

const parcelOf = (p: unknown): RateParcel | null => {
  const x = p as { lengthIn?: unknown; widthIn?: unknown; heightIn?: unknown; weightOz?: unknown };
  return [x.lengthIn, x.widthIn, x.heightIn, x.weightOz].every((v) => typeof v === "number" && v > 0)
    ? {
        lengthIn: x.lengthIn as number,
        widthIn: x.widthIn as number,
        heightIn: x.heightIn as number,
        weightOz: x.weightOz as number,
      }
    : null;
};

/**
 * What to ask the accounts for one shipment of a routed order: from the plan's warehouse (merchant-managed only: a
 * handoff warehouse buys its own labels), to the order's destination, the plan's packages as parcels.
 */
export async function labelRequestFor(
  db: PrismaClient,
  shop: string,
  decision: RoutingDecision,
  label: Pick<ShippingLabel, "shipmentIndex" | "purchaseKey" | "format">,
): Promise<LabelRequestResult> {
  const shipment = decisionPlan(decision.plan, decision).shipments?.[label.shipmentIndex];
  if (!shipment) return { ok: false, reason: "the decision has no such shipment" };
  if (shipment.freightLevel)
    return { ok: false, reason: "freight shipments are booked with the carrier, not labelled" };
  const input = storedRoutingInput(decision.input, decision);
  if (!input?.destination) return { ok: false, reason: "the order has no shipping address" };
  const warehouse = await db.warehouse.findFirst({ where: { shop, key: shipment.warehouseId } });
  if (!warehouse) return { ok: false, reason: `warehouse ${shipment.warehouseId} no longer exists` };
  if (warehouse.handoffEnabled)
    return { ok: false, reason: `${warehouse.name} is run by a fulfillment partner, who buys its labels` };
  const parcels = (shipment.packages ?? []).map(parcelOf);
  if (parcels.length === 0 || parcels.some((p) => p === null))
    return { ok: false, reason: "the plan's packages have no dimensions to label" };
  return {
    ok: true,
    warehouse: { key: warehouse.key, shopifyLocationId: warehouse.shopifyLocationId },
    request: {
      from: {
        company: warehouse.name,
        ...(warehouse.address1 ? { street1: warehouse.address1 } : {}),
        city: warehouse.city,
        state: warehouse.province,
        zip: warehouse.zip,
        country: warehouse.country,
      },
      to: destinationAddress(input.destination),
      parcels: parcels as RateParcel[],
      format: label.format as LabelFormat,
      reference: `${shop}:${label.purchaseKey}`.slice(0, 100),
    },
  };
}
