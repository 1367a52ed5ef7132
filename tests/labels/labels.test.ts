import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { sealSecret } from "../../app/config/secret-box.server";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import { createProvider } from "../../app/services/carrier-accounts";
import { checkOrderAddress, ORDERS_ADDRESS_TAG } from "../../app/services/labels/address-check.server";
import {
  labelFileForShop,
  requestLabels,
  requestLabelVoid,
  runLabelPurchase,
  runLabelRefund,
} from "../../app/services/labels/label-purchase.server";
import { eraseShop } from "../../app/services/shop/lifecycle.server";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { FakeOrderShop } from "../../scripts/lib/fake-order-shop";
import { EASYPOST_FAKE_KEY, startEasyPostFake, type EasyPostFake } from "../support/fakes/easypost-fake";
import { freshTestDatabase } from "../support/test-database";

// Address checks and labels on a real database (SQLite; PostgreSQL under TAILROUTE_TEST_DATABASE=postgres), the
// EasyPost fake through the official SDK and the fake Admin API: the address check's outcomes, a label bought
// once however often the job is retried (even when the provider's answer was lost), the Shopify fulfillment with
// tracking, the tracker with the shop's webhook, the refund, and files that only their shop can read.

process.env.SHOPIFY_API_SECRET ??= "labels-test-secret";
const SHOP = "labels-a.myshopify.com";
const OTHER = "labels-b.myshopify.com";
const ORDER = "gid://shopify/Order/7001";
const DALLAS_LOCATION = "gid://shopify/Location/11";
const dir = mkdtempSync(join(tmpdir(), "tailroute-labels-"));
const db = createPrismaClient(freshTestDatabase("labels", dir));
let easyPost: EasyPostFake;
const admin = new FakeShopifyAdmin();
let shopify: FakeOrderShop;
const fulfillments: { fulfillmentOrderId: string; trackingInfo: unknown }[] = [];
/** fulfillmentCancel calls, by fulfillment id (Shopify refuses to cancel one twice). */
const cancelled: string[] = [];
let decisionId = "";

const deps = () => ({
  clientFor: async (shop: string) => adminGraphqlClient(shop, "shpat_test", admin.url),
  appUrl: "https://tailroute.example",
  now: () => new Date("2026-12-07T15:00:00Z"),
});

beforeAll(async () => {
  easyPost = await startEasyPostFake();
  await admin.start();
  for (const shop of [SHOP, OTHER])
    await db.carrierAccount.create({
      data: {
        shop,
        provider: "EASYPOST",
        label: "Main",
        apiKeySealed: sealSecret(EASYPOST_FAKE_KEY),
        apiKeyHint: "…0001",
        apiBaseUrl: easyPost.baseUrl,
        status: "OK",
      },
    });
  await db.warehouse.create({
    data: {
      shop: SHOP,
      key: "dallas",
      name: "Dallas",
      address1: "100 Main St",
      city: "Dallas",
      province: "TX",
      zip: "75201",
      timeZone: "America/Chicago",
      shopifyLocationId: DALLAS_LOCATION,
    },
  });
  const packages = [
    { lengthIn: 12, widthIn: 10, heightIn: 6, weightOz: 40 },
    { lengthIn: 10, widthIn: 8, heightIn: 4, weightOz: 20 },
  ];
  decisionId = (
    await db.routingDecision.create({
      data: {
        shop: SHOP,
        orderId: ORDER,
        orderName: "#7001",
        status: "APPLIED",
        serviceCode: "STANDARD",
        carrier: "UPS",
        service: "UPS Ground",
        promisedMinDate: new Date("2026-12-10T00:00:00Z"),
        promisedMaxDate: new Date("2026-12-11T00:00:00Z"),
        plan: { shipments: [{ warehouseId: "dallas", serviceId: "ups-ground", packages }] },
        reasons: [],
        actions: [],
        input: {
          orderId: ORDER,
          orderName: "#7001",
          cart: [],
          destination: {
            country: "US",
            zip: "80202",
            state: "CO",
            city: "Denver",
            addressLines: ["1600 Blake St"],
          },
          requestedServiceCode: null,
          shippingLineTitle: null,
          orderValueCents: 5000,
          pickupPoint: null,
        },
      },
    })
  ).id;
});
afterAll(async () => {
  await Promise.all([easyPost.close(), admin.stop()]);
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  easyPost.reset();
  admin.reset();
  shopify = new FakeOrderShop(admin).install();
  shopify.orderId = ORDER;
  shopify.fulfillmentOrders = [
    {
      id: "gid://shopify/FulfillmentOrder/1",
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      locationId: DALLAS_LOCATION,
      lines: [],
    },
  ];
  admin.on("fulfillmentCreate", (call) => {
    const f = call.variables.fulfillment as {
      lineItemsByFulfillmentOrder: { fulfillmentOrderId: string }[];
      trackingInfo: unknown;
    };
    const fo = shopify.fulfillmentOrders.find(
      (x) => x.id === f.lineItemsByFulfillmentOrder[0].fulfillmentOrderId,
    )!;
    fo.status = "CLOSED";
    fulfillments.push({ fulfillmentOrderId: fo.id, trackingInfo: f.trackingInfo });
    return {
      fulfillmentCreate: {
        fulfillment: { id: `gid://shopify/Fulfillment/${fulfillments.length}`, status: "SUCCESS" },
        userErrors: [],
      },
    };
  });
  admin.on("fulfillmentCancel", (call) => {
    const id = String(call.variables.id);
    if (cancelled.includes(id))
      return {
        fulfillmentCancel: {
          fulfillment: null,
          userErrors: [{ field: ["id"], message: "Fulfillment is already cancelled" }],
        },
      };
    cancelled.push(id);
    // The fulfilled items get a fulfillment order again (here: the one the label closed reopens).
    const fo = shopify.fulfillmentOrders.find((x) => x.status === "CLOSED");
    if (fo) fo.status = "OPEN";
    return { fulfillmentCancel: { fulfillment: { id, status: "CANCELLED" }, userErrors: [] } };
  });
});

