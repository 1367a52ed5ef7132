import { createHmac, randomUUID } from "node:crypto";

const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/**
 * A Shopify extension session token: an HS256 JWT signed with the app's secret, with the documented claims
 * (iss = shop admin URL, dest = shop URL, aud = API key, sub = customer gid when signed in, exp/nbf/iat,
 * jti, sid). Used by tests, the demo and the benchmark to call the extension endpoints like Shopify does.
 */
export function extensionSessionToken(options: {
  shop: string;
  apiKey: string;
  secret: string;
  sub?: string;
  /** Seconds from now until expiry (negative = already expired). Default 60. */
  expiresIn?: number;
  nowSeconds?: number;
}): string {
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const payload = {
    iss: `https://${options.shop}/admin`,
    dest: `https://${options.shop}`,
    aud: options.apiKey,
    ...(options.sub ? { sub: options.sub } : {}),
    exp: now + (options.expiresIn ?? 60),
    nbf: now - 5,
    iat: now - 5,
    jti: randomUUID(),
    sid: randomUUID(),
  };
  const head = `${b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64url(JSON.stringify(payload))}`;
  const signature = createHmac("sha256", options.secret).update(head).digest("base64url");
  return `${head}.${signature}`;
}
