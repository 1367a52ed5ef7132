import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoShopConfig, DEMO_VARIANTS } from "../../app/demo/demo-shop-config";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { deliverWebhook, shopifyHmac } from "../../scripts/lib/signed-webhook";
import { appDatabase } from "../support/app-database";
import { fixture } from "../support/fixtures";

// The real app over real HTTP (tests/support/global-setup.ts): a signed inventory_levels/update changes the next
// checkout callback's warehouse.
const db = appDatabase();
const shop = "stock-http.myshopify.com";
const LOCATION = { "edison-nj": 3001, "dallas-tx": 3002, "ontario-ca": 3003 };
const MUG_ITEM = 41;
const TEE_ITEM = 43;
const variant = (id: string) => `gid://shopify/ProductVariant/${id}`;

beforeAll(async () => {
  await saveShopConfig(db, { ...demoShopConfig, shop });
  for (const [key, n] of Object.entries(LOCATION)) {
    const locationId = `gid://shopify/Location/${n}`;
    await db.warehouse.updateMany({ where: { shop, key }, data: { shopifyLocationId: locationId } });
    // GIVEN (every test) a full sync stored 50 mugs and 50 tees at each warehouse
    for (const [item, v] of [
      [MUG_ITEM, DEMO_VARIANTS.mug],
      [TEE_ITEM, DEMO_VARIANTS.tee],
    ] as const) {
      await db.warehouseStock.create({
        data: {
          shop,
          locationId,
          inventoryItemId: `gid://shopify/InventoryItem/${item}`,
          variantId: variant(v),
          available: 50,
          levelUpdatedAt: new Date("2026-12-01T10:00:00Z"),
        },
      });
    }
  }
});
afterAll(() => db.$disconnect());

const cart = JSON.stringify(fixture("engine/request-small-cart-dallas.json"));
async function descriptions(): Promise<string[]> {
  const response = await fetch(new URL("/api/carrier-service", inject("appUrl")), {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": shopifyHmac(cart, inject("appApiSecret")),
      "X-Shopify-Shop-Domain": shop,
    },
    body: cart,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { rates: { description: string }[] }).rates.map((r) => r.description);
}
const level = (location: number, item: number, available: number | null, updatedAt: string) => ({
  inventory_item_id: item,
  location_id: location,
  available,
  updated_at: updatedAt,
  admin_graphql_api_id: `gid://shopify/InventoryLevel/${location}?inventory_item_id=${item}`,
});
const post = (body: unknown, secret = inject("appApiSecret")) =>
  deliverWebhook(inject("appUrl"), "/webhooks/inventory_levels/update", {
    topic: "inventory_levels/update",
    shop,
    body,
    secret,
  });

describe("POST /webhooks/inventory_levels/update", () => {
  it("moves the next checkout quote to another warehouse when Dallas runs out", async () => {
    // GIVEN a Dallas buyer is quoted from Dallas
    const before = await descriptions();
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((d) => d.startsWith("Ships from Dallas, TX"))).toBe(true);
    // WHEN Shopify reports Dallas has no mugs left
    const response = await post(level(LOCATION["dallas-tx"], MUG_ITEM, 0, "2026-12-06T09:00:00-05:00"));
    // THEN the webhook is acknowledged and the next quote ships from elsewhere
    expect(response.status).toBe(200);
    const after = await descriptions();
    expect(after.length).toBeGreaterThan(0);
    expect(after.some((d) => d.includes("Dallas"))).toBe(false);
  });

  it("ignores an older delivery that arrives after a newer one", async () => {
    // GIVEN Dallas's tee level was updated at 14:00 UTC
    expect((await post(level(LOCATION["dallas-tx"], TEE_ITEM, 5, "2026-12-06T14:00:00Z"))).status).toBe(200);
    // WHEN a delivery from 13:00 UTC arrives late
    expect((await post(level(LOCATION["dallas-tx"], TEE_ITEM, 40, "2026-12-06T13:00:00Z"))).status).toBe(200);
    // THEN the 14:00 quantity stays
    const row = await db.warehouseStock.findFirstOrThrow({
      where: {
        shop,
        locationId: "gid://shopify/Location/3002",
        inventoryItemId: "gid://shopify/InventoryItem/43",
      },
    });
    expect(row.available).toBe(5);
  });

  it("stores nothing for a location no warehouse mirrors, and still answers 200", async () => {
    const response = await post(level(9999, MUG_ITEM, 3, "2026-12-06T14:00:00Z"));
    expect(response.status).toBe(200);
    expect(
      await db.warehouseStock.count({ where: { shop, locationId: "gid://shopify/Location/9999" } }),
    ).toBe(0);
  });

  it("refuses a bad HMAC with 401 and a malformed payload with 400 naming the field", async () => {
    const forged = await post(
      level(LOCATION["edison-nj"], MUG_ITEM, 0, "2026-12-06T15:00:00Z"),
      "not-our-secret",
    );
    expect(forged.status).toBe(401);
    const malformed = await post({ inventory_item_id: MUG_ITEM, location_id: 3001, updated_at: "yesterday" });
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toMatch(/available|updated_at/);
    const edison = await db.warehouseStock.findFirstOrThrow({
      where: {
        shop,
        locationId: "gid://shopify/Location/3001",
        inventoryItemId: "gid://shopify/InventoryItem/41",
      },
    });
    expect(edison.available).toBe(50);
  });
});

describe("a cart that Shopify accepts always gets rates", () => {
  it("quotes 500 mugs to Chicago as a backorder with the shop's backorder days in the description", async () => {
    // GIVEN the shop adds 4 business days to backorders, and no warehouse holds 500 mugs (50 each)
    await db.shop.update({ where: { shop }, data: { backorderDays: 4, configVersion: { increment: 1 } } });
    const base = fixture<{ rate: Record<string, unknown> & { items: Record<string, unknown>[] } }>(
      "engine/request-small-cart-dallas.json",
    );
    const body = JSON.stringify({
      rate: {
        ...base.rate,
        destination: {
          ...(base.rate.destination as object),
          city: "Chicago",
          province: "IL",
          postal_code: "60601",
        },
        items: [{ ...base.rate.items[0], quantity: 500 }],
      },
    });
    // WHEN Shopify asks for rates (after the config version bump the cache reloads within its period)
    await new Promise((r) => setTimeout(r, 1100));
    const response = await fetch(new URL("/api/carrier-service", inject("appUrl")), {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Hmac-Sha256": shopifyHmac(body, inject("appApiSecret")),
        "X-Shopify-Shop-Domain": shop,
      },
      body,
    });
    // THEN rates come back, each saying it is backordered by 4 business days
    expect(response.status).toBe(200);
    const { rates } = (await response.json()) as { rates: { description: string }[] };
    expect(rates.length).toBeGreaterThan(0);
    for (const r of rates) expect(r.description).toMatch(/backordered: ships 4 business days later/);
  });
});
