import { describe, expect, it } from "vitest";
import { DEMO_DEFAULTS, readAppEnv } from "../../app/config/env.server";

describe("readAppEnv", () => {
  it("fills placeholder credentials in demo mode and derives the app URL from PORT", () => {
    const env = readAppEnv({ TAILROUTE_DEMO: "1", PORT: "4123" });
    expect(env.apiSecret).toBe(DEMO_DEFAULTS.SHOPIFY_API_SECRET);
    expect(env.appUrl).toBe("http://localhost:4123");
  });

  it("honours SHOPIFY_API_SECRET / SHOPIFY_API_KEY even in demo mode", () => {
    const env = readAppEnv({ TAILROUTE_DEMO: "1", SHOPIFY_API_SECRET: "s3cret", SHOPIFY_API_KEY: "k" });
    expect(env.apiSecret).toBe("s3cret");
    expect(env.apiKey).toBe("k");
  });

  it("refuses demo mode under NODE_ENV=production", () => {
    expect(() => readAppEnv({ TAILROUTE_DEMO: "1", NODE_ENV: "production" })).toThrow(
      /refuses NODE_ENV=production/,
    );
  });

  it("requires real credentials outside demo mode", () => {
    expect(() => readAppEnv({})).toThrow(/SHOPIFY_API_KEY and SHOPIFY_API_SECRET must be set/);
  });

  it("requires the public app URL outside demo mode (it becomes the carrier service's callback URL)", () => {
    expect(() => readAppEnv({ SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s" })).toThrow(
      /SHOPIFY_APP_URL must be set/,
    );
    expect(
      readAppEnv({ SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://tr.example" })
        .appUrl,
    ).toBe("https://tr.example");
  });

  it("rejects a PORT that is not a port", () => {
    expect(() => readAppEnv({ TAILROUTE_DEMO: "1", PORT: "http" })).toThrow();
  });
});
