import type { PrismaClient } from "@prisma/client";
import type { GraphQLClient } from "graphql-request";
import { loadShopConfig } from "../shop/config-store.server";
import { AdminCallError, type RetryPolicy } from "./admin-retry.server";
import { decideRouting, type RoutingOutcome } from "./decide-routing.server";
import type { OrderRoutingInput } from "./order-input.server";
import { loadPickupRequest } from "./pickup-routing.server";
import { readOrderSnapshot } from "./shopify-reads.server";
import { loadLaneStats } from "../tracking/lanes.server";
import { checkOrderAddress, undeliverableError } from "../labels/address-check.server";
import type { ProvidersFor } from "../labels/connected-providers.server";

export type DecideOrderOutcome = RoutingOutcome | { kind: "NEEDS_INPUT"; error: string };

/**
 * Loads the shop's configuration and the order's live state from Shopify, then decides. A shop without
 * warehouses is unroutable without asking Shopify anything; a Shopify read that keeps failing yields
 * NEEDS_INPUT, which the decision's routing.apply-decision job decides again later.
 */
export async function decideForOrder(
  db: PrismaClient,
  client: GraphQLClient,
  shop: string,
  input: OrderRoutingInput,
  options: {
    decisionId: string;
    now: Date;
    excludedWarehouseKeys?: string[];
    round?: number;
    retry?: RetryPolicy;
    /** The shop's connected accounts for the address check (tests: providers talking to fakes). */
    providersFor?: ProvidersFor;
  },
): Promise<DecideOrderOutcome> {
  const config = await loadShopConfig(db, shop, options.now);
  if (!config || config.warehouses.length === 0) {
    return {
      kind: "UNROUTABLE",
      error: "The shop has no active warehouses",
      reasons: ["The shop has no active warehouses"],
    };
  }
  const warehouses = await db.warehouse.findMany({
    where: { shop, active: true },
    select: { key: true, name: true, shopifyLocationId: true },
  });
  let snapshot;
  try {
    snapshot = await readOrderSnapshot(client, input.orderId, options.retry);
  } catch (error) {
    if (error instanceof AdminCallError) return { kind: "NEEDS_INPUT", error: error.message };
    throw error;
  }
  if (!snapshot) {
    return {
      kind: "UNROUTABLE",
      error: "Shopify does not know this order",
      reasons: ["Shopify does not know this order"],
    };
  }
  // With a connected account, the destination is checked first: undeliverable = the merchant fixes it (NEEDS_INPUT);
  // a provider outage records the check as skipped and routing goes on (docs/carriers.md).
  const address = input.pickupPoint
    ? null
    : await checkOrderAddress(db, shop, input.orderId, input.destination, {
        ...(options.providersFor ? { providersFor: options.providersFor } : {}),
      });
  if (address?.status === "UNDELIVERABLE")
    return { kind: "NEEDS_INPUT", error: undeliverableError(address.reason) };
  if (address?.status === "OK" && address.residential !== null && input.destination)
    input = { ...input, destination: { ...input.destination, residential: address.residential } };
  const pickup = await loadPickupRequest(db, shop, input, snapshot.pickupChoiceValue);
  const laneStats = await loadLaneStats(db, shop);
  return decideRouting({
    ...(pickup ? { pickup } : {}),
    laneStats,
    config,
    warehouses,
    snapshot,
    input,
    now: options.now,
    decisionId: options.decisionId,
    ...(options.excludedWarehouseKeys ? { excludedWarehouseKeys: options.excludedWarehouseKeys } : {}),
    ...(options.round !== undefined ? { round: options.round } : {}),
  });
}
