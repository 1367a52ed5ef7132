import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { appEnv } from "../../config/env.server";

// The unsubscribe link of every email carries a signed token naming the shop and a keyed hash of the address: the
// address itself never appears in the link, the database or a log. Keys are derived (HKDF-SHA256) from the app's
// Shopify API secret, with their own labels, so neither can stand in for the other or for a webhook HMAC.

function keyFor(label: string, secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "tailroute", label, 32));
}

/** HMAC-SHA256 of the lower-cased, trimmed address (hex): what EmailUnsubscribe stores. */
export function addressHash(address: string, secret: string = appEnv().apiSecret): string {
  return createHmac("sha256", keyFor("tailroute unsubscribe address v1", secret))
    .update(address.trim().toLowerCase())
    .digest("hex");
}

const TokenBody = z.object({ s: z.string().min(1).max(255), h: z.string().regex(/^[0-9a-f]{64}$/) });

/** "<base64url JSON {s: shop, h: address hash}>.<base64url HMAC>" */
export function unsubscribeToken(shop: string, address: string, secret: string = appEnv().apiSecret): string {
  const body = Buffer.from(JSON.stringify({ s: shop, h: addressHash(address, secret) })).toString(
    "base64url",
  );
  const mac = createHmac("sha256", keyFor("tailroute unsubscribe token v1", secret)).update(body).digest();
  return `${body}.${mac.toString("base64url")}`;
}

/** The shop and address hash of a token this app signed, or null (altered, truncated, another app's). */
export function readUnsubscribeToken(
  token: string,
  secret: string = appEnv().apiSecret,
): { shop: string; addressHash: string } | null {
  if (token.length > 600) return null;
  const [body, mac] = token.split(".");
  if (!body || !mac) return null;
  const expected = createHmac("sha256", keyFor("tailroute unsubscribe token v1", secret))
    .update(body)
    .digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = TokenBody.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    return parsed.success ? { shop: parsed.data.s, addressHash: parsed.data.h } : null;
  } catch {
    return null;
  }
}

/** The public unsubscribe page of a token. */
export function unsubscribeUrl(token: string, appUrl: string = appEnv().appUrl): string {
  return `${appUrl.replace(/\/+$/, "")}/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** Records the unsubscribe of a valid token (again = no change). False for a token that does not verify. */
export async function unsubscribe(
  db: PrismaClient,
  token: string,
  secret: string = appEnv().apiSecret,
): Promise<{ ok: true; shop: string } | { ok: false }> {
  const read = readUnsubscribeToken(token, secret);
  if (!read) return { ok: false };
  await db.emailUnsubscribe.upsert({
    where: { shop_addressHash: { shop: read.shop, addressHash: read.addressHash } },
    create: { shop: read.shop, addressHash: read.addressHash },
    update: { addressHash: read.addressHash },
  });
  return { ok: true, shop: read.shop };
}

/** Whether the address unsubscribed from this shop's emails. */
export async function isUnsubscribed(
  db: Pick<PrismaClient, "emailUnsubscribe">,
  shop: string,
  address: string,
  secret: string = appEnv().apiSecret,
): Promise<boolean> {
  const row = await db.emailUnsubscribe.findFirst({
    where: { shop, addressHash: addressHash(address, secret) },
    select: { id: true },
  });
  return row !== null;
}
