import { Prisma } from "@prisma/client";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { SHOP_SCOPED_MODELS } from "../../app/services/shop/lifecycle.server";
import { deliverWebhook } from "../../scripts/lib/signed-webhook";
import { NEW_SHOP_SETTINGS } from "../../app/services/shop/config-store.server";
import { appDatabase } from "../support/app-database";
import { fixture } from "../support/fixtures";

const db = appDatabase();
afterAll(() => db.$disconnect());

const shop = "lifecycle-test.myshopify.com";
const otherShop = "lifecycle-bystander.myshopify.com";

async function seedShop(domain: string) {
  await db.shop.create({ data: { shop: domain, ...NEW_SHOP_SETTINGS } });
  await db.session.create({
    data: { id: `offline_${domain}`, shop: domain, state: "x", isOnline: false, accessToken: "shpat_test" },
  });
  await db.warehouse.create({
    data: {
      shop: domain,
      key: "dallas",
      name: "Dallas",
      address1: "1 Main St",
      city: "Dallas",
      province: "TX",
      zip: "75261",
      timeZone: "America/Chicago",
    },
  });
  await db.routingDecision.create({
    data: {
      shop: domain,
      orderId: "gid://shopify/Order/299938",
      plan: {},
      reasons: [],
      actions: [],
      pickupPoint: { id: "L1" },
      input: {
        orderId: "gid://shopify/Order/299938",
        destination: {
          country: "US",
          zip: "80202",
          state: "CO",
          city: "Denver",
          addressLines: ["1600 Glenarm Pl", "Apt 4"],
          company: "Buyer Co",
        },
      },
    },
  });
}

beforeEach(async () => {
  for (const domain of [shop, otherShop]) {
    await db.trackingPush.deleteMany({ where: { shop: domain } });
    await db.trackingEvent.deleteMany({ where: { shop: domain } });
    await db.shipment.deleteMany({ where: { shop: domain } });
    await db.routingDecision.deleteMany({ where: { shop: domain } });
    await db.warehouse.deleteMany({ where: { shop: domain } });
    await db.session.deleteMany({ where: { shop: domain } });
    await db.shop.deleteMany({ where: { shop: domain } });
    await seedShop(domain);
  }
});

const deliver = (path: string, topic: string, body: unknown) =>
  deliverWebhook(inject("appUrl"), path, { topic, shop, body, secret: inject("appApiSecret") });

