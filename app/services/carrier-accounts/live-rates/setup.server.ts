import type { PrismaClient } from "@prisma/client";
import { LIVE_RATE_DEFAULTS } from "../../../contracts/carrier-account-form";
import { openSecret } from "../../../config/secret-box.server";
import { createProvider } from "../index";
import type { ProviderKind } from "../types";
import type { LiveRateAccount, LiveRateSetup } from "./types";

/**
 * A shop's live-rate setup for its cached checkout runtime, read when the runtime (re)loads, never per request.
 * A shop without any mapped service costs one indexed query and gets null: its checkout path is unchanged.
 * Keys are opened here, once, and live only inside the provider objects.
 */
export async function loadLiveRateSetup(db: PrismaClient, shop: string): Promise<LiveRateSetup | null> {
  const mappings = await db.carrierServiceMapping.findMany({ where: { shop } });
  if (mappings.length === 0) return null;
  const [accounts, setting] = await Promise.all([
    db.carrierAccount.findMany({
      where: { shop, id: { in: [...new Set(mappings.map((m) => m.carrierAccountId))] } },
    }),
    db.liveRateSetting.findUnique({ where: { shop } }),
  ]);
  const ready = new Map<string, LiveRateAccount>();
  for (const a of accounts) {
    try {
      const kind = a.provider as ProviderKind;
      ready.set(a.id, {
        id: a.id,
        kind,
        label: a.label,
        provider: createProvider(kind, {
          apiKey: openSecret(a.apiKeySealed),
          ...(a.apiBaseUrl ? { baseUrl: a.apiBaseUrl } : {}),
        }),
      });
    } catch (error) {
      // A key sealed with a key no longer configured: that account's services keep their rate cards.
      console.warn(
        `[live-rates] ${shop}: account ${a.id} unusable (${error instanceof Error ? error.message : "error"})`,
      );
    }
  }
  if (ready.size === 0) return null;
  return {
    settings: setting
      ? {
          budgetMs: setting.budgetMs,
          breakerFailures: setting.breakerFailures,
          breakerCooldownMs: setting.breakerCooldownMs,
          cacheTtlMs: setting.cacheTtlMs,
        }
      : LIVE_RATE_DEFAULTS,
    accounts: ready,
    mappings: new Map(
      mappings
        .filter((m) => ready.has(m.carrierAccountId))
        .map((m) => [
          m.serviceCode,
          {
            serviceCode: m.serviceCode,
            accountId: m.carrierAccountId,
            providerAccount: m.providerAccount,
            providerService: m.providerService,
          },
        ]),
    ),
  };
}
