import type { Prisma, PrismaClient } from "@prisma/client";
import {
  AddCarrierAccountForm,
  CarrierServiceMappingForm,
  LIVE_RATE_DEFAULTS,
  LiveRateSettingsForm,
  StoredProviderCarrierAccountsSchema,
} from "../../contracts/carrier-account-form";
import { openSecret, sealSecret } from "../../config/secret-box.server";
import { readJsonColumn } from "../../db/json-column";
import { bumpConfigVersion, configSaved } from "../admin/config-version.server";
import { fieldErrors, num, text, type SaveResult } from "../admin/form-data";
import { createProvider, PROVIDER_NAMES, type ProviderFactory } from "./index";
import { ProviderError, type ProviderKind } from "./types";

// The shop's connected shipping-API accounts (docs/carriers.md): stored with the key sealed (AES-256-GCM,
// app/config/secret-box.server.ts), shown with its last four characters only. Every query is scoped to the shop;
// every change bumps the shop's configVersion so the checkout's cached runtime reloads its live-rate setup.

/** How long the admin's "test connection" waits for the provider. */
export const TEST_CONNECTION_TIMEOUT_MS = 10_000;

const hintOf = (apiKey: string) => `…${apiKey.slice(-4)}`;

/** The carrier accounts page: accounts (never their keys), the parcel services to map, mappings and settings. */
export async function carrierAccountsPage(db: PrismaClient, shop: string) {
  const [accounts, services, mappings, setting] = await Promise.all([
    db.carrierAccount.findMany({ where: { shop }, orderBy: { createdAt: "asc" } }),
    db.carrierService.findMany({
      where: { shop, mode: { in: ["EXPRESS_PARCEL", "POSTAL"] } },
      orderBy: { code: "asc" },
      select: { code: true, carrier: true, name: true, tier: true, enabled: true },
    }),
    db.carrierServiceMapping.findMany({ where: { shop }, orderBy: { serviceCode: "asc" } }),
    db.liveRateSetting.findUnique({ where: { shop } }),
  ]);
  return {
    accounts: accounts.map((a) => ({
      id: a.id,
      provider: a.provider as ProviderKind,
      providerName: PROVIDER_NAMES[a.provider as ProviderKind] ?? a.provider,
      label: a.label,
      apiKeyHint: a.apiKeyHint,
      status: a.status,
      statusMessage: a.statusMessage,
      testedAt: a.testedAt?.toISOString() ?? null,
      carrierAccounts:
        readJsonColumn(StoredProviderCarrierAccountsSchema, a.carrierAccounts ?? null, {
          shop,
          column: "CarrierAccount.carrierAccounts",
          id: a.id,
        }) ?? [],
    })),
    services,
    mappings: mappings.map((m) => ({
      serviceCode: m.serviceCode,
      carrierAccountId: m.carrierAccountId,
      providerAccount: m.providerAccount,
      providerService: m.providerService,
    })),
    settings: setting
      ? {
          budgetMs: setting.budgetMs,
          breakerFailures: setting.breakerFailures,
          breakerCooldownMs: setting.breakerCooldownMs,
          cacheTtlMs: setting.cacheTtlMs,
        }
      : LIVE_RATE_DEFAULTS,
  };
}

async function saved(db: PrismaClient, shop: string, write: (tx: PrismaClient) => Promise<unknown>) {
  await db.$transaction(async (tx) => {
    await write(tx as PrismaClient);
    await bumpConfigVersion(tx as PrismaClient, shop);
  });
  configSaved(shop);
}

/** Connects an account: the key is sealed before it reaches the database and never returned. */
export async function addCarrierAccount(
  db: PrismaClient,
  shop: string,
  input: { provider: string; label: string; apiKey: string; apiBaseUrl?: string | null },
): Promise<SaveResult<{ id: string }>> {
  const parsed = AddCarrierAccountForm.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { provider, label, apiKey } = parsed.data;
  let id = "";
  await saved(db, shop, async (tx) => {
    const row = await tx.carrierAccount.create({
      data: {
        shop,
        provider,
        label,
        apiKeySealed: sealSecret(apiKey),
        apiKeyHint: hintOf(apiKey),
        apiBaseUrl: input.apiBaseUrl ?? null,
      },
      select: { id: true },
    });
    id = row.id;
  });
  return { ok: true, message: `${PROVIDER_NAMES[provider]} account "${label}" connected`, value: { id } };
}

/** Disconnects an account and its service mappings (another shop's id is not found). */
export async function removeCarrierAccount(
  db: PrismaClient,
  shop: string,
  id: string,
): Promise<SaveResult | null> {
  const account = await db.carrierAccount.findFirst({ where: { shop, id }, select: { label: true } });
  if (!account) return null;
  await saved(db, shop, async (tx) => {
    await tx.carrierServiceMapping.deleteMany({ where: { shop, carrierAccountId: id } });
    await tx.carrierAccount.deleteMany({ where: { shop, id } });
  });
  return {
    ok: true,
    message: `"${account.label}" disconnected; its services are priced by their rate cards again`,
  };
}

/**
 * "Test connection": lists the carrier accounts the key exposes and keeps them (the mapping form offers them).
 * A failure is stored and shown with the provider's reason, never with the key.
 */
