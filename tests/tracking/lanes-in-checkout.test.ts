import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CarrierServiceRequest } from "../../app/contracts/carrier-service";
import { createPrismaClient } from "../../app/db.server";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { seedDemoShop } from "../../app/demo/seed.server";
import { createCallbackCache, rateWithEngine } from "../../app/services/carrier-service/callback.server";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { fixture } from "../support/fixtures";
import { freshTestDatabase } from "../support/test-database";

// Learned lanes reach the buyer: the checkout callback quotes from the shop's delivery history once a lane has
// enough deliveries (the engine's rule; tests/tracking/holds-and-lanes.test.ts covers the threshold itself).

const dir = mkdtempSync(join(tmpdir(), "tailroute-lanes-checkout-"));
const db = createPrismaClient(freshTestDatabase("lanes_checkout", dir));
const shop = demoShopConfig.shop;
const now = new Date("2026-11-16T15:00:00Z");
const request = CarrierServiceRequest.parse(fixture("engine/request-small-cart-dallas.json"));

beforeAll(() => seedDemoShop(db));
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

async function ratesFromAFreshCache() {
  const runtime = await createCallbackCache(db).byShop(shop);
  return rateWithEngine(runtime!, request, now).rates;
}

describe("learned lanes in the checkout callback", () => {
  it("promises the lane's observed transit once it has enough deliveries", async () => {
    // GIVEN the rates quoted from the carrier tables
    const before = await ratesFromAFreshCache();
    const economyBefore = before.find((r) => r.service_code === "TR_ECONOMY")!;
    // WHEN every lane from the demo warehouses to ZIP3 752 has 40 deliveries, all next-day
    const services = demoShopConfig.carrierServices.map((s) => s.id);
    for (const warehouse of demoShopConfig.warehouses) {
      for (const serviceId of services) {
        await db.deliveryLane.create({
          data: {
            shop,
            warehouseId: warehouse.id,
            serviceId,
            destZip3: "752",
            samples: 40,
            promisedSamples: 40,
            onTime: 40,
            histogram: { "1": 40 },
            p50Days: 1,
            p90Days: 1,
          },
        });
      }
    }
    // THEN a newly loaded callback runtime promises an earlier latest delivery date
    const after = await ratesFromAFreshCache();
    const economyAfter = after.find((r) => r.service_code === "TR_ECONOMY")!;
    expect(economyAfter.max_delivery_date! < economyBefore.max_delivery_date!).toBe(true);
  });

  it("never lends one shop's delivery history to another", async () => {
    // GIVEN another shop with the same setup and no deliveries of its own
    const other = "lanes-other.myshopify.com";
    await saveShopConfig(db, { ...demoShopConfig, shop: other });
    // WHEN its callback runtime is loaded
    const runtime = await createCallbackCache(db).byShop(other);
    // THEN it carries no lanes (the first shop's lanes stay with the first shop)
    expect(runtime!.laneStats).toEqual([]);
    expect((await createCallbackCache(db).byShop(shop))!.laneStats.length).toBeGreaterThan(0);
  });
});
