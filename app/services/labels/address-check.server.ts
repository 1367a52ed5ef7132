import type { PrismaClient } from "@prisma/client";
import { enqueueJob } from "../../jobs/enqueue.server";
import { ProviderError, type RateAddress } from "../carrier-accounts/types";
import type { Destination } from "../../engine/types";
import { connectedProviders, type ConnectedProvider, type ProvidersFor } from "./connected-providers.server";

/** How long routing waits for the address check before going on without it (orders/create is decided while
 * Shopify waits for the webhook answer, 5 s in all). */
export const ADDRESS_CHECK_TIMEOUT_MS = 1_500;
/** The tag an order with an undeliverable address gets (docs/carriers.md). */
export const ADDRESS_TAG = "tailroute-address-undeliverable";
export const ORDERS_ADDRESS_TAG = "orders.address-tag";

export type AddressCheckOutcome =
  | { status: "OK"; residential: boolean | null; zip4: string | null; poBox: boolean }
  | { status: "UNDELIVERABLE"; reason: string }
  | { status: "SKIPPED"; reason: string };

export const destinationAddress = (d: Destination): RateAddress => ({
  ...(d.addressLines[0] ? { street1: d.addressLines[0] } : {}),
  ...(d.addressLines[1] ? { street2: d.addressLines[1] } : {}),
  ...(d.city ? { city: d.city } : {}),
  ...(d.state ? { state: d.state } : {}),
  ...(d.company ? { company: d.company } : {}),
  zip: d.zip,
  country: d.country,
});

/** One account's answer about the address; a provider that fails is SKIPPED with its reason. */
async function verifyWith(
  account: ConnectedProvider,
  destination: Destination,
  timeoutMs: number,
): Promise<AddressCheckOutcome> {
  try {
    const v = await account.provider.verifyAddress(destinationAddress(destination), { timeoutMs });
    return v.deliverable
      ? { status: "OK", residential: v.residential, zip4: v.zip4, poBox: v.poBox }
      : { status: "UNDELIVERABLE", reason: v.reason ?? "the carrier could not verify the address" };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    // A 422 on an address is the provider refusing that address; anything else is the provider being unwell.
    return error.kind === "INVALID"
      ? { status: "UNDELIVERABLE", reason: error.message }
      : { status: "SKIPPED", reason: `${error.kind}: ${error.message}`.slice(0, 300) };
  }
}

/**
 * Checks an order's destination with the shop's connected accounts, oldest first, the next one asked only when a
 * provider failed (docs/carriers.md, "Address checks and labels"), and records the outcome. null = no connected
 * account or no street address (nothing checked). Providers that fail or are slow never block routing: within one
 * time budget for all accounts, the check is SKIPPED with the last reason. An address that becomes
 * undeliverable queues the order's tag, and one found deliverable again queues its removal (one job per change).
 */
export async function checkOrderAddress(
  db: PrismaClient,
  shop: string,
  orderId: string,
  destination: Destination | null,
  deps: { providersFor?: ProvidersFor; timeoutMs?: number } = {},
): Promise<AddressCheckOutcome | null> {
  if (!destination || destination.addressLines.length === 0) return null;
  const accounts = await (deps.providersFor ?? connectedProviders)(db, shop);
  if (accounts.length === 0) return null;
  // One budget for all accounts: routing waits for this while Shopify waits for the webhook's answer.
  const deadline = Date.now() + (deps.timeoutMs ?? ADDRESS_CHECK_TIMEOUT_MS);
  let account = accounts[0]!;
  let outcome: AddressCheckOutcome = { status: "SKIPPED", reason: "no time left to ask" };
  for (const next of accounts) {
    const timeoutMs = deadline - Date.now();
    if (timeoutMs <= 0) break;
    account = next;
    outcome = await verifyWith(next, destination, timeoutMs);
    // An unwell provider (down, slow, over its limit) is not an answer about the address: ask the next account.
    if (outcome.status !== "SKIPPED") break;
  }
  const row = {
    status: outcome.status,
    provider: account.kind,
    residential: outcome.status === "OK" ? outcome.residential : null,
    zip4: outcome.status === "OK" ? outcome.zip4 : null,
    poBox: outcome.status === "OK" ? outcome.poBox : false,
    reason: outcome.status === "OK" ? null : outcome.reason,
    checkedAt: new Date(),
  };
  await db.$transaction(async (tx) => {
    const before = await tx.addressCheck.findUnique({
      where: { shop_orderId: { shop, orderId } },
      select: { status: true },
    });
    await tx.addressCheck.upsert({
      where: { shop_orderId: { shop, orderId } },
      create: { shop, orderId, ...row },
      update: row,
    });
    // The tag follows the address: added when it becomes undeliverable, removed once a check finds it deliverable
    // (after the merchant's fix). A skipped check leaves it as it is.
    const wasUndeliverable = before?.status === "UNDELIVERABLE";
    const tagChanges =
      (outcome.status === "UNDELIVERABLE" && !wasUndeliverable) ||
      (outcome.status === "OK" && wasUndeliverable);
    if (tagChanges)
      await enqueueJob(
        tx,
        ORDERS_ADDRESS_TAG,
        { orderId },
        { key: `${shop}:${orderId}:tag:${row.checkedAt.toISOString()}`, shop },
      );
  });
  return outcome;
}

/** The decision's error for an undeliverable address (the admin order page shows it with the fix form). */
export const undeliverableError = (reason: string) => `Address undeliverable: ${reason}`;
