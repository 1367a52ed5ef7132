import { describe, expect, inject, it } from "vitest";
import { readAppEnv } from "../../app/env.server";
import { demoSessionAllowed } from "../../app/services/admin/demo-session";

// The demo session hands the demo shop to anyone who opens /app: it must be impossible in production.
/** Shopify's auth answers self-identified bots (Node's fetch among them) with 410: look like a browser. */
const BROWSER = {
  "User-Agent":
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
};

describe("admin context: the demo session", () => {
  it("is refused by the environment check together with NODE_ENV=production", () => {
    expect(() => readAppEnv({ TAILROUTE_DEMO: "1", NODE_ENV: "production" })).toThrow(
      /refuses NODE_ENV=production/,
    );
  });

  it("is refused by the admin context itself in production, whatever the flag says", () => {
    expect(demoSessionAllowed({ demo: true, nodeEnv: "production" })).toBe(false);
    expect(demoSessionAllowed({ demo: false, nodeEnv: "development" })).toBe(false);
    expect(demoSessionAllowed({ demo: true, nodeEnv: "demo" })).toBe(true);
  });

  it("is off on a normal server: /app without a Shopify session shows no shop's data", async () => {
    // GIVEN the shared test server (TAILROUTE_DEMO=0)
    for (const path of ["/app", "/app/warehouses", "/app/settings/export", "/app/carriers"]) {
      // WHEN a browser opens an admin page without Shopify's session token
      const response = await fetch(new URL(path, inject("appUrl")), { redirect: "manual", headers: BROWSER });
      const body = await response.text();
      // THEN it is sent to Shopify's login, never answered with a shop's configuration
      expect(response.status, path).toBe(302);
      expect(response.headers.get("Location"), path).toMatch(/^\/auth\/login/);
      expect(body).not.toContain("Edison");
    }
  });
});
