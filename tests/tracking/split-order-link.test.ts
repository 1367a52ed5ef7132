import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { FulfillmentsCreatePayload } from "../../app/contracts/tracking-fulfillment-webhook";
import { createPrismaClient } from "../../app/db.server";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { deliveryPerformance } from "../../app/services/tracking/delivery-performance.server";
import { linkFulfillment } from "../../app/services/tracking/shipment-link.server";
import { fixture } from "../support/fixtures";
import { freshTestDatabase } from "../support/test-database";

// A split order ships twice with the same carrier from two warehouses. Each of Shopify's fulfillments must inherit
// the lane and promise of the shipment it is (by its location, then its line items), not the first UPS shipment.
const dir = mkdtempSync(join(tmpdir(), "tailroute-split-link-"));
const url = freshTestDatabase("split_order_link", dir);
const db = createPrismaClient(url);
const shop = "split-order-link.myshopify.com";
const NOW = new Date("2026-11-30T12:00:00Z");
const EDISON_LOCATION = "71234567001";
const ONTARIO_LOCATION = "71234567003";
const MUG = "44800000000001";
const TEE = "44800000000002";

afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await db.shipment.deleteMany({ where: { shop } });
  await db.routingDecision.deleteMany({ where: { shop } });
  await saveShopConfig(db, { ...demoShopConfig, shop });
  await db.warehouse.updateMany({
    where: { shop, key: "edison-nj" },
    data: { shopifyLocationId: `gid://shopify/Location/${EDISON_LOCATION}` },
  });
  await db.warehouse.updateMany({
    where: { shop, key: "ontario-ca" },
    data: { shopifyLocationId: `gid://shopify/Location/${ONTARIO_LOCATION}` },
  });
});

const shipmentOf = (warehouseId: string, variantId: string, maxDate: string, costCents: number) => ({
  warehouseId,
  carrier: "UPS",
  serviceId: "ups-ground",
  serviceName: "UPS Ground",
  costCents,
  shipDate: "2026-11-24",
  packages: [{ contents: [{ variantId, quantity: 1 }] }],
  delivery: { minDate: "2026-11-26", maxDate, timeZone: "America/Los_Angeles" },
});

/** The decision orders/create stores for a split: the mug by UPS from Edison, the tee by UPS from Ontario. */
async function splitOrder(orderId: string) {
  await db.routingDecision.create({
    data: {
      shop,
      orderId,
      orderName: "#1042",
      status: "APPLIED",
      serviceCode: "TR_STANDARD",
      plan: {
        shipments: [
          shipmentOf("edison-nj", MUG, "2026-12-01", 1_640),
          shipmentOf("ontario-ca", TEE, "2026-11-27", 980),
        ],
      },
      reasons: [],
      actions: [],
      input: { destination: { zip: "90012", country: "US" } },
    },
  });
}

/** Shopify's fulfillment of part of the order, from one location, with its line items. */
function fulfillment(
  trackingNumber: string,
  locationId: string | null,
  lines: { variantId: string; quantity: number }[],
) {
  const base = fixture("tracking/fulfillments-create.json") as Record<string, unknown>;
  return FulfillmentsCreatePayload.parse({
    ...base,
    id: 4812736459000 + Number(trackingNumber.slice(-2)),
    admin_graphql_api_id: `gid://shopify/Fulfillment/${4812736459000 + Number(trackingNumber.slice(-2))}`,
    tracking_number: trackingNumber,
    tracking_numbers: [trackingNumber],
    location_id: locationId,
    line_items: lines.map((l, i) => ({
      id: 1394512345600 + i,
      variant_id: l.variantId,
      quantity: l.quantity,
    })),
  });
}

describe("a split order's fulfillments find their own planned shipment", () => {
  it("by the fulfillment's location: the Ontario parcel learns Ontario's lane and promise", async () => {
    // GIVEN an order split into two UPS shipments, Edison first in the plan
    const payload = fulfillment("1ZSPLIT000000002", ONTARIO_LOCATION, [{ variantId: TEE, quantity: 1 }]);
    await splitOrder(`gid://shopify/Order/${payload.order_id}`);
    // WHEN Shopify reports the fulfillment from the Ontario location
    await linkFulfillment(db, shop, payload, NOW);
    // THEN the shipment carries Ontario's warehouse, cost and promised latest day, not Edison's
    const shipment = await db.shipment.findFirstOrThrow({
      where: { shop, trackingNumber: "1ZSPLIT000000002" },
    });
    expect(shipment).toMatchObject({ warehouseId: "ontario-ca", outboundCostCents: 980 });
    expect(shipment.promisedMaxDate?.toISOString()).toBe("2026-11-27T00:00:00.000Z");
  });

  it("by its line items when the location names no planned warehouse", async () => {
    // GIVEN the same split, and a fulfillment without a location (or from a location no warehouse mirrors)
    const payload = fulfillment("1ZSPLIT000000003", null, [{ variantId: TEE, quantity: 1 }]);
    await splitOrder(`gid://shopify/Order/${payload.order_id}`);
    // WHEN it is linked
    await linkFulfillment(db, shop, payload, NOW);
    // THEN the tee's shipment (Ontario) is the one it inherits
    const shipment = await db.shipment.findFirstOrThrow({
      where: { shop, trackingNumber: "1ZSPLIT000000003" },
    });
    expect(shipment.warehouseId).toBe("ontario-ca");
  });

  it("keeps the first shipment of the carrier when nothing else tells them apart", async () => {
    // GIVEN a fulfillment with neither a known location nor line items of the plan
    const payload = fulfillment("1ZSPLIT000000004", "99999", []);
    await splitOrder(`gid://shopify/Order/${payload.order_id}`);
    // WHEN it is linked THEN it falls back to the first UPS shipment, as before
    await linkFulfillment(db, shop, payload, NOW);
    const shipment = await db.shipment.findFirstOrThrow({
      where: { shop, trackingNumber: "1ZSPLIT000000004" },
    });
    expect(shipment.warehouseId).toBe("edison-nj");
  });
});

describe("on time is judged on the buyer's calendar", () => {
  it("counts an evening delivery on the promised day in Los Angeles as on time", async () => {
    // GIVEN an order promised by Fri Nov 27 to Los Angeles, delivered that Friday at 7 p.m. local (03:00 UTC Saturday)
    const payload = fulfillment("1ZSPLIT000000005", ONTARIO_LOCATION, [{ variantId: TEE, quantity: 1 }]);
    await splitOrder(`gid://shopify/Order/${payload.order_id}`);
    await linkFulfillment(db, shop, payload, NOW);
    await db.shipment.updateMany({
      where: { shop, trackingNumber: "1ZSPLIT000000005" },
      data: {
        status: "DELIVERED",
        statusAt: new Date("2026-11-28T03:00:00Z"),
        deliveredAt: new Date("2026-11-28T03:00:00Z"),
        promisedMaxDate: new Date("2026-11-27T00:00:00Z"),
        destTimeZone: "America/Los_Angeles",
      },
    });
    // WHEN the home's delivery performance is read
    const performance = await deliveryPerformance(db, shop);
    // THEN the delivery counts as on time
    expect(performance.onTimeByService).toEqual([{ serviceCode: "TR_STANDARD", delivered: 1, onTime: 1 }]);
  });
});
