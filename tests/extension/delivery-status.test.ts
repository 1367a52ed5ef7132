// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { signal } from "@preact/signals";
import { h, render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { dayLabel } from "../../extensions/delivery-options/src/delivery-api";
import { settle } from "../support/fakes/fake-shopify";

// The delivery status block of the post-purchase targets (order status page, thank-you page): each parcel's steps,
// the promise, the carrier's redelivery pages after a failed attempt, the pickup point with its map link and hold
// deadline, and the freight appointment picked and changed through the app.

const EXT = join(__dirname, "../../extensions/delivery-options");
const en = JSON.parse(readFileSync(join(EXT, "locales/en.default.json"), "utf8"));
const ORDER_ID = "gid://shopify/Order/9900001";

const translate = (key: string, options: Record<string, string | number> = {}) => {
  const value = key.split(".").reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], en);
  return String(value ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name] ?? ""));
};
const steps = (states: string[], pickup = false) =>
  (pickup
    ? ["OUTBOUND_SCAN", "AT_SORT_CENTER", "IN_TRANSIT", "AVAILABLE_FOR_PICKUP", "PICKED_UP"]
    : ["OUTBOUND_SCAN", "AT_SORT_CENTER", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"]
  ).map((key, i) => ({
    key,
    state: states[i],
    at: states[i] === "done" ? "2026-12-10T10:00:00.000Z" : null,
  }));

/** A fake Tailroute app answering the delivery-status endpoint like the real one. */
class FakeApp {
  body: Record<string, unknown> = {};
  postAnswers: { status: number; error?: string }[] = [];
  calls: { method: string; url: URL; body: unknown; auth: string | null }[] = [];
  handle = async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    const method = init.method ?? "GET";
    const body = init.body ? JSON.parse(init.body as string) : null;
    const auth = (init.headers as Record<string, string> | undefined)?.Authorization ?? null;
    this.calls.push({ method, url, body, auth });
    if (!url.pathname.endsWith("/delivery-status"))
      return Response.json({ error: "Order not found" }, { status: 404 });
    if (method === "GET") return Response.json(this.body);
    const answer = this.postAnswers.shift();
    if (answer) return Response.json({ error: answer.error }, { status: answer.status });
    const appointment = this.body.appointment as {
      days: { day: string; windows: { id: string; start: string; end: string }[] }[];
    };
    const w = appointment.days.find((d) => d.day === body.day)!.windows.find((x) => x.id === body.windowId)!;
    return Response.json({
      ok: true,
      appointment: {
        ...appointment,
        booked: {
          day: body.day,
          windowId: w.id,
          windowStart: w.start,
          windowEnd: w.end,
          timeZone: "America/Chicago",
        },
      },
    });
  };
  posts = () => this.calls.filter((c) => c.method === "POST");
}

const FREIGHT = {
  order: { id: ORDER_ID, name: "#9900001", status: "UNFULFILLED" },
  promised: { min: "2026-12-14", max: "2026-12-18" },
  shipments: [],
  appointment: {
    calendarId: "cal-dallas",
    partnerName: "Lone Star Final Mile",
    booked: null,
    changeable: true,
    problem: null,
    days: [
      { day: "2026-12-14", windows: [{ id: "am", start: "08:00", end: "12:00", seatsLeft: 3 }] },
      { day: "2026-12-15", windows: [{ id: "pm", start: "12:00", end: "17:00", seatsLeft: 1 }] },
    ],
  },
};

let app: FakeApp;
let root: HTMLElement;
beforeEach(() => {
  app = new FakeApp();
  vi.stubGlobal("fetch", vi.fn(app.handle));
  root = document.createElement("div");
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.unstubAllGlobals();
});

