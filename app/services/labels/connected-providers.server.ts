import type { PrismaClient } from "@prisma/client";
import { openSecret } from "../../config/secret-box.server";
import { createProvider } from "../carrier-accounts";
import type { CarrierAccountProvider, ProviderKind } from "../carrier-accounts/types";

/** One of the shop's connected shipping-API accounts, ready to call. */
export interface ConnectedProvider {
  /** CarrierAccount.id */
  accountId: string;
  kind: ProviderKind;
  label: string;
  provider: CarrierAccountProvider;
}

/** How the label and address services reach a shop's accounts (tests inject providers talking to fakes). */
export type ProvidersFor = (db: PrismaClient, shop: string) => Promise<ConnectedProvider[]>;

/**
 * The shop's connected accounts, oldest first, except those whose last connection test failed; each key is opened
 * only here, in memory, for the call (never logged: the SDK wrappers hold it in a private field).
 */
export const connectedProviders: ProvidersFor = async (db, shop) => {
  const rows = await db.carrierAccount.findMany({
    where: { shop, status: { not: "FAILED" } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((a) => ({
    accountId: a.id,
    kind: a.provider as ProviderKind,
    label: a.label,
    provider: createProvider(a.provider as ProviderKind, {
      apiKey: openSecret(a.apiKeySealed),
      ...(a.apiBaseUrl ? { baseUrl: a.apiBaseUrl } : {}),
    }),
  }));
};
