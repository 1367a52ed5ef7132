import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { DEMO_DEFAULTS } from "./env.server";

// Secrets the app stores for a shop (a warehouse's signing secret; carrier API keys later) are encrypted at rest
// with AES-256-GCM (NIST SP 800-38D; Node's `crypto` cipher "aes-256-gcm"): a random 96-bit IV per value and
// the 128-bit authentication tag, so a value altered in the database fails to open instead of decrypting to
// garbage. docs/handoff.md#secrets explains the key and its rotation.

const ALGORITHM = "aes-256-gcm";
const VERSION = "v1";

/** A 32-byte key and the short id stored beside each value it sealed (which key opens it). */
export interface SecretKey {
  id: string;
  key: Buffer;
}

const keyId = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 8);

/**
 * The keys from the environment: `TAILROUTE_SECRETS_KEY` (32 bytes, base64) seals; `TAILROUTE_SECRETS_KEY_PREVIOUS`
 * still opens values sealed before a rotation. Without the variable the key is derived (HKDF-SHA256) from the app's
 * Shopify API secret, which the app needs anyway.
 */
export function secretKeysFrom(env: Record<string, string | undefined>): SecretKey[] {
  const keys: SecretKey[] = [];
  for (const name of ["TAILROUTE_SECRETS_KEY", "TAILROUTE_SECRETS_KEY_PREVIOUS"]) {
    const value = env[name];
    if (!value) continue;
    const key = Buffer.from(value, "base64");
    if (key.length !== 32)
      throw new Error(`${name} must be 32 bytes, base64-encoded (openssl rand -base64 32)`);
    keys.push({ id: keyId(key), key });
  }
  if (keys.length === 0) {
    // Demo mode runs on the public placeholder secret (docs/admin.md), like the rest of the demo.
    const secret =
      env.SHOPIFY_API_SECRET ?? (env.TAILROUTE_DEMO === "1" ? DEMO_DEFAULTS.SHOPIFY_API_SECRET : undefined);
    if (!secret) throw new Error("TAILROUTE_SECRETS_KEY or SHOPIFY_API_SECRET must be set to store secrets");
    const key = Buffer.from(hkdfSync("sha256", secret, "tailroute", "tailroute secrets v1", 32));
    keys.push({ id: keyId(key), key });
  }
  return keys;
}

/** Seals `plain` with the first key: "v1.<key id>.<iv>.<tag>.<ciphertext>" (base64url parts). */
export function sealSecret(plain: string, keys: SecretKey[] = secretKeysFrom(process.env)): string {
  const { id, key } = keys[0];
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url"));
  return [VERSION, id, ...parts].join(".");
}

/** Opens a sealed value with whichever known key sealed it; a clear error when none did or it was altered. */
export function openSecret(sealed: string, keys: SecretKey[] = secretKeysFrom(process.env)): string {
  const [version, id, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !body) throw new Error("stored secret is not in the v1 sealed format");
  const known = keys.find((k) => k.id === id);
  if (!known) throw new Error(`stored secret was sealed with key ${id}, which is not configured`);
  const decipher = createDecipheriv(ALGORITHM, known.key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new Error("stored secret failed its integrity check (altered, or sealed with another key)");
  }
}
