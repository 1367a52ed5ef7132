// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { signal } from "@preact/signals";
import { h, render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { settle } from "../support/fakes/fake-shopify";

// The post-purchase targets (order status page in customer accounts, thank-you page; all plans): the order's
// state and current choice from the app, the list, choose / home delivery instead → POST, the app's answer.

const EXT = join(__dirname, "../../extensions/delivery-options");
const en = JSON.parse(readFileSync(join(EXT, "locales/en.default.json"), "utf8"));
const fr = JSON.parse(readFileSync(join(EXT, "locales/fr.json"), "utf8"));
const ORDER_ID = "gid://shopify/Order/8800001";
const point = (id: string, name: string) => ({
  id,
  network: "UPS_ACCESS_POINT",
  networkLabel: "UPS Access Point",
  carrier: "UPS",
  name,
  externalId: id.toUpperCase(),
  address: { address1: "350 S Grand Ave", city: "Los Angeles", province: "CA", zip: "90071" },
  distanceMiles: 1.2,
  hours: "Mon-Fri 8-19",
  holdDays: 7,
  holdDaysKind: "CALENDAR",
  isSample: false,
});
const POINTS = [point("pt-ups", "The UPS Store #1234"), point("pt-ups-2", "The UPS Store #77")];

const translate = (key: string, options: Record<string, string | number> = {}) => {
  const value = key.split(".").reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], en);
  return String(value ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name] ?? ""));
};

/** A fake Tailroute app: the order's state, the points, and the POST answering like the real endpoint. */
class FakeApp {
  status = "UNFULFILLED";
  choice: { v: 1; pointId: string; network: string; externalId: string; name: string } | null = null;
  stateStatus = 200;
  /** Answers for the next POSTs (status codes); 200 once empty. */
  postAnswers: number[] = [];
  calls: { method: string; url: URL; body: unknown; auth: string | null }[] = [];
  handle = async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    const method = init.method ?? "GET";
    const auth = (init.headers as Record<string, string> | undefined)?.Authorization ?? null;
    const body = init.body ? JSON.parse(init.body as string) : null;
    this.calls.push({ method, url, body, auth });
    const changeable = this.status === "UNFULFILLED";
    if (method === "GET" && url.searchParams.has("orderId")) {
      if (this.stateStatus !== 200)
        return Response.json({ error: "Order not found" }, { status: this.stateStatus });
      return Response.json({ order: { id: ORDER_ID, status: this.status, changeable, choice: this.choice } });
    }
    if (method === "GET") return Response.json({ points: POINTS, excluded: [] });
    const answer = this.postAnswers.shift() ?? 200;
    if (answer !== 200)
      return Response.json({ error: "Pickup points are temporarily unavailable" }, { status: answer });
    if (!changeable)
      return Response.json(
        { error: `The order is ${this.status.toLowerCase()}; the pickup point can no longer change` },
        { status: 409 },
      );
    const chosen = POINTS.find((p) => p.id === body.pointId);
    this.choice = chosen
      ? {
          v: 1,
          pointId: chosen.id,
          network: chosen.network,
          externalId: chosen.externalId,
          name: chosen.name,
        }
      : null;
    return Response.json({ ok: true, choice: this.choice, note: "" });
  };
  posts = () => this.calls.filter((c) => c.method === "POST");
}

let app: FakeApp;
let root: HTMLElement;
const baseApi = () => ({
  i18n: { translate },
  settings: signal({ app_url: "https://tailroute.test" }),
  sessionToken: { get: async () => "customer-token" },
  shippingAddress: signal({ zip: "90012", countryCode: "US", provinceCode: "CA" }),
  lines: signal([
    {
      merchandise: { type: "variant", id: "gid://shopify/ProductVariant/44012345670003" },
      quantity: 1,
      cost: { totalAmount: { amount: 20 } },
    },
  ]),
});

beforeEach(() => {
  app = new FakeApp();
  vi.stubGlobal("fetch", vi.fn(app.handle));
  (globalThis as unknown as { shopify: unknown }).shopify = { ...baseApi(), order: signal({ id: ORDER_ID }) };
  root = document.createElement("div");
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.unstubAllGlobals();
});

async function mountOrderStatus() {
  const { OrderPickup } = await import("../../extensions/delivery-options/src/OrderStatus");
  render(h(OrderPickup, {}), root);
  await settle(10);
}
const button = (label: string) =>
  [...root.querySelectorAll("s-button")].find((b) => b.textContent === label) as HTMLElement | undefined;
async function click(label: string) {
  button(label)!.dispatchEvent(new Event("click"));
  await settle(10);
}
async function choose(id: string) {
  const list = root.querySelector("s-choice-list") as HTMLElement & { values?: string[] };
  list.values = [id];
  list.dispatchEvent(new Event("change"));
  await settle();
}