const destination = (street: string) => ({
  country: "US",
  zip: "80202",
  state: "CO",
  city: "Denver",
  addressLines: [street],
});

describe("address check when an order is routed", () => {
  it("records a deliverable residential address with its ZIP+4", async () => {
    const outcome = await checkOrderAddress(db, SHOP, "gid://shopify/Order/1", destination("1600 Blake St"));
    expect(outcome).toEqual({ status: "OK", residential: true, zip4: "80202-1234", poBox: false });
  });

  it("records a PO box and a commercial suite", async () => {
    expect(
      await checkOrderAddress(db, SHOP, "gid://shopify/Order/2", destination("PO Box 4410")),
    ).toMatchObject({
      status: "OK",
      poBox: true,
    });
    expect(
      await checkOrderAddress(db, SHOP, "gid://shopify/Order/3", destination("1600 Blake St Suite 200")),
    ).toMatchObject({ status: "OK", residential: false });
  });

  it("makes an undeliverable address UNDELIVERABLE with the carrier's reason and queues the order's tag once", async () => {
    const order = "gid://shopify/Order/4";
    const outcome = await checkOrderAddress(db, SHOP, order, destination("1 Nowhere Rd"));
    await checkOrderAddress(db, SHOP, order, destination("1 Nowhere Rd"));
    expect(outcome).toEqual({ status: "UNDELIVERABLE", reason: "Address not found" });
    expect(await db.addressCheck.findFirst({ where: { shop: SHOP, orderId: order } })).toMatchObject({
      status: "UNDELIVERABLE",
      reason: "Address not found",
    });
    expect(await db.job.count({ where: { shop: SHOP, kind: ORDERS_ADDRESS_TAG } })).toBe(1);
  });

  it("skips the check with the reason when EasyPost answers 500, so routing goes on", async () => {
    easyPost.behaviour.answer = 500;
    const outcome = await checkOrderAddress(db, SHOP, "gid://shopify/Order/5", destination("1600 Blake St"));
    expect(outcome).toMatchObject({ status: "SKIPPED", reason: expect.stringContaining("SERVER") });
  });

  it("asks the shop's next account when the first one's provider cannot be reached", async () => {
    // GIVEN two connected accounts, the older one pointing at an API that refuses connections
    const account = (label: string, baseUrl: string) => ({
      accountId: label,
      kind: "EASYPOST" as const,
      label,
      provider: createProvider("EASYPOST", { apiKey: EASYPOST_FAKE_KEY, baseUrl }),
    });
    const providersFor = async () => [
      account("down", "http://127.0.0.1:9/v2/"),
      account("up", easyPost.baseUrl),
    ];
    // WHEN the address is checked THEN the second account's answer is recorded, not a skip
    const outcome = await checkOrderAddress(db, SHOP, "gid://shopify/Order/7", destination("1600 Blake St"), {
      providersFor,
    });
    expect(outcome).toMatchObject({ status: "OK" });
    expect(
      await db.addressCheck.findFirst({ where: { shop: SHOP, orderId: "gid://shopify/Order/7" } }),
    ).toMatchObject({ status: "OK", provider: "EASYPOST" });
  });

  it("checks nothing for a shop without a connected account", async () => {
    expect(
      await checkOrderAddress(db, "no-account.myshopify.com", "gid://shopify/Order/6", destination("x")),
    ).toBeNull();
  });
});

