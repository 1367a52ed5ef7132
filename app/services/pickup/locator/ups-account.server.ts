import type { PrismaClient, UpsLocatorAccount } from "@prisma/client";
import { openSecret, sealSecret } from "../../../config/secret-box.server";
import {
  UpsLocatorAccountInputSchema,
  type UpsLocatorAccountInput,
} from "../../../contracts/pickup-ups-locator";
import { UPS_BASE_URLS } from "./ups-oauth";

// A shop's UPS Locator connection (docs/pickup-points.md, "Pickup directory from UPS"). The client ID and secret
// are sealed with AES-256-GCM (app/config/secret-box.server.ts) and opened only to ask UPS for a token; nothing
// here returns or logs them, and every query is scoped to the shop.

/** What the admin page shows: no secret, the client ID only as its last 4 characters. */
export interface UpsLocatorAccountView {
  connected: boolean;
  clientIdHint: string | null;
  environment: "PRODUCTION" | "TEST";
  metroZips: string[];
  radiusMiles: number;
  maxAreas: number;
  weeklyRefresh: boolean;
  lastRefreshAt: string | null;
  lastRefreshSummary: string | null;
  lastRefreshError: string | null;
}

export const DEFAULT_UPS_LOCATOR_SETTINGS = { radiusMiles: 15, maxAreas: 10, weeklyRefresh: true } as const;

/** `metroZips` is stored as "10001 60601" (space-separated 5-digit ZIPs). */
const metrosOf = (row: UpsLocatorAccount) => row.metroZips.split(" ").filter(Boolean);

/** The page's view of the shop's connection (defaults when none is saved). */
export async function upsLocatorAccountView(db: PrismaClient, shop: string): Promise<UpsLocatorAccountView> {
  const row = await db.upsLocatorAccount.findUnique({ where: { shop } });
  if (!row)
    return {
      connected: false,
      clientIdHint: null,
      environment: "PRODUCTION",
      metroZips: [],
      ...DEFAULT_UPS_LOCATOR_SETTINGS,
      lastRefreshAt: null,
      lastRefreshSummary: null,
      lastRefreshError: null,
    };
  let clientIdHint: string;
  try {
    clientIdHint = `…${openSecret(row.clientIdSealed).slice(-4)}`;
  } catch {
    // Sealed with a key this server no longer has (docs/handoff.md#secrets): save the credentials again.
    clientIdHint = "(unreadable: save the credentials again)";
  }
  return {
    connected: true,
    clientIdHint,
    environment: row.environment === "TEST" ? "TEST" : "PRODUCTION",
    metroZips: metrosOf(row),
    radiusMiles: row.radiusMiles,
    maxAreas: row.maxAreas,
    weeklyRefresh: row.weeklyRefresh,
    lastRefreshAt: row.lastRefreshAt?.toISOString() ?? null,
    lastRefreshSummary: row.lastRefreshSummary,
    lastRefreshError: row.lastRefreshError,
  };
}

export type SaveUpsAccountResult = { ok: true } | { ok: false; errors: { path: string; message: string }[] };

/**
 * Saves the shop's connection. A new connection needs the secret; an update with an empty secret keeps the saved
 * one. Errors are field paths + messages, nothing saved.
 */
export async function saveUpsLocatorAccount(
  db: PrismaClient,
  shop: string,
  input: unknown,
): Promise<SaveUpsAccountResult> {
  const parsed = UpsLocatorAccountInputSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.join(".") || "form", message: i.message })),
    };
  const value: UpsLocatorAccountInput = parsed.data;
  const existing = await db.upsLocatorAccount.findUnique({ where: { shop }, select: { id: true } });
  if (!existing && !value.clientSecret)
    return { ok: false, errors: [{ path: "clientSecret", message: "Enter the UPS client secret" }] };
  const settings = {
    clientIdSealed: sealSecret(value.clientId),
    environment: value.environment,
    metroZips: [...new Set(value.metroZips)].join(" "),
    radiusMiles: value.radiusMiles,
    maxAreas: value.maxAreas,
    weeklyRefresh: value.weeklyRefresh,
  };
  if (existing)
    await db.upsLocatorAccount.update({
      where: { shop },
      data: {
        ...settings,
        ...(value.clientSecret ? { clientSecretSealed: sealSecret(value.clientSecret) } : {}),
      },
    });
  else
    await db.upsLocatorAccount.create({
      data: { shop, ...settings, clientSecretSealed: sealSecret(value.clientSecret) },
    });
  return { ok: true };
}

/** Forgets the shop's UPS credentials (the points already imported stay in the directory). */
export async function removeUpsLocatorAccount(db: PrismaClient, shop: string): Promise<boolean> {
  return (await db.upsLocatorAccount.deleteMany({ where: { shop } })).count > 0;
}

/** What a refresh needs: the opened credentials, the base URL and the search settings; null when not connected. */
export async function upsLocatorConnection(db: PrismaClient, shop: string, baseUrlOverride?: string) {
  const row = await db.upsLocatorAccount.findUnique({ where: { shop } });
  if (!row) return null;
  return {
    clientId: openSecret(row.clientIdSealed),
    clientSecret: openSecret(row.clientSecretSealed),
    baseUrl: baseUrlOverride ?? UPS_BASE_URLS[row.environment === "TEST" ? "TEST" : "PRODUCTION"],
    metroZips: metrosOf(row),
    radiusMiles: row.radiusMiles,
    maxAreas: row.maxAreas,
  };
}

/** Records how a refresh ended (shown on the page): a summary and no error, or the error UPS gave. */
export async function recordUpsRefresh(
  db: PrismaClient,
  shop: string,
  outcome: { at: Date; summary: string } | { error: string },
): Promise<void> {
  await db.upsLocatorAccount.updateMany({
    where: { shop },
    data:
      "error" in outcome
        ? { lastRefreshError: outcome.error.slice(0, 500) }
        : { lastRefreshAt: outcome.at, lastRefreshSummary: outcome.summary, lastRefreshError: null },
  });
}