describe("order-status extension", () => {
  it("shows home delivery, then saves a chosen point (200) with the customer's token and shows it as current", async () => {
    // GIVEN an unfulfilled order delivered home
    await mountOrderStatus();
    expect(app.calls[0].url.pathname).toBe("/api/customer-account/pickup-points");
    expect(app.calls[0].url.searchParams.get("orderId")).toBe(ORDER_ID);
    expect(root.textContent).toContain(en.pickup.currentHome);
    expect(root.querySelectorAll("s-choice")).toHaveLength(2);
    // WHEN the buyer picks a point and sends the parcel there
    await choose("pt-ups-2");
    await click(en.pickup.save);
    // THEN the app got the order and point with the customer's token
    const [sent] = app.posts();
    expect(sent.body).toEqual({ orderId: ORDER_ID, pointId: "pt-ups-2" });
    expect(sent.auth).toBe("Bearer customer-token");
    // AND the buyer sees it saved and as the current choice; home delivery is offered instead
    expect(root.textContent).toContain("Saved: your parcel goes to The UPS Store #77.");
    expect(root.textContent).toContain("Your parcel goes to The UPS Store #77.");
    expect(root.textContent).not.toContain(en.pickup.currentHome);
    expect(button(en.pickup.clear)).toBeDefined();
  });

  it("shows the current choice from the order and switches back to home delivery (pointId null)", async () => {
    // GIVEN the buyer chose a point at checkout
    app.choice = {
      v: 1,
      pointId: "pt-ups",
      network: "UPS_ACCESS_POINT",
      externalId: "PT-UPS",
      name: "The UPS Store #1234",
    };
    await mountOrderStatus();
    expect(root.textContent).toContain("Your parcel goes to The UPS Store #1234.");
    expect(root.querySelector("s-choice-list")?.getAttribute("values")).toBe("pt-ups");
    // WHEN they ask for home delivery instead
    await click(en.pickup.clear);
    // THEN the app is told pointId null and the page says home delivery
    expect(app.posts()[0].body).toEqual({ orderId: ORDER_ID, pointId: null });
    expect(root.textContent).toContain(en.pickup.homeSaved);
    expect(root.textContent).toContain(en.pickup.currentHome);
    expect(button(en.pickup.clear)).toBeUndefined();
  });

  it("hides the picker once the order is fulfilled, still showing where the parcel goes", async () => {
    // GIVEN a fulfilled order that goes to a point
    app.status = "FULFILLED";
    app.choice = {
      v: 1,
      pointId: "pt-ups",
      network: "UPS_ACCESS_POINT",
      externalId: "PT-UPS",
      name: "The UPS Store #1234",
    };
    await mountOrderStatus();
    // THEN no list, no buttons, no points query; the current choice and the reason are shown
    expect(root.querySelector("s-choice-list")).toBeNull();
    expect(root.querySelectorAll("s-button")).toHaveLength(0);
    expect(app.calls.filter((c) => !c.url.searchParams.has("orderId"))).toHaveLength(0);
    expect(root.textContent).toContain("Your parcel goes to The UPS Store #1234.");
    expect(root.textContent).toContain(en.pickup.fulfilled);
  });

  it("when the order is fulfilled meanwhile, the app's 409 is shown and the picker disappears", async () => {
    // GIVEN the page loaded while unfulfilled; the warehouse ships before the buyer saves
    await mountOrderStatus();
    app.status = "FULFILLED";
    await choose("pt-ups");
    await click(en.pickup.save);
    // THEN the refusal is shown and the picker is gone
    expect(root.textContent).toContain(en.pickup.orderLocked);
    expect(root.textContent).toContain("fulfilled");
    expect(root.querySelector("s-choice-list")).toBeNull();
    expect(root.textContent).toContain(en.pickup.fulfilled);
  });

  it("a failed save offers a retry that sends the same choice again", async () => {
    // GIVEN the app answers 503 once
    app.postAnswers = [503];
    await mountOrderStatus();
    await choose("pt-ups");
    await click(en.pickup.save);
    expect(root.textContent).toContain(
      "Your choice could not be saved: Pickup points are temporarily unavailable",
    );
    // WHEN the buyer retries THEN the same choice is sent and saved
    await click(en.pickup.retry);
    expect(app.posts().map((p) => p.body)).toEqual([
      { orderId: ORDER_ID, pointId: "pt-ups" },
      { orderId: ORDER_ID, pointId: "pt-ups" },
    ]);
    expect(root.textContent).toContain("Saved: your parcel goes to The UPS Store #1234.");
  });

  it("the French locale has every string the English one has", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });
});

describe("thank-you extension", () => {
  beforeEach(() => {
    (globalThis as unknown as { shopify: unknown }).shopify = {
      ...baseApi(),
      orderConfirmation: signal({ order: { id: ORDER_ID }, isFirstOrder: true }),
    };
  });
  async function mountThankYou() {
    const { ThankYouPickup } = await import("../../extensions/delivery-options/src/ThankYou");
    render(h(ThankYouPickup, {}), root);
    await settle(10);
  }

  it("uses the order from orderConfirmation and the checkout endpoint, and saves a choice", async () => {
    await mountThankYou();
    expect(app.calls[0].url.pathname).toBe("/api/checkout/pickup-points");
    expect(app.calls[0].url.searchParams.get("orderId")).toBe(ORDER_ID);
    await choose("pt-ups");
    await click(en.pickup.save);
    expect(app.posts()[0].url.pathname).toBe("/api/checkout/pickup-points");
    expect(app.posts()[0].body).toEqual({ orderId: ORDER_ID, pointId: "pt-ups" });
    expect(root.textContent).toContain("Saved: your parcel goes to The UPS Store #1234.");
  });

  it("a guest (the app cannot tie the order to a signed-in customer: 404) is asked to sign in", async () => {
    app.stateStatus = 404;
    await mountThankYou();
    expect(root.textContent).toContain(en.pickup.signIn);
    expect(root.querySelector("s-choice-list")).toBeNull();
  });
});
