import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { bookAppointment } from "../../app/services/appointments/book-appointment.server";
import { freightAppointmentContext } from "../../app/services/appointments/freight-order.server";
import { FLOW_TRIGGERS } from "../../app/services/notifications/flow-triggers";
import { cancelOrderRouting } from "../../app/services/order-routing/order-changes/cancel-order-routing.server";
import { redactCustomerOrders } from "../../app/services/shop/compliance.server";
import { eraseShop } from "../../app/services/shop/lifecycle.server";
import { freshTestDatabase } from "../support/test-database";
import { freightDecision, NOW, seedAppointmentShop } from "./appointment-shop";

// Booking freight delivery appointments against the real database (SQLite, and PostgreSQL under
// TAILROUTE_TEST_DATABASE=postgres): the last seat of a window raced by many buyers at once is sold once; a change
// frees the old seat; forged slots, other shops' calendars and late changes are refused.

const SHOP = "appointments-a.myshopify.com";
const OTHER = "appointments-b.myshopify.com";
const DALLAS = { zip: "75201", state: "TX" };
const dir = mkdtempSync(join(tmpdir(), "tailroute-appointments-"));
const db = createPrismaClient(freshTestDatabase("appointments", dir));
let calendarId = "";
let otherCalendarId = "";

const order = (n: number) => `gid://shopify/Order/${n}`;
async function contextOf(orderId: string, shop = SHOP, now = NOW) {
  const result = await freightAppointmentContext(db, shop, orderId, now);
  if (!result.ok) throw new Error(result.reason);
  return result.context;
}
async function book(
  n: number,
  day: string,
  windowId: string,
  extra: { calendarId?: string; now?: Date } = {},
) {
  const orderId = order(n);
  return bookAppointment(db, {
    shop: SHOP,
    orderId,
    orderName: `#${n}`,
    customerId: "gid://shopify/Customer/1",
    context: await contextOf(orderId, SHOP, extra.now ?? NOW),
    address: DALLAS,
    calendarId: extra.calendarId ?? calendarId,
    day,
    windowId,
    now: extra.now ?? NOW,
  });
}

