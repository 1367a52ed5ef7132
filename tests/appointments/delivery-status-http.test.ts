import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { FakeOrderShop } from "../../scripts/lib/fake-order-shop";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { extensionSessionToken } from "../../scripts/lib/session-token";
import { TEST_API_KEY, TEST_API_SECRET } from "../support/global-setup";
import { routeAdminCalls } from "../support/test-app";
import { freightDecision, seedAppointmentShop } from "./appointment-shop";

// The buyer's delivery status and appointment booking over real HTTP (order-status and thank-you extensions),
// against the shared app server, whose Admin API calls with this shop's offline token reach a local fake Shopify
// holding the buyer's order (routeAdminCalls).

const SHOP = "status-a.myshopify.com";
const OTHER = "status-b.myshopify.com";
const OFFLINE_TOKEN = "shpat_delivery_status_http";
const ORDER_ID = "gid://shopify/Order/9900001";
const BUYER = "gid://shopify/Customer/7101";
const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
// The shared app server and its database (global-setup.ts); this suite's shop is its own.
const appUrl = inject("appUrl");
const db = createPrismaClient(inject("appDatabaseUrl"));
let shopify: FakeShopifyAdmin;
let store: FakeOrderShop;
let calendarId = "";
let otherCalendarId = "";

const token = (extra: { shop?: string; sub?: string | null; secret?: string } = {}) =>
  extensionSessionToken({
    shop: extra.shop ?? SHOP,
    apiKey: TEST_API_KEY,
    secret: extra.secret ?? TEST_API_SECRET,
    ...(extra.sub === null ? {} : { sub: extra.sub ?? BUYER }),
  });
const headers = (bearer: string) => ({
  Authorization: `Bearer ${bearer}`,
  "Content-Type": "application/json",
  Origin: "https://extensions.shopifycdn.com",
  "User-Agent": BROWSER,
});
const status = (bearer = token(), path = "/api/customer-account/delivery-status") =>
  fetch(`${appUrl}${path}?orderId=${encodeURIComponent(ORDER_ID)}`, { headers: headers(bearer) });
const book = (body: unknown, bearer = token(), path = "/api/customer-account/delivery-status") =>
  fetch(`${appUrl}${path}`, { method: "POST", headers: headers(bearer), body: JSON.stringify(body) });

beforeAll(async () => {
  calendarId = await seedAppointmentShop(db, SHOP);
  otherCalendarId = await seedAppointmentShop(db, OTHER);
  await db.session.create({
    data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: OFFLINE_TOKEN },
  });
  await freightDecision(db, SHOP, ORDER_ID);
  // A UPS parcel of the same order: picked up, sorted, out for delivery, then a failed attempt.
  const shipment = await db.shipment.create({
    data: {
      shop: SHOP,
      orderId: ORDER_ID,
      carrier: "UPS",
      trackingNumber: "1ZSTATUS0000000001",
      status: "ATTEMPTED_DELIVERY",
      progressStatus: "ATTEMPTED_DELIVERY",
      promisedMinDate: new Date("2026-12-14T00:00:00Z"),
      promisedMaxDate: new Date("2026-12-18T00:00:00Z"),
    },
  });
  const scans: [string, string, string | null][] = [
    ["OUTBOUND_SCAN", "2026-12-09T20:00:00Z", "Origin scan"],
    ["AT_SORT_CENTER", "2026-12-10T08:00:00Z", null],
    ["IN_TRANSIT", "2026-12-11T08:00:00Z", null],
    ["OUT_FOR_DELIVERY", "2026-12-14T07:00:00Z", null],
    ["ATTEMPTED_DELIVERY", "2026-12-14T16:00:00Z", "Receiver not available"],
  ];
  for (const [s, at, description] of scans)
    await db.trackingEvent.create({
      data: {
        shop: SHOP,
        shipmentId: shipment.id,
        status: s,
        rawCode: s,
        occurredAt: new Date(at),
        dedupeKey: s,
        description,
      },
    });
  shopify = await new FakeShopifyAdmin().start();
  await routeAdminCalls(OFFLINE_TOKEN, shopify.url);
});
afterAll(async () => {
  await shopify?.stop();
  await db.$disconnect();
});
beforeEach(() => {
  shopify.reset();
  store = new FakeOrderShop(shopify).install();
  // GIVEN (every test) the buyer's order to Dallas, shipping a sofa by freight from the Dallas warehouse
  store.orderId = ORDER_ID;
  store.note = "Call before delivery";
  store.displayFulfillmentStatus = "UNFULFILLED";
  store.customerId = BUYER;
  store.shippingAddress = {
    zip: "75201",
    countryCodeV2: "US",
    provinceCode: "TX",
    city: "Dallas",
    address1: "1500 Main St",
  };
});

