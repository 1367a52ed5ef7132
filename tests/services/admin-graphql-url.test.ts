import { beforeAll, describe, expect, it } from "vitest";

// The app's access tokens travel only to Shopify: the Admin endpoint is built for *.myshopify.com hosts only.
let adminGraphqlUrl: typeof import("../../app/services/admin/admin-graphql.server").adminGraphqlUrl;

beforeAll(async () => {
  // appEnv() needs credentials; demo mode supplies placeholders and no Admin API override.
  process.env.TAILROUTE_DEMO = "1";
  process.env.NODE_ENV = "test";
  delete process.env.SHOPIFY_ADMIN_API_BASE_URL;
  ({ adminGraphqlUrl } = await import("../../app/services/admin/admin-graphql.server"));
});

describe("Admin API endpoint (no SSRF through a shop string)", () => {
  it("builds the endpoint of a myshopify.com shop", () => {
    expect(adminGraphqlUrl("tailroute-demo.myshopify.com")).toBe(
      "https://tailroute-demo.myshopify.com/admin/api/2026-10/graphql.json",
    );
  });

  it.each(["evil.example.com", "shop.myshopify.com.evil.com", "shop.myshopify.com/#", "169.254.169.254", ""])(
    "refuses %j",
    (shop) => {
      expect(() => adminGraphqlUrl(shop)).toThrow(/not a Shopify shop domain/);
    },
  );

  it("uses an explicit fake Admin API (tests, demo) whatever the shop", () => {
    expect(adminGraphqlUrl("anything", "http://127.0.0.1:9999/")).toBe(
      "http://127.0.0.1:9999/admin/api/2026-10/graphql.json",
    );
  });
});
