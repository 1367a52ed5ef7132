// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { signal } from "@preact/signals";
import { h, render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { settle } from "./fake-shopify";

// The order-status target (customer accounts, all plans): list, choose, POST to the app, show its answer.

const EXT = join(__dirname, "../../extensions/delivery-options");
const en = JSON.parse(readFileSync(join(EXT, "locales/en.default.json"), "utf8"));
const fr = JSON.parse(readFileSync(join(EXT, "locales/fr.json"), "utf8"));
const POINT = {
  id: "pt-ups",
  network: "UPS_ACCESS_POINT",
  networkLabel: "UPS Access Point",
  carrier: "UPS",
  name: "The UPS Store #1234",
  externalId: "UPS-LA-1",
  address: { address1: "350 S Grand Ave", city: "Los Angeles", province: "CA", zip: "90071" },
  distanceMiles: 1.2,
  hours: "Mon-Fri 8-19",
  holdDays: 7,
  holdDaysKind: "CALENDAR",
  isSample: false,
};

const translate = (key: string, options: Record<string, string | number> = {}) => {
  const value = key.split(".").reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], en);
  return String(value ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name] ?? ""));
};
let fetchMock: ReturnType<typeof vi.fn>;
let root: HTMLElement;

beforeEach(() => {
  (globalThis as unknown as { shopify: unknown }).shopify = {
    i18n: { translate },
    settings: signal({ app_url: "https://tailroute.test" }),
    sessionToken: { get: async () => "customer-token" },
    order: signal({ id: "gid://shopify/Order/8800001" }),
    shippingAddress: signal({ zip: "90012", countryCode: "US", provinceCode: "CA" }),
    lines: signal([
      {
        merchandise: { type: "variant", id: "gid://shopify/ProductVariant/44012345670003" },
        quantity: 1,
        cost: { totalAmount: { amount: 20 } },
      },
    ]),
  };
  fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
    init?.method === "POST"
      ? Response.json(
          { error: "The order is fulfilled; the pickup point can no longer change" },
          { status: 409 },
        )
      : Response.json({ points: [POINT], excluded: [] }),
  );
  vi.stubGlobal("fetch", fetchMock);
  root = document.createElement("div");
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.unstubAllGlobals();
});

describe("order-status extension", () => {
  it("posts the chosen point for the order and shows the app's refusal once the order is fulfilled", async () => {
    // GIVEN the order status page with one eligible point
    const { OrderPickup } = await import("../../extensions/delivery-options/src/OrderStatus");
    render(h(OrderPickup, {}), root);
    await settle();
    expect(new URL(fetchMock.mock.calls[0][0] as string).pathname).toBe(
      "/api/customer-account/pickup-points",
    );
    // WHEN the buyer picks it and asks to send the parcel there
    const list = root.querySelector("s-choice-list") as HTMLElement & { values?: string[] };
    list.values = ["pt-ups"];
    list.dispatchEvent(new Event("change"));
    await settle();
    const save = [...root.querySelectorAll("s-button")].find((b) => b.textContent === en.pickup.save)!;
    save.dispatchEvent(new Event("click"));
    await settle();
    // THEN the app got the order and point with the customer's token, and its refusal is shown
    const [, init] = fetchMock.mock.calls[1] as [string, RequestInit];
    expect(init.method).toBe("POST");
    expect(JSON.parse(init.body as string)).toEqual({
      orderId: "gid://shopify/Order/8800001",
      pointId: "pt-ups",
    });
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer customer-token");
    expect(root.textContent).toContain(en.pickup.orderLocked);
    expect(root.textContent).toContain("fulfilled");
  });

  it("the French locale has every string the English one has", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });
});