describe("GET /api/customer-account/delivery-status", () => {
  it("answers the buyer's timeline, the promise, UPS's redelivery page and the appointment days", async () => {
    const response = await status();
    expect(response.status).toBe(200);
    const body = await response.json();
    // THEN the parcel's steps are done up to out-for-delivery, and the failed attempt is listed with its text
    const [parcel] = body.shipments;
    expect(parcel.steps.map((s: { state: string }) => s.state)).toEqual([
      "done",
      "done",
      "done",
      "done",
      "current",
    ]);
    expect(parcel.exceptions).toEqual([
      { status: "ATTEMPTED_DELIVERY", at: "2026-12-14T16:00:00.000Z", description: "Receiver not available" },
    ]);
    // AND UPS's own tracking page (Change Delivery) is offered, with the promised window
    expect(parcel.redelivery).toEqual([
      { kind: "change", url: "https://www.ups.com/track?tracknum=1ZSTATUS0000000001" },
    ]);
    expect(parcel.promised).toEqual({ min: "2026-12-14", max: "2026-12-18" });
    // AND the freight appointment offers weekdays only, from the plan's first day, with both windows
    expect(body.appointment).toMatchObject({ calendarId, booked: null, changeable: true, problem: null });
    expect(body.appointment.days.length).toBeGreaterThan(5);
    for (const d of body.appointment.days)
      expect([0, 6]).not.toContain(new Date(`${d.day}T12:00:00Z`).getUTCDay());
  });

  it("shows another customer's order, a guest's token and another shop's token nothing", async () => {
    expect((await status(token({ sub: "gid://shopify/Customer/9999" }))).status).toBe(404);
    expect((await status(token({ sub: null }), "/api/checkout/delivery-status")).status).toBe(404);
    expect((await status(token({ shop: OTHER }))).status).toBe(404);
    expect((await status(token({ secret: "forged" }))).status).toBe(401);
  });
});

describe("POST /api/customer-account/delivery-status (book the freight appointment)", () => {
  it("books an offered window, writes the order metafield and note through the job, and refuses forged slots", async () => {
    const offered = (await (await status()).json()).appointment;
    const [first, second] = offered.days;
    // WHEN the buyer books the first offered day's first window
    const booked = await book({
      orderId: ORDER_ID,
      calendarId,
      day: first.day,
      windowId: first.windows[0].id,
    });
    // THEN 200 with the booking
    expect(booked.status).toBe(200);
    expect((await booked.json()).appointment.booked).toMatchObject({
      day: first.day,
      windowId: first.windows[0].id,
    });
    // AND the job writes $app:delivery_appointment and one note line after the buyer's note
    await expect
      .poll(() => store.metafields.get("$app.delivery_appointment")?.value, { timeout: 15_000 })
      .toBeDefined();
    expect(JSON.parse(store.metafields.get("$app.delivery_appointment")!.value)).toMatchObject({
      v: 1,
      day: first.day,
      warehouseKey: "dallas-tx",
      partnerName: "Lone Star Final Mile",
    });
    await expect
      .poll(() => store.note, { timeout: 15_000 })
      .toMatch(
        /^Call before delivery\n\[Tailroute appointment\] Freight delivery booked by Lone Star Final Mile: /,
      );
    // WHEN the buyer changes to the second day (thank-you page, OrderIdentity gid)
    const changed = await book(
      {
        orderId: ORDER_ID.replace("/Order/", "/OrderIdentity/"),
        calendarId,
        day: second.day,
        windowId: second.windows[0].id,
      },
      token(),
      "/api/checkout/delivery-status",
    );
    expect(changed.status).toBe(200);
    await expect
      .poll(() => JSON.parse(store.metafields.get("$app.delivery_appointment")!.value).day, {
        timeout: 15_000,
      })
      .toBe(second.day);
    expect(store.note!.match(/\[Tailroute appointment\]/g)).toHaveLength(1);
    // AND a slot of another shop's calendar, a forged day and a malformed body are refused with 4xx
    expect(
      (await book({ orderId: ORDER_ID, calendarId: otherCalendarId, day: first.day, windowId: "am" })).status,
    ).toBe(400);
    expect((await book({ orderId: ORDER_ID, calendarId, day: "2026-12-26", windowId: "am" })).status).toBe(
      409,
    );
    expect((await book({ orderId: ORDER_ID, calendarId })).status).toBe(400);
    // AND another customer cannot book on this order
    expect(
      (
        await book(
          { orderId: ORDER_ID, calendarId, day: first.day, windowId: "am" },
          token({ sub: "gid://shopify/Customer/9999" }),
        )
      ).status,
    ).toBe(404);
  });
});