describe("app lifecycle and compliance webhooks", () => {
  it("app/uninstalled deletes the shop's sessions, keeps its setup, and leaves other shops alone", async () => {
    // WHEN the app is uninstalled from one shop
    const response = await deliver(
      "/webhooks/app/uninstalled",
      "app/uninstalled",
      fixture("shopify/app-uninstalled.json"),
    );
    // THEN its sessions are gone and the shop is marked uninstalled, its warehouses kept for a reinstall
    expect(response.status).toBe(200);
    expect(await db.session.count({ where: { shop } })).toBe(0);
    expect((await db.shop.findUniqueOrThrow({ where: { shop } })).uninstalledAt).not.toBeNull();
    expect(await db.warehouse.count({ where: { shop } })).toBe(1);
    expect(await db.session.count({ where: { shop: otherShop } })).toBe(1);
  });

  it("ignores an app/uninstalled that was triggered before the shop's latest install", async () => {
    // GIVEN a shop reinstalled just now, and Shopify delivering the previous uninstall late
    await db.shop.update({ where: { shop }, data: { installedAt: new Date() } });
    const response = await deliverWebhook(inject("appUrl"), "/webhooks/app/uninstalled", {
      topic: "app/uninstalled",
      shop,
      body: fixture("shopify/app-uninstalled.json"),
      secret: inject("appApiSecret"),
      triggeredAt: new Date(Date.now() - 60_000),
    });
    // THEN it is acknowledged and changes nothing
    expect(response.status).toBe(200);
    expect(await db.session.count({ where: { shop } })).toBe(1);
    expect((await db.shop.findUniqueOrThrow({ where: { shop } })).uninstalledAt).toBeNull();
  });

  it("shop/redact knows every shop-scoped table of the schema", () => {
    // GIVEN the schema's models that carry a `shop` column
    const scoped = Prisma.dmmf.datamodel.models
      .filter((model) => model.fields.some((field) => field.name === "shop"))
      .map((model) => model.name)
      .sort();
    // THEN the erase list names exactly those (a new model must be added there)
    expect([...SHOP_SCOPED_MODELS].sort()).toEqual(scoped);
  });

  it("shop/redact removes every row of that shop and nothing of another", async () => {
    await db.callbackFailure.create({ data: { shop, reason: "ENGINE_ERROR", answeredBy: "FALLBACK_RATES" } });
    // WHEN Shopify asks to erase the shop
    const response = await deliver(
      "/webhooks/shop/redact",
      "shop/redact",
      fixture("shopify/shop-redact.json"),
    );
    // THEN nothing of it remains, and the bystander shop is untouched
    expect(response.status).toBe(200);
    expect(await db.shop.count({ where: { shop } })).toBe(0);
    expect(await db.warehouse.count({ where: { shop } })).toBe(0);
    expect(await db.routingDecision.count({ where: { shop } })).toBe(0);
    expect(await db.session.count({ where: { shop } })).toBe(0);
    expect(await db.callbackFailure.count({ where: { shop } })).toBe(0);
    expect(await db.warehouse.count({ where: { shop: otherShop } })).toBe(1);
    expect(await db.routingDecision.count({ where: { shop: otherShop } })).toBe(1);
  });

  it("customers/data_request returns what is held for the requested orders of that shop only", async () => {
    for (const domain of [shop, otherShop]) {
      const parcel = await db.shipment.create({
        data: {
          shop: domain,
          orderId: "gid://shopify/Order/299938",
          carrier: "UPS",
          trackingNumber: domain === shop ? "1Z-DATA-REQUEST" : "1Z-BYSTANDER",
        },
      });
      await db.trackingEvent.create({
        data: {
          shop: domain,
          shipmentId: parcel.id,
          status: "DELIVERED",
          rawCode: "D",
          occurredAt: new Date("2026-11-20T15:00:00Z"),
          dedupeKey: "d1",
          location: "Denver, CO",
          description: "Left at the side door",
        },
      });
    }
    // WHEN Shopify relays a buyer's data request for orders 299938 and 280263
    const response = await deliver(
      "/webhooks/customers/data_request",
      "customers/data_request",
      fixture("shopify/customers-data-request.json"),
    );
    // THEN the answer lists this shop's decision for order 299938 and nothing of the other shop
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      decisions: { orderId: string; destination: { addressLines: string[] } }[];
      shipments: {
        trackingNumber: string;
        events: { location: string | null; description: string | null }[];
      }[];
    };
    expect(report.decisions.map((d) => d.orderId)).toEqual(["gid://shopify/Order/299938"]);
    // ... including the shipping address the stored routing input holds
    expect(report.decisions[0].destination.addressLines).toEqual(["1600 Glenarm Pl", "Apt 4"]);
    // ... and the parcel's scans with the places and carrier texts that can describe the buyer's home
    expect(report.shipments.map((s) => s.trackingNumber)).toEqual(["1Z-DATA-REQUEST"]);
    expect(report.shipments[0].events).toEqual([
      expect.objectContaining({ location: "Denver, CO", description: "Left at the side door" }),
    ]);
  });

  it("customers/redact removes the buyer's address, pickup choice and scan locations from this shop's orders only", async () => {
    const shipment = await db.shipment.create({
      data: {
        shop,
        orderId: "gid://shopify/Order/299938",
        carrier: "UPS",
        trackingNumber: "1Z999",
        pickupPointId: "L1",
      },
    });
    await db.trackingEvent.create({
      data: {
        shop,
        shipmentId: shipment.id,
        status: "IN_TRANSIT",
        rawCode: "I",
        occurredAt: new Date(),
        dedupeKey: "k1",
        location: "Denver, CO",
        description: "Left with J. Smith at the front door",
      },
    });
    const scan = await db.trackingEvent.findFirstOrThrow({ where: { shipmentId: shipment.id } });
    await db.trackingPush.create({
      data: {
        shop,
        shipmentId: shipment.id,
        kind: "FULFILLMENT_EVENT",
        key: `fe:${scan.id}`,
        payload: {
          status: "IN_TRANSIT",
          happenedAt: "2026-11-20T15:00:00.000Z",
          estimatedDeliveryAt: null,
          message: "In transit: Left with J. Smith at the front door",
        },
      },
    });
    // WHEN Shopify asks to redact the buyer's orders
    const response = await deliver(
      "/webhooks/customers/redact",
      "customers/redact",
      fixture("shopify/customers-redact.json"),
    );
    // THEN the pickup point is gone for this shop and kept for the other
    expect(response.status).toBe(200);
    const mine = await db.routingDecision.findFirstOrThrow({ where: { shop } });
    const theirs = await db.routingDecision.findFirstOrThrow({ where: { shop: otherShop } });
    expect(mine.pickupPoint).toBeNull();
    expect(theirs.pickupPoint).toEqual({ id: "L1" });
    // ... the street address, company and city are gone, the ZIP stays for delivery statistics
    expect((mine.input as { destination: unknown }).destination).toEqual({
      country: "US",
      zip: "80202",
      state: "CO",
      addressLines: [],
    });
    expect(JSON.stringify(mine.input)).not.toMatch(/Glenarm|Buyer Co|Denver/);
    expect(JSON.stringify(theirs.input)).toMatch(/Glenarm/);
    expect((await db.shipment.findUniqueOrThrow({ where: { id: shipment.id } })).pickupPointId).toBeNull();
    const event = await db.trackingEvent.findFirstOrThrow({ where: { shipmentId: shipment.id } });
    expect(event.location).toBeNull();
    expect(event.description).toBeNull();
    // ... and the fulfillment event recorded for Shopify keeps its status but not the carrier's text
    const push = await db.trackingPush.findFirstOrThrow({ where: { shop, shipmentId: shipment.id } });
    expect(push.payload).toMatchObject({ status: "IN_TRANSIT", message: "In transit" });
  });

  it("a compliance payload of the wrong shape gets a 400 with a reason", async () => {
    // WHEN a signed customers/redact arrives without orders_to_redact' customer
    const response = await deliver("/webhooks/customers/redact", "customers/redact", { shop_domain: shop });
    // THEN it is refused with a reason
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/customers\/redact/);
  });
});
