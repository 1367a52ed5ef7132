import { describe, expect, inject, it } from "vitest";
import { DEMO_DEFAULTS, readAppEnv } from "../../app/config/env.server";
import { demoSessionAllowed, demoSessionRefusal } from "../../app/services/admin/demo-session";

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

  // What `npm run demo` runs with, and a browser on the same machine.
  const DEMO_ENV = { demo: true, nodeEnv: "demo", apiSecret: DEMO_DEFAULTS.SHOPIFY_API_SECRET };
  const local = (url = "http://localhost:3000/app", headers: Record<string, string> = {}) =>
    new Request(url, { headers });

  it("is open to a local browser of the demo, and only then", () => {
    for (const url of [
      "http://localhost:3000/app",
      "http://127.0.0.1:41234/app",
      "http://[::1]:3000/app",
      "http://tailroute.localhost:3000/app",
    ])
      expect(demoSessionRefusal(DEMO_ENV, local(url)), url).toBeNull();
    expect(demoSessionAllowed(DEMO_ENV, local())).toBe(true);
  });

  it("is refused without the demo flag", () => {
    expect(demoSessionRefusal({ ...DEMO_ENV, demo: false }, local())).toBe("not-demo");
  });

  it("is refused by the admin context itself in production, whatever the flag says", () => {
    expect(demoSessionRefusal({ ...DEMO_ENV, nodeEnv: "production" }, local())).toBe("production");
    expect(demoSessionAllowed({ ...DEMO_ENV, nodeEnv: "production" }, local())).toBe(false);
  });

  it("is refused when a real Shopify secret is configured, even with the flag on and NODE_ENV unset", () => {
    // GIVEN `npm start` with real credentials and TAILROUTE_DEMO=1 left over (NODE_ENV not set at all)
    const env = readAppEnv({ TAILROUTE_DEMO: "1", SHOPIFY_API_KEY: "key", SHOPIFY_API_SECRET: "shpss_real" });
    expect(env.nodeEnv).not.toBe("production");
    // THEN the demo session stays closed
    expect(demoSessionRefusal(env, local())).toBe("real-credentials");
    // …while the same flag without credentials (the demo's placeholders) opens it
    expect(demoSessionRefusal(readAppEnv({ TAILROUTE_DEMO: "1" }), local())).toBeNull();
  });

  it("is refused to a request addressed to a non-loopback host", () => {
    for (const url of [
      "https://tailroute.example.com/app",
      "http://192.168.1.20:3000/app",
      "http://10.0.0.5:3000/app",
      "http://localhost.example.com/app",
      "http://127.0.0.1.nip.io/app",
    ])
      expect(demoSessionRefusal(DEMO_ENV, local(url)), url).toBe("not-loopback");
  });

  it("is refused to a request that came through a proxy or tunnel", () => {
    for (const header of ["X-Forwarded-For", "X-Forwarded-Host", "Forwarded", "X-Real-IP"])
      expect(demoSessionRefusal(DEMO_ENV, local(undefined, { [header]: "203.0.113.7" })), header).toBe(
        "proxied",
      );
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
