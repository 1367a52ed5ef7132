import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { freshTestDatabase } from "../support/test-database";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import { registerCarrierService } from "../../app/services/carrier-service/registration.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";

const dir = mkdtempSync(join(tmpdir(), "tailroute-registration-"));
const db = createPrismaClient(freshTestDatabase("registration", dir));
const admin = new FakeShopifyAdmin();
const shop = "registration-test.myshopify.com";
const appUrl = "https://tailroute.example";

beforeAll(() => admin.start());
afterAll(async () => {
  await admin.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  admin.calls.length = 0;
  await db.shop.deleteMany({ where: { shop } });
  await recordInstall(db, shop);
});

const client = () => adminGraphqlClient(shop, "shpat_fake", admin.url);
const created = (id: string) => ({
  carrierServiceCreate: { carrierService: { id, active: true }, userErrors: [] },
});

describe("registerCarrierService", () => {
  it("creates an active 'Tailroute' service whose callback URL carries the shop's secret token", async () => {
    // GIVEN a shop with no carrier service yet
    admin.on("carrierServices", () => ({ carrierServices: { nodes: [] } }));
    admin.on("carrierServiceCreate", () => created("gid://shopify/DeliveryCarrierService/1"));
    // WHEN the app registers after install
    const result = await registerCarrierService(db, client(), shop, appUrl);
    // THEN Shopify got the documented input and the id is stored
    const { callbackToken, carrierServiceGid, carrierServiceError } = await db.shop.findUniqueOrThrow({
      where: { shop },
    });
    expect(result).toEqual({ ok: true, carrierServiceGid: "gid://shopify/DeliveryCarrierService/1" });
    expect(carrierServiceGid).toBe("gid://shopify/DeliveryCarrierService/1");
    expect(carrierServiceError).toBeNull();
    const [call] = admin.callsTo("carrierServiceCreate");
    expect(call.accessToken).toBe("shpat_fake");
    expect(call.path).toBe("/admin/api/2026-10/graphql.json");
    expect(call.variables.input).toEqual({
      name: "Tailroute",
      callbackUrl: `${appUrl}/api/carrier-service/${callbackToken}`,
      active: true,
      supportsServiceDiscovery: true,
    });
  });

  it("updates the existing service on reinstall instead of creating a second one", async () => {
    // GIVEN Shopify already has a Tailroute service for this shop
    admin.on("carrierServices", () => ({
      carrierServices: {
        nodes: [
          {
            id: "gid://shopify/DeliveryCarrierService/7",
            name: "Tailroute",
            callbackUrl: "https://old",
            active: false,
          },
        ],
      },
    }));
    admin.on("carrierServiceUpdate", () => ({
      carrierServiceUpdate: {
        carrierService: { id: "gid://shopify/DeliveryCarrierService/7", active: true },
        userErrors: [],
      },
    }));
    // WHEN the app registers
    await registerCarrierService(db, client(), shop, appUrl);
    // THEN it updated service 7, reactivated
    expect(admin.callsTo("carrierServiceCreate")).toHaveLength(0);
    const [call] = admin.callsTo("carrierServiceUpdate");
    expect(call.variables.input).toMatchObject({
      id: "gid://shopify/DeliveryCarrierService/7",
      active: true,
    });
  });

  it("recovers when the stored service was deleted in Shopify: finds or creates it afresh", async () => {
    // GIVEN a stored id whose service no longer exists
    await db.shop.update({
      where: { shop },
      data: { carrierServiceGid: "gid://shopify/DeliveryCarrierService/404" },
    });
    admin.on("carrierServiceUpdate", () => ({
      carrierServiceUpdate: {
        carrierService: null,
        userErrors: [{ field: ["input", "id"], message: "Carrier service not found" }],
      },
    }));
    admin.on("carrierServices", () => ({ carrierServices: { nodes: [] } }));
    admin.on("carrierServiceCreate", () => created("gid://shopify/DeliveryCarrierService/9"));
    // WHEN the app registers
    const result = await registerCarrierService(db, client(), shop, appUrl);
    // THEN a new service is created and its id replaces the stale one
    expect(result).toEqual({ ok: true, carrierServiceGid: "gid://shopify/DeliveryCarrierService/9" });
    expect((await db.shop.findUniqueOrThrow({ where: { shop } })).carrierServiceGid).toBe(
      "gid://shopify/DeliveryCarrierService/9",
    );
  });

  it("stores Shopify's userErrors (e.g. a plan without carrier-calculated shipping) for the admin", async () => {
    // GIVEN a store whose plan cannot use carrier-calculated shipping
    admin.on("carrierServices", () => ({ carrierServices: { nodes: [] } }));
    admin.on("carrierServiceCreate", () => ({
      carrierServiceCreate: {
        carrierService: null,
        userErrors: [
          {
            field: null,
            message:
              "Carrier Calculated Shipping must be enabled for your store before you can create a carrier service",
          },
        ],
      },
    }));
    // WHEN the app registers
    const result = await registerCarrierService(db, client(), shop, appUrl);
    // THEN the error is kept on the shop, no id is stored
    expect(result.ok).toBe(false);
    const row = await db.shop.findUniqueOrThrow({ where: { shop } });
    expect(row.carrierServiceGid).toBeNull();
    expect(row.carrierServiceError).toMatch(/Carrier Calculated Shipping must be enabled/);
  });
});
