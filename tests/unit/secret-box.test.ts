import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret, secretKeysFrom } from "../../app/config/secret-box.server";

const key = () => randomBytes(32).toString("base64");

describe("secrets sealed at rest (AES-256-GCM)", () => {
  it("open to what was sealed, and never contain it in the clear", () => {
    const keys = secretKeysFrom({ TAILROUTE_SECRETS_KEY: key() });
    const sealed = sealSecret("whsec_abc123", keys);
    expect(sealed).not.toContain("whsec_abc123");
    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(openSecret(sealed, keys)).toBe("whsec_abc123");
    // (a fresh IV each time: the same secret never seals to the same text)
    expect(sealSecret("whsec_abc123", keys)).not.toBe(sealed);
  });

  it("refuse to open a value that was altered in the database", () => {
    const keys = secretKeysFrom({ TAILROUTE_SECRETS_KEY: key() });
    const parts = sealSecret("whsec_abc123", keys).split(".");
    const body = Buffer.from(parts[4], "base64url");
    body[0] ^= 1;
    parts[4] = body.toString("base64url");
    expect(() => openSecret(parts.join("."), keys)).toThrow(/failed its integrity check/);
  });

  it("still open values sealed before a rotation, and seal new ones with the new key", () => {
    const [oldKey, newKey] = [key(), key()];
    const before = sealSecret("whsec_old", secretKeysFrom({ TAILROUTE_SECRETS_KEY: oldKey }));
    const rotated = secretKeysFrom({ TAILROUTE_SECRETS_KEY: newKey, TAILROUTE_SECRETS_KEY_PREVIOUS: oldKey });
    expect(openSecret(before, rotated)).toBe("whsec_old");
    expect(sealSecret("whsec_new", rotated).split(".")[1]).toBe(rotated[0].id);
    // AND without the old key the error names the missing key instead of returning garbage
    expect(() => openSecret(before, secretKeysFrom({ TAILROUTE_SECRETS_KEY: newKey }))).toThrow(
      /sealed with key [0-9a-f]{8}, which is not configured/,
    );
  });

  it("derive a key from the app's API secret when none is configured, and refuse a key of the wrong size", () => {
    const derived = secretKeysFrom({ SHOPIFY_API_SECRET: "shpss_example" });
    expect(
      openSecret(sealSecret("s", derived), secretKeysFrom({ SHOPIFY_API_SECRET: "shpss_example" })),
    ).toBe("s");
    expect(() => secretKeysFrom({ TAILROUTE_SECRETS_KEY: "c2hvcnQ=" })).toThrow(/must be 32 bytes/);
    expect(() => secretKeysFrom({})).toThrow(/TAILROUTE_SECRETS_KEY or SHOPIFY_API_SECRET must be set/);
  });
});
