import { createHmac, timingSafeEqual } from "node:crypto";

/** Generic format: a request older or newer than this is refused (replay window). */
export const GENERIC_TIMESTAMP_TOLERANCE_S = 300;

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * EasyPost's `X-Hmac-Signature`: "hmac-sha256-hex=" + hex HMAC-SHA256 of the raw body, keyed with the webhook
 * secret after Unicode NFKD normalisation (as EasyPost's client libraries' validateWebhook does).
 */
export function easyPostSignature(rawBody: Buffer | string, webhookSecret: string): string {
  const hex = createHmac("sha256", Buffer.from(webhookSecret.normalize("NFKD"), "utf8"))
    .update(rawBody)
    .digest("hex");
  return `hmac-sha256-hex=${hex}`;
}

export function verifyEasyPostSignature(
  rawBody: Buffer,
  header: string | null,
  webhookSecret: string,
): boolean {
  return !!header && safeEqual(easyPostSignature(rawBody, webhookSecret), header.trim().toLowerCase());
}

/** Shippo sends no signature by default: the per-shop secret token in the webhook URL authenticates it. */
export function verifyShippoToken(token: string | null, secret: string): boolean {
  return !!token && safeEqual(token, secret);
}

/** The generic format's signature: "sha256=" + hex HMAC-SHA256 of `${timestamp}.${rawBody}`. */
export function genericSignature(rawBody: Buffer | string, timestamp: string, secret: string): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex");
  return `sha256=${mac}`;
}

export type GenericVerdict = "OK" | "BAD_SIGNATURE" | "STALE_TIMESTAMP";

/** Verifies the generic format's X-Tailroute-Timestamp (unix seconds) and X-Tailroute-Signature headers. */
export function verifyGenericSignature(
  rawBody: Buffer,
  timestamp: string | null,
  signature: string | null,
  secret: string,
  now: Date,
): GenericVerdict {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature) return "BAD_SIGNATURE";
  if (!safeEqual(genericSignature(rawBody, timestamp, secret), signature.trim())) return "BAD_SIGNATURE";
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  return skew > GENERIC_TIMESTAMP_TOLERANCE_S ? "STALE_TIMESTAMP" : "OK";
}
