import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { isUniqueConstraintViolation } from "../../db/portable.server";

/** The tracking sources a shop can connect; each has its own per-shop secret. */
export const TRACKING_PROVIDERS = ["EASYPOST", "SHIPPO", "GENERIC"] as const;
export type TrackingProvider = (typeof TRACKING_PROVIDERS)[number];

/** 32 random bytes, URL-safe: fits a query parameter (Shippo) and an HMAC key (EasyPost, generic). */
const newSecret = () => randomBytes(32).toString("base64url");

/**
 * The shop's secret for each provider, created on first use. Concurrent first calls may race: the unique index keeps
 * one row and the loser reads it.
 */
export async function ensureTrackingSources(
  db: PrismaClient,
  shop: string,
): Promise<Record<TrackingProvider, string>> {
  const secrets = {} as Record<TrackingProvider, string>;
  for (const provider of TRACKING_PROVIDERS) {
    const existing = await db.trackingSource.findUnique({ where: { shop_provider: { shop, provider } } });
    if (existing) {
      secrets[provider] = existing.secret;
      continue;
    }
    try {
      secrets[provider] = (
        await db.trackingSource.create({ data: { shop, provider, secret: newSecret() } })
      ).secret;
    } catch (error) {
      if (!isUniqueConstraintViolation(error)) throw error;
      secrets[provider] = (
        await db.trackingSource.findUniqueOrThrow({
          where: { shop_provider: { shop, provider } },
        })
      ).secret;
    }
  }
  return secrets;
}

/** The shop's secret for one provider, or null when the shop never set the source up (or is not installed). */
export async function trackingSecret(
  db: PrismaClient,
  shop: string,
  provider: TrackingProvider,
): Promise<string | null> {
  const installed = await db.shop.findFirst({ where: { shop, uninstalledAt: null }, select: { id: true } });
  if (!installed) return null;
  const source = await db.trackingSource.findUnique({ where: { shop_provider: { shop, provider } } });
  return source?.secret ?? null;
}

/** The URLs a merchant configures at each provider (docs/tracking.md). */
export function trackingEndpoints(appUrl: string, shop: string, secrets: Record<TrackingProvider, string>) {
  const base = appUrl.replace(/\/+$/, "");
  const q = `shop=${encodeURIComponent(shop)}`;
  return {
    EASYPOST: { url: `${base}/api/tracking/easypost?${q}`, webhookSecret: secrets.EASYPOST },
    SHIPPO: { url: `${base}/api/tracking/shippo?${q}&token=${secrets.SHIPPO}` },
    GENERIC: { url: `${base}/api/tracking/events?${q}`, signingSecret: secrets.GENERIC },
  };
}
