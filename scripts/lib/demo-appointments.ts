// The demo's freight delivery appointment (docs/appointments.md): the freight order of the order replay gets its
// warehouse's capacity calendar, then the buyer books a window through the order-status extension's endpoint
// (signed session token, as Shopify signs it) and the job writes it to the fake Shopify's order.
import type { PrismaClient } from "@prisma/client";
import { DEMO_DEFAULTS } from "../../app/config/env.server";
import { saveAppointmentCalendar } from "../../app/services/appointments/calendar-store.server";
import { freightShipmentOf } from "../../app/services/appointments/freight-order.server";
import type { FakeOrderShop } from "./fake-order-shop";
import { extensionSessionToken } from "./session-token";

const BUYER = "gid://shopify/Customer/7000002";

export async function runAppointmentsDemo(options: {
  appUrl: string;
  apiKey: string;
  secret: string;
  db: PrismaClient;
  store: FakeOrderShop;
}): Promise<string[]> {
  const { db, store } = options;
  const shop = DEMO_DEFAULTS.DEMO_SHOP;
  const lines: string[] = [];
  const decision = await db.routingDecision.findFirst({
    where: { shop, mode: "FREIGHT", supersededAt: null },
    orderBy: { createdAt: "asc" },
  });
  const freight = decision ? await freightShipmentOf(db, shop, decision.orderId) : null;
  if (!decision || !freight) return ["no freight order was routed: nothing to book"];

  // The warehouse's final-mile crew: the Northeast on weekdays and Saturdays in New York City, two windows a day.
  const calendar = await saveAppointmentCalendar(db, shop, {
    warehouseKey: freight.warehouseKey,
    partnerName: "Metro Final Mile (sample)",
    timeZone: "America/New_York",
    regions: [
      {
        id: "nyc",
        label: "New York City",
        zip3s: ["100", "101", "102", "103", "104", "112", "113", "114"],
        states: [],
        weekdays: [1, 2, 3, 4, 5, 6],
      },
      {
        id: "northeast",
        label: "Northeast",
        zip3s: [],
        states: ["NY", "NJ", "CT", "PA"],
        weekdays: [1, 2, 3, 4, 5],
      },
    ],
    windows: [
      { id: "am", start: "08:00", end: "12:00", seats: 3 },
      { id: "pm", start: "12:00", end: "17:00", seats: 3 },
    ],
    blackoutDates: ["2026-12-25", "2027-01-01"],
  });
  if (!calendar.ok) return [`calendar refused: ${JSON.stringify(calendar.errors)}`];
  lines.push(
    `Calendar of ${freight.warehouseKey}: NYC Mon-Sat, Northeast Mon-Fri, 08:00-12:00 and 12:00-17:00, 3 deliveries each`,
  );

  // The buyer of the freight order, signed in on the order status page.
  store.orderId = decision.orderId;
  store.customerId = BUYER;
  store.displayFulfillmentStatus = "UNFULFILLED";
  store.note = null;
  store.metafields.clear();
  store.shippingAddress = {
    zip: "11201",
    countryCodeV2: "US",
    provinceCode: "NY",
    city: "Brooklyn",
    address1: "10 Jay St",
  };
  const token = extensionSessionToken({ shop, apiKey: options.apiKey, secret: options.secret, sub: BUYER });
  const endpoint = `${options.appUrl}/api/customer-account/delivery-status`;
  // A browser's User-Agent and the extension's origin, as an extension's request carries (the library refuses bots).
  const headers = {
    Authorization: `Bearer ${token}`,
    "Content-Type": "application/json",
    Origin: "https://extensions.shopifycdn.com",
    "User-Agent":
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
  };
  const status = await fetch(`${endpoint}?orderId=${encodeURIComponent(decision.orderId)}`, { headers });
  const body = (await status.json().catch(() => ({}))) as {
    appointment?: {
      calendarId: string;
      days: { day: string; windows: { id: string; start: string; end: string }[] }[];
    };
  };
  const days = body.appointment?.days ?? [];
  lines.push(
    `GET /api/customer-account/delivery-status (${decision.orderName ?? decision.orderId}) → HTTP ${status.status}: ${days.length} bookable days from ${days[0]?.day ?? "-"}`,
  );
  const [day] = days;
  if (!day || !body.appointment) return lines;
  const [window] = day.windows;
  const booked = await fetch(endpoint, {
    method: "POST",
    headers,
    body: JSON.stringify({
      orderId: decision.orderId,
      calendarId: body.appointment.calendarId,
      day: day.day,
      windowId: window!.id,
    }),
  });
  lines.push(`POST (book ${day.day} ${window!.start}-${window!.end}) → HTTP ${booked.status}`);
  // The job writes the order: wait until it has written this version (metafield, then note).
  let synced = await db.deliveryAppointment.findFirst({ where: { shop, orderId: decision.orderId } });
  for (let wait = 0; wait < 100 && synced && synced.syncedVersion < synced.version; wait++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    synced = await db.deliveryAppointment.findFirst({ where: { shop, orderId: decision.orderId } });
  }
  const written = synced !== null && synced.syncedVersion >= synced.version;
  const value = store.metafields.get("$app.delivery_appointment")?.value;
  lines.push(
    `Shopify order now: metafield $app:delivery_appointment ${written ? `written (version ${synced!.version})` : "not yet written"}${value ? ` ${value}` : ""}`,
  );
  lines.push(`      note: ${store.note ?? "-"}`);
  lines.push(`Merchant: order page /app/orders/${decision.id} · calendars /app/appointments`);
  return lines;
}
