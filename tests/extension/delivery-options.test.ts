// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { h, render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeCheckoutShopify, settle } from "../support/fakes/fake-shopify";

// The checkout target rendered in a DOM (happy-dom) with a fake `shopify` global and a fake app: what the
// buyer sees, and what the extension writes to the cart.

const EXT = join(__dirname, "../../extensions/delivery-options");
const en = JSON.parse(readFileSync(join(EXT, "locales/en.default.json"), "utf8"));
const POINTS = {
  points: [
    {
      id: "pt-usps",
      network: "USPS_HOLD_FOR_PICKUP",
      networkLabel: "USPS Hold for Pickup",
      carrier: "USPS",
      name: "Terminal Annex Post Office",
      externalId: "USPS-LA-1",
      address: { address1: "900 N Alameda St", city: "Los Angeles", province: "CA", zip: "90012" },
      distanceMiles: 0.4,
      hours: "Mon-Fri 9:00-17:00",
      holdDays: 5,
      holdDaysKind: "CALENDAR",
      isSample: false,
    },
    {
      id: "pt-ups",
      network: "UPS_ACCESS_POINT",
      networkLabel: "UPS Access Point",
      carrier: "UPS",
      name: "The UPS Store #1234",
      externalId: "UPS-LA-1",
      address: { address1: "350 S Grand Ave", city: "Los Angeles", province: "CA", zip: "90071" },
      distanceMiles: 1.2,
      hours: [{ days: "Mon-Fri", open: "08:00", close: "19:00" }],
      holdDays: 7,
      holdDaysKind: "CALENDAR",
      isSample: true,
      oftenUncollected: true,
    },
  ],
  excluded: [],
};

let fake: ReturnType<typeof fakeCheckoutShopify>;
let fetchMock: ReturnType<typeof vi.fn>;
let root: HTMLElement;

beforeEach(() => {
  fake = fakeCheckoutShopify(en);
  (globalThis as unknown as { shopify: unknown }).shopify = fake.shopify;
  fetchMock = vi.fn(async () => Response.json(POINTS));
  vi.stubGlobal("fetch", fetchMock);
  root = document.createElement("div");
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.unstubAllGlobals();
});

async function mount() {
  const { DeliveryOptions } = await import("../../extensions/delivery-options/src/Checkout");
  render(h(DeliveryOptions, {}), root);
  await settle();
}
const buttonLabelled = (text: string) =>
  [...root.querySelectorAll("s-button")].find((b) => b.textContent?.includes(text)) as
    HTMLElement | undefined;
/** The list's `values` as Preact renders it on the custom element (an attribute in happy-dom). */
const selectedValue = () => root.querySelector("s-choice-list")?.getAttribute("values");
async function openPicker() {
  buttonLabelled(en.pickup.toggle)!.dispatchEvent(new Event("click"));
  await settle();
}
async function choose(id: string) {
  const list = root.querySelector("s-choice-list") as HTMLElement & { values?: string[] };
  list.values = [id];
  list.dispatchEvent(new Event("change"));
  await settle();
}