describe("labels for a merchant-managed warehouse", () => {
  let labelId = "";

  it("buys once though the provider's answer was lost and the job ran three times", async () => {
    // GIVEN the merchant asks twice for the order's label
    expect(await requestLabels(db, SHOP, decisionId)).toMatchObject({ ok: true, queued: 1 });
    expect(await requestLabels(db, SHOP, decisionId)).toMatchObject({ ok: true, queued: 0 });
    labelId = (await db.shippingLabel.findFirstOrThrow({ where: { shop: SHOP, decisionId } })).id;
    // WHEN EasyPost buys but its answer is lost, and the job is retried twice
    easyPost.labels.loseNextBuyAnswer = true;
    await expect(runLabelPurchase(db, SHOP, labelId, deps())).rejects.toThrow();
    await runLabelPurchase(db, SHOP, labelId, deps());
    await runLabelPurchase(db, SHOP, labelId, deps());
    // THEN EasyPost saw one purchase, and the label is the one it bought
    const label = await db.shippingLabel.findFirstOrThrow({ where: { id: labelId } });
    expect(easyPost.labels.purchases).toHaveLength(1);
    expect(label.status).toBe("PURCHASED");
    const parcels = label.parcels as { trackingCode: string }[];
    expect(parcels.map((p) => p.trackingCode)).toEqual(easyPost.labels.purchases[0].trackingCodes);
    expect(parcels).toHaveLength(2);
  });

  it("took the cheapest rate arriving by the promised day and kept the comparison", async () => {
    const label = await db.shippingLabel.findFirstOrThrow({ where: { id: labelId } });
    const comparison = label.comparison as { service: string; meetsWindow: boolean; chosen: boolean }[];
    // Promised by Fri 11 Dec from Mon 7 Dec: 4 business days at most. USPS Ground Advantage (5 days) is cheaper but
    // late; UPS Ground (4 days) is the cheapest in time (Priority and 2nd Day Air cost more).
    expect(comparison.find((r) => r.service === "GroundAdvantage")).toMatchObject({
      meetsWindow: false,
      chosen: false,
    });
    expect(comparison.find((r) => r.chosen)).toMatchObject({ service: "Ground", meetsWindow: true });
    expect(label).toMatchObject({ carrier: "UPS", service: "Ground" });
  });

  it("created the Shopify fulfillment with tracking once and the tracker with the shop's webhook", async () => {
    const label = await db.shippingLabel.findFirstOrThrow({ where: { id: labelId } });
    const parcels = label.parcels as { trackingCode: string }[];
    // (one fulfillment with every parcel's tracking number: Shopify links each from the company's name)
    expect(fulfillments).toEqual([
      {
        fulfillmentOrderId: "gid://shopify/FulfillmentOrder/1",
        trackingInfo: { company: "UPS", numbers: parcels.map((p) => p.trackingCode) },
      },
    ]);
    expect(easyPost.labels.trackers.map((t) => t.tracking_code)).toEqual(parcels.map((p) => p.trackingCode));
    expect(easyPost.labels.webhooks).toEqual([
      expect.objectContaining({
        url: `https://tailroute.example/api/tracking/easypost?shop=${encodeURIComponent(SHOP)}`,
      }),
    ]);
    expect(easyPost.labels.webhooks[0].webhook_secret).toBeTruthy();
  });

  it("serves each parcel's file to its shop only", async () => {
    expect(await labelFileForShop(db, SHOP, labelId, 0)).toMatchObject({ contentType: "application/pdf" });
    expect(await labelFileForShop(db, SHOP, labelId, 1)).not.toBeNull();
    expect(await labelFileForShop(db, OTHER, labelId, 0)).toBeNull();
  });

  it("voids the label at EasyPost and cancels its Shopify fulfillment, once; another shop cannot void it", async () => {
    const { fulfillmentId } = await db.shippingLabel.findFirstOrThrow({ where: { id: labelId } });
    expect(fulfillmentId).toMatch(/^gid:\/\/shopify\/Fulfillment\//);
    shopify.fulfillmentOrders[0]!.status = "CLOSED"; // (as the label's fulfillment left it)
    expect(await requestLabelVoid(db, OTHER, labelId)).toBeNull();
    expect(await requestLabelVoid(db, SHOP, labelId)).toMatchObject({ ok: true });
    // WHEN the labels.refund job runs (and runs again, as after a crash)
    await runLabelRefund(db, SHOP, labelId, deps());
    await runLabelRefund(db, SHOP, labelId, deps());
    // THEN EasyPost refunded both parcels once, and Shopify's fulfillment is cancelled once: the order is open again
    expect(await db.shippingLabel.findFirstOrThrow({ where: { id: labelId } })).toMatchObject({
      status: "VOIDED",
      refundStatus: "SUBMITTED",
      fulfillmentCancelledAt: expect.any(Date),
      error: null,
    });
    expect(easyPost.labels.refunds).toHaveLength(2);
    expect(cancelled).toEqual([fulfillmentId]);
    expect(shopify.fulfillmentOrders[0]!.status).toBe("OPEN");
    // A voided label frees the shipment for a new purchase with the next key.
    expect(await requestLabels(db, SHOP, decisionId)).toMatchObject({ ok: true, queued: 1 });
  });

  it("shop/redact erases the shop's checks, labels and files", async () => {
    await eraseShop(db, SHOP);
    expect(await db.shippingLabel.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db.shippingLabelFile.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db.addressCheck.count({ where: { shop: SHOP } })).toBe(0);
  });
});