beforeAll(async () => {
  calendarId = await seedAppointmentShop(db, SHOP);
  otherCalendarId = await seedAppointmentShop(db, OTHER);
  for (let n = 1; n <= 12; n++) await freightDecision(db, SHOP, order(n));
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("freight appointment booking", () => {
  it("sells the last seat of a window once when eight buyers book it at the same moment", async () => {
    // GIVEN the Tuesday afternoon window (2 seats) with one seat already taken
    expect((await book(1, "2026-12-15", "pm")).status).toBe(200);
    // WHEN eight other buyers book that window in parallel
    const results = await Promise.all([2, 3, 4, 5, 6, 7, 8, 9].map((n) => book(n, "2026-12-15", "pm")));
    // THEN exactly one gets it, the others are told it was just taken (or is full), and the slot holds 2
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) {
      expect(r.status).toBe(409);
      expect("reason" in r && r.reason).toMatch(/just booked|full/);
    }
    const slot = await db.appointmentSlot.findFirstOrThrow({
      where: { shop: SHOP, calendarId, day: "2026-12-15", windowId: "pm" },
    });
    expect(slot.booked).toBe(2);
    expect(
      await db.deliveryAppointment.count({ where: { shop: SHOP, day: "2026-12-15", windowId: "pm" } }),
    ).toBe(2);
    // AND each booking queued one Shopify write of the order's metafield and note
    expect(await db.job.count({ where: { shop: SHOP, kind: "appointments.sync-order" } })).toBe(2);
  });

  it("moves a booking to another window and frees the old seat in the same transaction", async () => {
    // GIVEN a workflow of the shop uses the "freight appointment booked" Flow trigger
    await db.flowTriggerUse.create({
      data: {
        shop: SHOP,
        handle: FLOW_TRIGGERS.freight_appointment_booked.handle,
        enabled: true,
        changedAt: NOW,
      },
    });
    // AND order 10 booked Wednesday morning
    expect((await book(10, "2026-12-16", "am")).status).toBe(200);
    // WHEN the buyer changes to Thursday afternoon
    const moved = await book(10, "2026-12-17", "pm");
    // THEN the appointment moved (version 2) and Wednesday morning has its seat back
    expect(moved.status).toBe(200);
    expect(moved.status === 200 && moved.appointment).toMatchObject({
      day: "2026-12-17",
      windowId: "pm",
      version: 2,
    });
    const seats = await db.appointmentSlot.findMany({
      where: { shop: SHOP, calendarId },
      orderBy: { day: "asc" },
    });
    expect(seats.find((s) => s.day === "2026-12-16")?.booked).toBe(0);
    expect(seats.find((s) => s.day === "2026-12-17" && s.windowId === "pm")?.booked).toBe(1);
    // AND the buyer is told of each, once: the booking and the change are two Flow notifications of order 10
    const told = await db.notification.findMany({
      where: { shop: SHOP, kind: "freight_appointment_booked", orderId: order(10) },
      orderBy: { createdAt: "asc" },
    });
    expect(told.map((n) => [n.channel, n.eventKey])).toEqual([
      ["FLOW", `freight_appointment_booked:${order(10)}:v1`],
      ["FLOW", `freight_appointment_booked:${order(10)}:v2`],
    ]);
  });

  it("refuses a slot of another shop's calendar, a day the region has no delivery, a blackout and a day too soon", async () => {
    // WHEN the body names the other shop's calendar (a forged request)
    const forged = await book(11, "2026-12-16", "am", { calendarId: otherCalendarId });
    // THEN 400 and nothing is booked
    expect(forged.status).toBe(400);
    // AND Saturday (no Texas delivery), Christmas (blackout), the day before the plan's first day and an unknown
    // window are refused with 409
    for (const [day, windowId] of [
      ["2026-12-19", "am"],
      ["2026-12-25", "am"],
      ["2026-12-11", "am"],
      ["2026-12-16", "night"],
    ])
      expect((await book(11, day!, windowId!)).status).toBe(409);
    expect(await db.deliveryAppointment.count({ where: { shop: SHOP, orderId: order(11) } })).toBe(0);
  });

  it("keeps a booking once the change cut-off (48 h before the window) has passed", async () => {
    // GIVEN order 12 booked for Monday Dec 14, 8:00 Dallas time
    expect((await book(12, "2026-12-14", "am")).status).toBe(200);
    // WHEN the buyer tries to change it on Saturday Dec 12 at 10:00 (46 h before)
    const late = await book(12, "2026-12-17", "am", { now: new Date("2026-12-12T16:00:00Z") });
    // THEN 409 with the reason, and the booking stays
    expect(late.status).toBe(409);
    expect("reason" in late && late.reason).toMatch(/cut-off/);
    const kept = await db.deliveryAppointment.findFirstOrThrow({ where: { shop: SHOP, orderId: order(12) } });
    expect(kept.day).toBe("2026-12-14");
  });

  it("gives a cancelled order's seat back to its window, once however often the cancellation is handled", async () => {
    // GIVEN order 11 booked Thursday morning, and order 10 Thursday afternoon
    expect((await book(11, "2026-12-17", "am")).status).toBe(200);
    const thursday = (windowId: string) =>
      db.appointmentSlot.findFirstOrThrow({ where: { shop: SHOP, calendarId, day: "2026-12-17", windowId } });
    expect((await thursday("am")).booked).toBe(1);
    // WHEN Shopify says order 11 was cancelled, and the job handling it runs a second time
    const cancellation = { orderId: order(11), cancelledAt: NOW.toISOString(), reason: "customer" };
    const first = await cancelOrderRouting(db, SHOP, cancellation);
    const again = await cancelOrderRouting(db, SHOP, cancellation);
    // THEN the appointment is gone and Thursday morning has its seat back, once
    expect(first.appointment).toEqual({ day: "2026-12-17", windowId: "am" });
    expect(again.appointment).toBeNull();
    expect(await db.deliveryAppointment.count({ where: { shop: SHOP, orderId: order(11) } })).toBe(0);
    expect((await thursday("am")).booked).toBe(0);
    // AND order 10's booking and seat are untouched
    expect((await thursday("pm")).booked).toBe(1);
    expect(await db.deliveryAppointment.count({ where: { shop: SHOP, orderId: order(10) } })).toBe(1);
  });

  it("customers/redact erases the listed orders' appointments and keeps their seats taken", async () => {
    // WHEN the buyer of order 12 asks to be forgotten
    await redactCustomerOrders(db, SHOP, ["12"]);
    // THEN its appointment is gone, the Monday morning seat stays taken, and order 10's appointment stays
    expect(await db.deliveryAppointment.count({ where: { shop: SHOP, orderId: order(12) } })).toBe(0);
    const monday = await db.appointmentSlot.findFirstOrThrow({
      where: { shop: SHOP, day: "2026-12-14", windowId: "am" },
    });
    expect(monday.booked).toBe(1);
    expect(await db.deliveryAppointment.count({ where: { shop: SHOP, orderId: order(10) } })).toBe(1);
  });

  it("shop/redact erases the shop's calendars, slots and appointments and nothing of another shop", async () => {
    // WHEN the shop is erased
    await eraseShop(db, SHOP);
    // THEN none of its appointment rows remain, and the other shop's calendar does
    expect(await db.deliveryAppointment.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db.appointmentSlot.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db.appointmentCalendar.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db.appointmentCalendar.count({ where: { shop: OTHER } })).toBe(1);
  });
});
