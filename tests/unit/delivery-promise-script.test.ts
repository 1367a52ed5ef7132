// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// The block's script on a product page rendered as the theme would render the block (its Liquid output), with
// the app proxy answered by a stub: what the buyer sees, in which order, and what the script asks.
const script = readFileSync(
  join(__dirname, "../../extensions/delivery-promise/assets/delivery-promise.js"),
  "utf8",
);
const strings = {
  toZip: "To %zip%",
  change: "Change ZIP",
  invalid: "Enter a 5-digit US ZIP code",
  arrives: "%speed%: get it %dates%",
  orderWithin: "Order within %time%",
  hoursMinutes: "%h% h %m% min",
  minutes: "%m% min",
  pickupNear:
    "Pick it up at one of %count% points within 10 miles; the nearest is %distance% mi away (%network%).",
  pickupAvailable: "Delivery to a locker or pickup point is available for this item.",
  backorder: "Backordered: ships later",
  TR_EXPRESS: "Express",
  TR_STANDARD: "Standard",
  TR_ECONOMY: "Economy",
  TR_FREIGHT_: "Freight delivery",
};
const inTwoHours = () => new Date(Date.now() + 2 * 3_600_000 + 30_000).toISOString();
const answer = (orderBy = inTwoHours()) => ({
  speeds: [
    { code: "TR_EXPRESS", arrives: { from: "2026-12-08", to: "2026-12-08" }, orderBy, backorder: false },
    { code: "TR_STANDARD", arrives: { from: "2026-12-09", to: "2026-12-11" }, orderBy, backorder: false },
    { code: "TR_ECONOMY", arrives: { from: "2026-12-10", to: "2026-12-14" }, orderBy, backorder: false },
  ],
  pickup: {
    eligible: true,
    reasons: [],
    pointsWithin10Miles: 3,
    nearest: { distanceMiles: 0.4, network: "USPS_HOLD_FOR_PICKUP", networkLabel: "USPS Hold for Pickup" },
  },
});

function page(customerZip = "") {
  document.body.innerHTML = `
    <div class="shopify-section">
      <form action="/cart/add"><input name="id" value="111"><input name="quantity" value="2"></form>
      <div class="tr-promise" data-tailroute-promise data-endpoint="/apps/tailroute/promise" data-variant="111"
        data-customer-zip="${customerZip}" data-countdown="true" data-pickup="true" data-speeds="TR_EXPRESS,TR_STANDARD,TR_FREIGHT_,">
        <p class="tr-promise__heading">Delivery</p>
        <form class="tr-promise__zip" hidden novalidate><input name="zip"><button type="submit">Check dates</button></form>
        <div class="tr-promise__result" aria-live="polite"></div>
        <script type="application/json" data-variants>{"111":[2000,170],"222":[149900,0]}</script>
        <script type="application/json" data-strings>${JSON.stringify(strings)}</script>
      </div>
    </div>`;
}
const root = () => document.querySelector<HTMLElement>("[data-tailroute-promise]")!;
const text = () => root().querySelector(".tr-promise__result")!.textContent ?? "";
const zipForm = () => root().querySelector<HTMLFormElement>(".tr-promise__zip")!;
const settle = () => vi.waitFor(() => expect(fetchStub.mock.calls.length).toBeGreaterThan(0));

let fetchStub = vi.fn();
function run(respond: (url: URL) => Response) {
  fetchStub = vi.fn((url: string) => Promise.resolve(respond(new URL(url, "https://shop.example"))));
  vi.stubGlobal("fetch", fetchStub);
  new Function(script)();
}
afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe("the delivery promise block's script", () => {
  it("shows only the ZIP field when no ZIP is known", () => {
    // GIVEN a product page without a stored or customer ZIP
    page();
    // WHEN the script starts
    run(() => Response.json(answer()));
    // THEN it asks nothing and shows the ZIP field
    expect(fetchStub).not.toHaveBeenCalled();
    expect(zipForm().hidden).toBe(false);
    expect(text()).toBe("");
  });

  it("asks for the form's variant and quantity at the typed ZIP, keeps the ZIP and shows the listed speeds", async () => {
    // GIVEN a product page and a buyer who types 90012
    page();
    run(() => Response.json(answer()));
    const input = zipForm().querySelector("input")!;
    input.value = "90012";
    // WHEN the ZIP is submitted
    zipForm().dispatchEvent(new Event("submit", { cancelable: true }));
    await settle();
    await vi.waitFor(() => expect(text()).toContain("Standard"));
    // THEN the proxy is asked for variant 111 × 2 with the variant's price and weight, and the ZIP is kept
    const url = new URL(fetchStub.mock.calls[0][0] as string, "https://shop.example");
    expect(url.pathname).toBe("/apps/tailroute/promise");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      variant_id: "111",
      quantity: "2",
      zip: "90012",
      price: "2000",
      grams: "170",
    });
    expect(localStorage.getItem("tailroute:zip")).toBe("90012");
    // AND the merchant's speeds are listed (not Economy), with the countdown and the pickup note
    expect(text()).toContain("Express: get it");
    expect(text()).not.toContain("Economy");
    expect(text()).toMatch(/Order within 2 h 0 min/);
    expect(text()).toContain(
      "one of 3 points within 10 miles; the nearest is 0.4 mi away (USPS Hold for Pickup)",
    );
  });

  it("starts from the logged-in customer's ZIP", async () => {
    // GIVEN a page rendered for a customer whose default address is in 10001
    page("10001");
    // WHEN the script starts
    run(() => Response.json(answer()));
    await settle();
    // THEN it asks for 10001 right away
    expect(new URL(fetchStub.mock.calls[0][0] as string, "https://x.example").searchParams.get("zip")).toBe(
      "10001",
    );
  });

  it("follows a variant switch and drops the pickup note for a bulky variant", async () => {
    // GIVEN a buyer with a stored ZIP looking at the T-shirt
    localStorage.setItem("tailroute:zip", "90012");
    page();
    run((url) =>
      url.searchParams.get("variant_id") === "222"
        ? Response.json({
            speeds: [
              {
                code: "TR_FREIGHT_THRESHOLD",
                arrives: { from: "2026-12-15", to: "2026-12-18" },
                orderBy: inTwoHours(),
              },
            ],
            pickup: { eligible: false, reasons: ["PARCEL_TOO_HEAVY"], pointsWithin10Miles: 0, nearest: null },
          })
        : Response.json(answer()),
    );
    await vi.waitFor(() => expect(text()).toContain("Pick it up"));
    // WHEN the theme's variant picker sets the form's id to the sofa
    const id = document.querySelector<HTMLInputElement>('form[action="/cart/add"] [name="id"]')!;
    id.value = "222";
    id.dispatchEvent(new Event("change", { bubbles: true }));
    // THEN the freight window appears and the pickup note is gone
    await vi.waitFor(() => expect(text()).toContain("Freight delivery: get it"));
    expect(text()).not.toContain("Pick it up");
  });

  it("shows nothing when the proxy refuses, and opens the ZIP field for a refused ZIP", async () => {
    // GIVEN a stored ZIP the app does not know
    localStorage.setItem("tailroute:zip", "00000");
    page();
    // WHEN the proxy answers 400
    run(() => Response.json({ error: "zip is not a known US ZIP code" }, { status: 400 }));
    await settle();
    // THEN no date is shown and the buyer can type another ZIP
    await vi.waitFor(() => expect(zipForm().hidden).toBe(false));
    expect(text()).toBe("");
  });
});