export async function testCarrierAccount(
  db: PrismaClient,
  shop: string,
  id: string,
  providerFor: (kind: ProviderKind) => ProviderFactory = (kind) => (credentials) =>
    createProvider(kind, credentials),
): Promise<SaveResult<{ carrierAccounts: number }> | null> {
  const account = await db.carrierAccount.findFirst({ where: { shop, id } });
  if (!account) return null;
  const kind = account.provider as ProviderKind;
  const provider = providerFor(kind)({
    apiKey: openSecret(account.apiKeySealed),
    ...(account.apiBaseUrl ? { baseUrl: account.apiBaseUrl } : {}),
  });
  try {
    const check = await provider.testConnection({ timeoutMs: TEST_CONNECTION_TIMEOUT_MS });
    await db.carrierAccount.updateMany({
      where: { shop, id },
      data: {
        status: "OK",
        statusMessage: `${check.carrierAccounts.length} carrier account(s)`,
        testedAt: new Date(),
        carrierAccounts: JSON.parse(JSON.stringify(check.carrierAccounts)) as Prisma.InputJsonArray,
      },
    });
    return {
      ok: true,
      message: `Connected: ${check.carrierAccounts.length} carrier account(s) at ${PROVIDER_NAMES[kind]}`,
      value: { carrierAccounts: check.carrierAccounts.length },
    };
  } catch (error) {
    const reason = error instanceof ProviderError ? describeFailure(error) : "the connection test failed";
    await db.carrierAccount.updateMany({
      where: { shop, id },
      data: { status: "FAILED", statusMessage: reason, testedAt: new Date() },
    });
    return { ok: false, errors: { form: `${PROVIDER_NAMES[kind]}: ${reason}` } };
  }
}

/** A provider failure in the merchant's words. */
export function describeFailure(error: ProviderError): string {
  switch (error.kind) {
    case "AUTH":
      return "the API key was refused (check it, and that it is a production or test key as intended)";
    case "RATE_LIMITED":
      return "too many requests right now; try again in a minute";
    case "TIMEOUT":
      return "no answer in time";
    case "NETWORK":
      return "could not be reached";
    case "SERVER":
      return `the provider failed (HTTP ${error.details.status ?? "5xx"}); try again later`;
    default:
      return error.message.slice(0, 300);
  }
}

/** Maps a Tailroute parcel service to one of the shop's accounts' carrier account + service code. */
export async function saveServiceMapping(
  db: PrismaClient,
  shop: string,
  form: FormData,
): Promise<SaveResult> {
  const parsed = CarrierServiceMappingForm.safeParse({
    serviceCode: text(form, "serviceCode"),
    carrierAccountId: text(form, "carrierAccountId"),
    providerAccount: text(form, "providerAccount"),
    providerService: text(form, "providerService"),
  });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const m = parsed.data;
  const [service, account] = await Promise.all([
    db.carrierService.findFirst({ where: { shop, code: m.serviceCode }, select: { mode: true, name: true } }),
    db.carrierAccount.findFirst({ where: { shop, id: m.carrierAccountId }, select: { id: true } }),
  ]);
  if (!service) return { ok: false, errors: { serviceCode: "no such service in this shop" } };
  if (service.mode === "FREIGHT")
    return { ok: false, errors: { serviceCode: "freight services keep their rate cards" } };
  if (!account) return { ok: false, errors: { carrierAccountId: "no such connected account" } };
  await saved(db, shop, (tx) =>
    tx.carrierServiceMapping.upsert({
      where: { shop_serviceCode: { shop, serviceCode: m.serviceCode } },
      create: { shop, ...m },
      update: {
        carrierAccountId: m.carrierAccountId,
        providerAccount: m.providerAccount,
        providerService: m.providerService,
      },
    }),
  );
  return { ok: true, message: `${service.name} is priced live from now on` };
}

export async function removeServiceMapping(
  db: PrismaClient,
  shop: string,
  serviceCode: string,
): Promise<SaveResult> {
  await saved(db, shop, (tx) => tx.carrierServiceMapping.deleteMany({ where: { shop, serviceCode } }));
  return { ok: true, message: "Back to the rate card for that service" };
}

export async function saveLiveRateSettings(
  db: PrismaClient,
  shop: string,
  form: FormData,
): Promise<SaveResult> {
  const parsed = LiveRateSettingsForm.safeParse({
    budgetMs: num(form, "budgetMs"),
    breakerFailures: num(form, "breakerFailures"),
    breakerCooldownMs: num(form, "breakerCooldownMs"),
    cacheTtlMs: num(form, "cacheTtlMs"),
  });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  await saved(db, shop, (tx) =>
    tx.liveRateSetting.upsert({ where: { shop }, create: { shop, ...parsed.data }, update: parsed.data }),
  );
  return { ok: true, message: "Live-rate settings saved" };
}

/** The page's actions, by `intent`; null = the record is not this shop's (404). */
export async function carrierAccountsAction(db: PrismaClient, shop: string, form: FormData) {
  switch (text(form, "intent")) {
    case "add":
      return addCarrierAccount(db, shop, {
        provider: text(form, "provider"),
        label: text(form, "label"),
        // The key is not trimmed by `text` semantics beyond whitespace at its ends: keys have no spaces.
        apiKey: text(form, "apiKey"),
      });
    case "test":
      return testCarrierAccount(db, shop, text(form, "id"));
    case "remove":
      return removeCarrierAccount(db, shop, text(form, "id"));
    case "map":
      return saveServiceMapping(db, shop, form);
    case "unmap":
      return removeServiceMapping(db, shop, text(form, "serviceCode"));
    case "settings":
      return saveLiveRateSettings(db, shop, form);
    default:
      return { ok: false as const, errors: { form: "unknown action" } };
  }
}
