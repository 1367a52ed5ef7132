import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { HOLD_RULES, type HoldRule, type PickupNetwork } from "../../engine/tracking";

type Tx = Prisma.TransactionClient | PrismaClient;

const NETWORKS = Object.keys(HOLD_RULES) as [PickupNetwork, ...PickupNetwork[]];

/**
 * The part of RoutingDecision.pickupPoint tracking needs: the chosen point and the hold days the buyer was told.
 * A point counts when routing shipped to it, or when the buyer chose it after purchase (the merchant ships there).
 */
const DecisionPickup = z.looseObject({
  pointId: z.string().min(1),
  network: z.enum(NETWORKS),
  status: z.string().optional(),
  chosenAfterPurchase: z.boolean().optional(),
  holdDays: z.number().int().positive().max(60).optional(),
});

/** The pickup point a routing decision sent the order to (parsed leniently: anything else → null). */
export function decisionPickup(value: unknown): z.infer<typeof DecisionPickup> | null {
  const parsed = DecisionPickup.safeParse(value);
  if (!parsed.success) return null;
  const shipsThere = parsed.data.status === "ROUTED_TO_PICKUP" || parsed.data.chosenAfterPurchase === true;
  return shipsThere ? parsed.data : null;
}

/** The shop's PickupPoint row id for the decision's point, when it is still in the directory (same shop). */
export async function pickupPointIdFor(tx: Tx, shop: string, pickup: unknown): Promise<string | null> {
  const choice = decisionPickup(pickup);
  if (!choice) return null;
  const point = await tx.pickupPoint.findFirst({ where: { shop, id: choice.pointId }, select: { id: true } });
  return point?.id ?? null;
}

/** Which hold rules apply to a parcel at a pickup point, and where they came from. */
export interface PickupHold {
  network: PickupNetwork;
  rule: HoldRule;
}

/**
 * The hold rule of a shipment's pickup point: the point's network, held for the days the buyer was told when the
 * order was routed (RoutingDecision.pickupPoint.holdDays), else the shop's current setting for the network, else the
 * network's default; the day kind (calendar / business) is the network's. Null = no point linked (the carrier's
 * network then applies).
 */
export async function pickupHoldFor(
  tx: Tx,
  shop: string,
  shipment: { pickupPointId: string | null; decisionId: string | null },
): Promise<PickupHold | null> {
  if (!shipment.pickupPointId) return null;
  const point = await tx.pickupPoint.findFirst({
    where: { shop, id: shipment.pickupPointId },
    select: { network: true },
  });
  const network = NETWORKS.find((n) => n === point?.network);
  if (!network) return null;
  const decision = shipment.decisionId
    ? await tx.routingDecision.findFirst({
        where: { shop, id: shipment.decisionId },
        select: { pickupPoint: true },
      })
    : null;
  const told = decisionPickup(decision?.pickupPoint);
  const setting = told?.holdDays
    ? null
    : await tx.pickupNetworkSetting.findFirst({ where: { shop, network }, select: { holdDays: true } });
  const days =
    told?.holdDays ?? (setting && setting.holdDays > 0 ? setting.holdDays : HOLD_RULES[network].days);
  return { network, rule: { ...HOLD_RULES[network], days } };
}
