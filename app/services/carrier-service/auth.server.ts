import { createHmac, timingSafeEqual } from "node:crypto";

export interface CallbackCredentials {
  rawBody: string | Buffer;
  /** X-Shopify-Hmac-Sha256, when present. */
  hmacHeader: string | null;
  /** X-Shopify-Shop-Domain, when present. */
  shopHeader: string | null;
  /** The secret token from the callback URL path, when present. */
  pathToken: string | null;
}

export type CallbackIdentity = { ok: true; shop: string } | { ok: false };

/** Constant-time check of a base64 HMAC-SHA256 of the raw body. */
export function isValidShopifyHmac(rawBody: string | Buffer, hmacHeader: string, secret: string): boolean {
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const given = Buffer.from(hmacHeader, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Who is calling the CarrierService callback. Shopify signs callbacks with the app secret in
 * X-Shopify-Hmac-Sha256, but that is observed rather than documented, so the callback URL also carries
 * the shop's secret token. Rules (docs/carrier-service.md): a present HMAC must be valid and name the shop; without an
 * HMAC the path token must be a known shop's; when both name a shop they must agree.
 */
export function identifyCallbackCaller(
  credentials: CallbackCredentials,
  appSecret: string,
  shopForToken: (token: string) => string | undefined,
): CallbackIdentity {
  const tokenShop = credentials.pathToken ? shopForToken(credentials.pathToken) : undefined;
  if (credentials.pathToken && !tokenShop) return { ok: false };
  if (credentials.hmacHeader) {
    if (!credentials.shopHeader) return { ok: false };
    if (!isValidShopifyHmac(credentials.rawBody, credentials.hmacHeader, appSecret)) return { ok: false };
    if (tokenShop && tokenShop !== credentials.shopHeader) return { ok: false };
    return { ok: true, shop: credentials.shopHeader };
  }
  if (!tokenShop) return { ok: false };
  if (credentials.shopHeader && credentials.shopHeader !== tokenShop) return { ok: false };
  return { ok: true, shop: tokenShop };
}