const shopifyApi = (extra: Record<string, unknown>) => ({
  i18n: { translate },
  settings: signal({ app_url: "https://tailroute.test" }),
  sessionToken: { get: async () => "buyer-token" },
  shippingAddress: signal({ zip: "75201", countryCode: "US", provinceCode: "TX" }),
  lines: signal([]),
  ...extra,
});
async function mountStatus(path = "/api/customer-account/delivery-status") {
  const { DeliveryStatus } = await import("../../extensions/delivery-options/src/DeliveryStatus");
  render(h(DeliveryStatus, { shopify: shopifyApi({}) as never, orderId: ORDER_ID, path }), root);
  await settle(10);
}
const button = (label: string) =>
  [...root.querySelectorAll("s-button")].find((b) => b.textContent === label) as HTMLElement | undefined;
const links = () => [...root.querySelectorAll("s-link")].map((l) => [l.textContent, l.getAttribute("href")]);

describe("delivery status block", () => {
  it("shows a parcel's steps, the failed attempt and UPS's own page to reschedule, redirect or hold it", async () => {
    // GIVEN a UPS parcel out for delivery whose attempt failed
    app.body = {
      order: { id: ORDER_ID, name: "#1", status: "FULFILLED" },
      promised: { min: "2026-12-14", max: "2026-12-18" },
      appointment: null,
      shipments: [
        {
          carrier: "UPS",
          trackingNumber: "1Z999",
          trackingUrl: "https://www.ups.com/track?tracknum=1Z999",
          status: "ATTEMPTED_DELIVERY",
          steps: steps(["done", "done", "done", "done", "current"]),
          exceptions: [
            {
              status: "ATTEMPTED_DELIVERY",
              at: "2026-12-14T16:00:00.000Z",
              description: "Receiver not available",
            },
          ],
          estimatedDelivery: "2026-12-15",
          promised: null,
          pickup: null,
          redelivery: [{ kind: "change", url: "https://www.ups.com/track?tracknum=1Z999" }],
        },
      ],
    };
    await mountStatus();
    // THEN the app was asked with the buyer's token for this order
    expect(app.calls[0].url.searchParams.get("orderId")).toBe(ORDER_ID);
    expect(app.calls[0].auth).toBe("Bearer buyer-token");
    // AND the steps are marked, the promise and the failed attempt shown, and UPS's page offered
    const text = root.textContent!;
    expect(text).toContain(`✓ ${en.status.step.OUT_FOR_DELIVERY}`);
    expect(text).toContain(`→ ${en.status.step.DELIVERED}`);
    expect(text).toContain(`Promised delivery: ${dayLabel("2026-12-14")} – ${dayLabel("2026-12-18")}`);
    expect(text).toContain(
      `${en.status.exception.ATTEMPTED_DELIVERY} (${dayLabel("2026-12-14")}): Receiver not available`,
    );
    expect(links()).toEqual([
      ["Reschedule, redirect or hold it with UPS", "https://www.ups.com/track?tracknum=1Z999"],
    ]);
  });

  it("shows a pickup point's address, a map link and the hold deadline", async () => {
    app.body = {
      order: { id: ORDER_ID, name: "#1", status: "FULFILLED" },
      promised: null,
      appointment: null,
      shipments: [
        {
          carrier: "USPS",
          trackingNumber: "9400",
          trackingUrl: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400",
          status: "AVAILABLE_FOR_PICKUP",
          steps: steps(["done", "done", "done", "done", "current"], true),
          exceptions: [],
          estimatedDelivery: null,
          promised: null,
          pickup: {
            name: "Terminal Annex Post Office",
            address1: "900 N Alameda St",
            city: "Los Angeles",
            province: "CA",
            zip: "90012",
            mapUrl: "https://www.google.com/maps/search/?api=1&query=900%20N%20Alameda%20St",
            holdExpiresAt: "2026-12-20T08:00:00.000Z",
          },
          redelivery: [],
        },
      ],
    };
    await mountStatus();
    expect(root.textContent).toContain(
      "Pickup at Terminal Annex Post Office, 900 N Alameda St, Los Angeles CA 90012",
    );
    expect(root.textContent).toContain(`✓ ${en.status.step.AVAILABLE_FOR_PICKUP}`);
    expect(root.textContent).toContain(`Collect it by ${dayLabel("2026-12-20")}`);
    expect(links()).toContainEqual([
      en.status.map,
      "https://www.google.com/maps/search/?api=1&query=900%20N%20Alameda%20St",
    ]);
    expect(links()).toContainEqual([
      "Track it with USPS",
      "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400",
    ]);
  });

  it("books a freight delivery window the buyer picks and shows it as booked", async () => {
    app.body = structuredClone(FREIGHT);
    await mountStatus();
    expect(root.textContent).toContain(en.appointment.none);
    expect(root.querySelectorAll("s-choice")).toHaveLength(2);
    // WHEN the buyer picks Tuesday afternoon and books it
    const list = root.querySelector("s-choice-list") as HTMLElement & { values?: string[] };
    list.values = ["2026-12-15|pm"];
    list.dispatchEvent(new Event("change"));
    await settle();
    button(en.appointment.book)!.dispatchEvent(new Event("click"));
    await settle(10);
    // THEN the app got the calendar, day and window for this order, and the booking shows
    expect(app.posts()[0].body).toEqual({
      orderId: ORDER_ID,
      calendarId: "cal-dallas",
      day: "2026-12-15",
      windowId: "pm",
    });
    expect(root.textContent).toContain(en.appointment.saved);
    expect(root.textContent).toContain(`Booked: ${dayLabel("2026-12-15")}, 12:00–17:00.`);
    expect(button(en.appointment.change)).toBeDefined();
  });

  it("shows the app's reason when the window was just taken, and no picker after the cut-off", async () => {
    // GIVEN the last seat goes to someone else between the page load and the click
    app.body = structuredClone(FREIGHT);
    app.postAnswers.push({ status: 409, error: "This window was just booked by someone else; pick another" });
    await mountStatus();
    const list = root.querySelector("s-choice-list") as HTMLElement & { values?: string[] };
    list.values = ["2026-12-15|pm"];
    list.dispatchEvent(new Event("change"));
    await settle();
    button(en.appointment.book)!.dispatchEvent(new Event("click"));
    await settle(10);
    expect(root.textContent).toContain(
      "The window could not be booked: This window was just booked by someone else",
    );
    // AND the status was asked again (fresh seats)
    expect(app.calls.filter((c) => c.method === "GET")).toHaveLength(2);
    // WHEN (another page) the appointment is past its cut-off
    render(null, root);
    app.body = {
      ...structuredClone(FREIGHT),
      appointment: {
        ...FREIGHT.appointment,
        changeable: false,
        days: [],
        booked: {
          day: "2026-12-14",
          windowId: "am",
          windowStart: "08:00",
          windowEnd: "12:00",
          timeZone: "America/Chicago",
        },
      },
    };
    await mountStatus();
    expect(root.textContent).toContain(en.appointment.locked);
    expect(root.querySelector("s-choice-list")).toBeNull();
  });

  it("the thank-you block asks /api/checkout/delivery-status and renders nothing for a guest (404)", async () => {
    (globalThis as unknown as { shopify: unknown }).shopify = shopifyApi({
      orderConfirmation: signal({ order: { id: ORDER_ID } }),
    });
    const { ThankYouBlock } = await import("../../extensions/delivery-options/src/ThankYou");
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: string, init: RequestInit = {}) => {
        app.calls.push({ method: init.method ?? "GET", url: new URL(input), body: null, auth: null });
        return Response.json({ error: "Order not found" }, { status: 404 });
      }),
    );
    render(h(ThankYouBlock, {}), root);
    await settle(10);
    expect(app.calls.map((c) => c.url.pathname)).toContain("/api/checkout/delivery-status");
    expect(root.textContent).not.toContain(en.status.heading);
    expect(root.textContent).toContain(en.pickup.signIn);
  });
});