describe("checkout extension: delivery options", () => {
  it("explains only the Tailroute tiers on offer, and offers pickup instead", async () => {
    // GIVEN Standard and Express Tailroute rates plus another app's rate
    await mount();
    // THEN both tiers are explained, the foreign rate is not, and the pickup toggle is shown
    expect(root.textContent).toContain(en.tiers.TR_STANDARD);
    expect(root.textContent).toContain(en.tiers.TR_EXPRESS);
    expect(root.textContent).not.toContain(en.tiers.TR_ECONOMY);
    expect(buttonLabelled(en.pickup.toggle)).toBeDefined();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("lists eligible points from the app with name, network, address, distance, hours and hold time", async () => {
    // WHEN the buyer opens the picker
    await mount();
    await openPicker();
    // THEN the app was asked with the session token, the address and the cart lines
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    const query = new URL(url).searchParams;
    expect(url.startsWith("https://tailroute.test/api/checkout/pickup-points?")).toBe(true);
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer session-token-jwt");
    expect(query.get("zip")).toBe("90012");
    expect(JSON.parse(query.get("lines")!)).toEqual([
      { variantId: "44012345670003", quantity: 2, priceCents: 2000 },
    ]);
    // AND both points are listed with their details
    const choices = [...root.querySelectorAll("s-choice")];
    expect(choices.map((c) => c.getAttribute("value"))).toEqual(["pt-usps", "pt-ups"]);
    expect(choices[0].textContent).toContain("Terminal Annex Post Office · USPS Hold for Pickup");
    expect(choices[0].textContent).toContain("900 N Alameda St, Los Angeles CA 90012 · 0.4 mi away");
    expect(choices[0].textContent).toContain("Held for 5 days");
    expect(choices[1].textContent).toContain("Mon-Fri 08:00–19:00");
    expect(choices[1].textContent).toContain(en.pickup.sample);
    // AND only the point whose parcels are often not collected carries the reminder to collect in time
    expect(choices[1].textContent).toContain(en.pickup.oftenUncollected);
    expect(choices[0].textContent).not.toContain(en.pickup.oftenUncollected);
  });

  it("selecting a point writes the cart metafield with the choice", async () => {
    // GIVEN the list is shown
    await mount();
    await openPicker();
    // WHEN the buyer picks the UPS Access Point
    await choose("pt-ups");
    // THEN the cart metafield $app:pickup_point holds the choice, and the buyer is told
    expect(fake.metafieldChanges).toEqual([
      {
        type: "updateCartMetafield",
        metafield: {
          namespace: "$app",
          key: "pickup_point",
          type: "json",
          value: expect.any(String),
        },
      },
    ]);
    const saved = JSON.parse((fake.metafieldChanges[0] as { metafield: { value: string } }).metafield.value);
    expect(saved).toEqual({
      v: 1,
      pointId: "pt-ups",
      network: "UPS_ACCESS_POINT",
      externalId: "UPS-LA-1",
      name: "The UPS Store #1234",
      ctx: expect.stringMatching(/^[0-9a-z]+$/),
    });
    expect(fake.attributeChanges).toEqual([]);
    expect(root.textContent).toContain("Your parcel goes to The UPS Store #1234.");
  });

  it("falls back to the cart attribute when metafields are not allowed, and writes nothing when instructions deny both", async () => {
    // GIVEN instructions that forbid cart metafields but allow attributes
    fake.shopify.instructions.value = {
      metafields: { canSetCartMetafields: false, canDeleteCartMetafield: false },
      attributes: { canUpdateAttributes: true },
    };
    await mount();
    await openPicker();
    await choose("pt-usps");
    // THEN the attribute carries the choice
    expect(fake.metafieldChanges).toEqual([]);
    expect(fake.attributeChanges).toEqual([
      {
        type: "updateAttribute",
        key: "_tailroute_pickup_point",
        value: expect.stringContaining('"pointId":"pt-usps"'),
      },
    ]);
    // WHEN instructions deny both
    fake.shopify.instructions.value = {
      metafields: { canSetCartMetafields: false, canDeleteCartMetafield: false },
      attributes: { canUpdateAttributes: false },
    };
    await choose("pt-ups");
    // THEN nothing more is written and the buyer is told why
    expect(fake.attributeChanges).toHaveLength(1);
    expect(root.textContent).toContain(en.pickup.cannotSave);
  });

  it("an API error shows the error state with a retry that asks again", async () => {
    // GIVEN the app answers 503
    fetchMock.mockImplementationOnce(async () => Response.json({ error: "down" }, { status: 503 }));
    await mount();
    await openPicker();
    // THEN the buyer sees the error (home delivery still works) and no list
    expect(root.textContent).toContain(en.pickup.error);
    expect(root.querySelector("s-choice-list")).toBeNull();
    // WHEN they retry THEN the list appears
    buttonLabelled(en.pickup.retry)!.dispatchEvent(new Event("click"));
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(root.querySelectorAll("s-choice")).toHaveLength(2);
  });

  it("shows the empty state, and the loading state while the app answers", async () => {
    // GIVEN an app that takes a moment and then has nothing
    let answer: (r: Response) => void = () => {};
    fetchMock.mockImplementationOnce(() => new Promise<Response>((resolve) => (answer = resolve)));
    await mount();
    await openPicker();
    // THEN loading is shown first
    expect(root.textContent).toContain(en.pickup.loading);
    answer(Response.json({ points: [], excluded: [] }));
    await settle();
    // AND then the empty state
    expect(root.textContent).toContain(en.pickup.empty);
  });

  it("clears the saved choice when only the shipping address changes (the point is still offered)", async () => {
    // GIVEN a saved choice
    await mount();
    await openPicker();
    await choose("pt-ups");
    // WHEN the buyer changes the address, and the app still offers the same point there
    fake.shopify.shippingAddress.value = { ...fake.shopify.shippingAddress.value!, zip: "90017" };
    await settle(10);
    // THEN the choice is removed from the cart anyway and the buyer is told
    expect(fake.metafieldChanges.at(-1)).toEqual({
      type: "removeCartMetafield",
      namespace: "$app",
      key: "pickup_point",
    });
    expect(fake.metafieldChanges.filter((c) => c.type === "removeCartMetafield")).toHaveLength(1);
    expect(root.textContent).toContain(en.pickup.cleared);
    // AND the list was asked again for the new address, with nothing selected
    expect(new URL(fetchMock.mock.calls.at(-1)![0] as string).searchParams.get("zip")).toBe("90017");
    expect(selectedValue()).toBe("");
  });

  it("clears the saved choice when only eligibility changes (same address, the app no longer offers it)", async () => {
    // GIVEN a choice saved on the cart metafield, then the buyer moves to another checkout step
    await mount();
    await openPicker();
    await choose("pt-ups");
    render(null, root);
    const writes = fake.metafieldChanges.length;
    // WHEN the extension mounts again with the same address and cart, but the point is no longer eligible
    fetchMock.mockImplementation(async () => Response.json({ points: [POINTS.points[0]], excluded: [] }));
    await mount();
    // THEN the choice read back from the metafield is cleared and the buyer is told
    expect(fake.metafieldChanges.slice(writes)).toEqual([
      { type: "removeCartMetafield", namespace: "$app", key: "pickup_point" },
    ]);
    expect(root.textContent).toContain(en.pickup.cleared);
    expect(fake.shopify.appMetafields.value).toEqual([]);
  });

  it("a remount reads the choice back from the cart metafield and keeps it while it still fits", async () => {
    // GIVEN a saved choice and a remount (multi-step checkout) with nothing changed
    await mount();
    await openPicker();
    await choose("pt-ups");
    render(null, root);
    const writes = fake.metafieldChanges.length;
    await mount();
    // THEN the picker is open with the point selected, and nothing was written
    expect(selectedValue()).toBe("pt-ups");
    expect(fake.metafieldChanges).toHaveLength(writes);
    expect(root.textContent).not.toContain(en.pickup.cleared);
  });

  it("a remount after the address changed on another step clears the stored choice before the app answers", async () => {
    // GIVEN a saved choice; the buyer goes back to the information step and changes the ZIP
    await mount();
    await openPicker();
    await choose("pt-ups");
    render(null, root);
    fake.shopify.shippingAddress.value = { ...fake.shopify.shippingAddress.value!, zip: "90017" };
    const writes = fake.metafieldChanges.length;
    // WHEN the extension mounts again and the app has not answered yet (it would still offer the point)
    fetchMock.mockImplementation(() => new Promise<Response>(() => {}));
    await mount();
    // THEN the stale choice is cleared from the cart metafield at once
    expect(fake.metafieldChanges.slice(writes)).toEqual([
      { type: "removeCartMetafield", namespace: "$app", key: "pickup_point" },
    ]);
    expect(root.textContent).toContain(en.pickup.cleared);
  });

  it("falls back to a choice kept in the cart attribute, and clears the attribute too when it is stale", async () => {
    // GIVEN no metafield but an attribute choice made for another address (e.g. an older checkout)
    fake = fakeCheckoutShopify(en, {
      attributes: [
        {
          key: "_tailroute_pickup_point",
          value: JSON.stringify({
            v: 1,
            pointId: "pt-ups",
            network: "UPS_ACCESS_POINT",
            externalId: "UPS-LA-1",
            name: "The UPS Store #1234",
            ctx: "elsewhere",
          }),
        },
      ],
    });
    (globalThis as unknown as { shopify: unknown }).shopify = fake.shopify;
    // WHEN the extension mounts
    await mount();
    // THEN both places are cleared, so routing cannot pick the stale attribute up
    expect(fake.metafieldChanges).toEqual([
      { type: "removeCartMetafield", namespace: "$app", key: "pickup_point" },
    ]);
    expect(fake.attributeChanges).toEqual([{ type: "removeAttribute", key: "_tailroute_pickup_point" }]);
    expect(fake.shopify.attributes.value).toEqual([]);
  });
});
