import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_VARIANTS } from "../../app/demo/demo-shop-config";
import {
  DEMO_SHOP,
  load,
  OTHER_SHOP,
  otherShopConfig,
  startAdminHarness,
  submit,
  type AdminHarness,
} from "./admin-harness";

let h: AdminHarness;
let route: typeof import("../../app/routes/app.simulator");
beforeAll(async () => {
  h = await startAdminHarness();
  route = await import("../../app/routes/app.simulator");
});
afterAll(() => h?.stop());

describe("Rate simulator", () => {
  it("opens with a few of the shop's products and reads nothing from Shopify", async () => {
    // GIVEN the demo shop's 13 profiled products
    const calls = h.fake.calls.length;
    // WHEN the page opens
    const { data } = await load(route.loader, "/app/simulator");
    // THEN it suggests the first five by name, and made no Admin API call (a 10,000-product shop opens as fast)
    expect(data.products.map((p: { title: string }) => p.title)).toEqual([
      "Brass table lamp",
      "Ceramic mug 11 oz",
      "Classic watch",
      "Cold brew kit (chilled)",
      "Hoodie, grey, L",
    ]);
    expect(h.fake.calls.length).toBe(calls);
  });

  it("finds products by what the merchant types, with one Shopify search, never another shop's", async () => {
    // GIVEN the product picker's search route
    const search = await import("../../app/routes/app.simulator.variants");
    h.fake.calls.length = 0;
    // WHEN the merchant types "ceramic mu"
    const { status, data } = await load(search.loader, "/app/simulator/variants?q=ceramic%20mu");
    // THEN the mug is offered, found by one productVariants search with prefix terms
    expect(status).toBe(200);
    expect(data.products).toEqual([{ variantId: DEMO_VARIANTS.mug, title: "Ceramic mug 11 oz" }]);
    expect(h.fake.callsTo("productVariants").map((c) => c.variables.query)).toEqual(["ceramic* mu*"]);
    // …and the other shop's profiles (named "OTHER …") never appear, whatever is typed
    const other = await load(search.loader, "/app/simulator/variants?q=OTHER");
    expect(JSON.stringify(other.data)).not.toContain("OTHER");
    // …and an empty search asks Shopify nothing
    h.fake.calls.length = 0;
    expect((await load(search.loader, "/app/simulator/variants?q=%20")).data.products).toEqual([]);
    expect(h.fake.calls).toEqual([]);
  });

  it("turns typed text into Shopify search terms that cannot become field filters", async () => {
    const { variantSearchQuery } = await import("../../app/services/admin/shopify-variants.server");
    expect(variantSearchQuery("Mug 11oz")).toBe("Mug* 11oz*");
    expect(variantSearchQuery('sku:SECRET OR (title:"x")')).toBe("sku* SECRET* OR* title* x*");
    expect(variantSearchQuery("  ")).toBe("");
  });

  it("answers exactly what the checkout callback answers for the same cart, with the explanation", async () => {
    // GIVEN two mugs to Los Angeles at a fixed time
    const now = new Date("2026-11-23T15:00:00Z");
    const { simulateRates, simulatedRequest, parseSimulatorForm } =
      await import("../../app/services/admin/simulator.server");
    const { shopifyVariants } = await import("../../app/services/admin/shopify-variants.server");
    const { adminContext } = await import("../../app/services/admin/admin-context.server");
    const context = await adminContext(new Request("http://localhost/app/simulator"));
    const { variants } = await shopifyVariants(context.graphql);
    const form = new FormData();
    form.set("zip", "90012");
    form.set(`qty.${DEMO_VARIANTS.mug}`, "2");
    // WHEN the simulator runs, and the same request goes through the real callback (token-authenticated)
    const simulated = await simulateRates(h.db, DEMO_SHOP, form, variants, now);
    const { answerCarrierRequest, createCallbackCache } =
      await import("../../app/services/carrier-service/callback.server");
    const mug = variants.find((v) => v.variantId === DEMO_VARIANTS.mug)!;
    const request = simulatedRequest(
      parseSimulatorForm(form).data!,
      new Map([
        [
          mug.variantId,
          {
            title: mug.title,
            sku: mug.sku,
            grams: Math.round(mug.weightOz! * 28.349523125),
            priceCents: mug.priceCents,
          },
        ],
      ]),
      "USD",
    );
    const { callbackToken } = await h.db.shop.findUniqueOrThrow({ where: { shop: DEMO_SHOP } });
    const callback = await answerCarrierRequest(
      { method: "POST", header: () => null, rawBody: Buffer.from(JSON.stringify(request)) },
      callbackToken,
      { db: h.db, cache: createCallbackCache(h.db), appSecret: "unused-with-token", now: () => now },
    );
    // THEN the rates are identical, and each carries its reasons
    expect(callback.status).toBe(200);
    expect(simulated.ok).toBe(true);
    if (!simulated.ok) return;
    expect(simulated.rates.length).toBeGreaterThan(0);
    expect(simulated.rates).toEqual(JSON.parse(callback.body!).rates);
    expect(simulated.explain.map((q) => q.service_code)).toEqual(simulated.rates.map((r) => r.service_code));
    expect(simulated.explain[0].shipments[0].packages.length).toBeGreaterThan(0);
    expect(simulated.explain[0].reasons.length).toBeGreaterThan(0);
    // ... and every warehouse the explanation ships from has the name the merchant gave it
    for (const shipment of simulated.explain.flatMap((q) => q.shipments))
      expect(simulated.warehouseNames[shipment.warehouse]).toMatch(/\w+ [A-Z]{2} \(/);
  });

  it("shows rates for a ZIP through the page's action", async () => {
    const { status, data } = await submit(route.action, "/app/simulator", {
      zip: "10001",
      [`qty.${DEMO_VARIANTS.tee}`]: "1",
    });
    expect(status).toBe(200);
    expect(data.rates.map((r: { service_code: string }) => r.service_code)).toContain("TR_STANDARD");
  });

  it("reads only the cart's variants from Shopify, by id", async () => {
    h.fake.calls.length = 0;
    const { status } = await submit(route.action, "/app/simulator", {
      zip: "10001",
      [`qty.${DEMO_VARIANTS.tee}`]: "1",
      [`qty.${DEMO_VARIANTS.mug}`]: "2",
    });
    expect(status).toBe(200);
    expect(h.fake.callsTo("productVariants")).toEqual([]);
    expect(h.fake.callsTo("nodes").map((c) => c.variables.ids)).toEqual([
      [
        `gid://shopify/ProductVariant/${DEMO_VARIANTS.tee}`,
        `gid://shopify/ProductVariant/${DEMO_VARIANTS.mug}`,
      ],
    ]);
  });

  it("asks for a valid ZIP and at least one product", async () => {
    const { status, data } = await submit(route.action, "/app/simulator", {
      zip: "1234",
      [`qty.${DEMO_VARIANTS.tee}`]: "0",
    });
    expect(status).toBe(422);
    expect(data.errors).toEqual({ zip: "expected a 5-digit ZIP", lines: "add at least one product" });
  });

  it("is never influenced by another shop's products or warehouses", async () => {
    // GIVEN the demo shop's rates for two mugs to Los Angeles at a fixed time
    const now = new Date("2026-11-23T15:00:00Z");
    const { simulateRates } = await import("../../app/services/admin/simulator.server");
    const { shopifyVariants } = await import("../../app/services/admin/shopify-variants.server");
    const { adminContext } = await import("../../app/services/admin/admin-context.server");
    const { saveShopConfig } = await import("../../app/services/shop/config-store.server");
    const { variants } = await shopifyVariants(
      (await adminContext(new Request("http://localhost/app/simulator"))).graphql,
    );
    const form = new FormData();
    form.set("zip", "90012");
    form.set(`qty.${DEMO_VARIANTS.mug}`, "2");
    const before = await simulateRates(h.db, DEMO_SHOP, form, variants, now);
    expect(before.ok).toBe(true);
    // WHEN another shop gets a warehouse next door to the buyer stocking the mug, and its own mug profile
    // becomes a 40-inch, 60 lb crate
    const [edison, ...rest] = otherShopConfig.warehouses;
    await saveShopConfig(h.db, {
      ...otherShopConfig,
      warehouses: [
        {
          ...edison,
          id: "other-los-angeles",
          name: "OTHER Los Angeles",
          address: { address1: "1 Main St", city: "Los Angeles", state: "CA", zip: "90012", country: "US" },
          timeZone: "America/Los_Angeles",
          inventory: { [DEMO_VARIANTS.mug]: 999 },
        },
        edison,
        ...rest,
      ],
      productProfiles: otherShopConfig.productProfiles.map((p) =>
        p.variantId === DEMO_VARIANTS.mug
          ? { ...p, lengthIn: 40, widthIn: 40, heightIn: 40, weightOz: 960 }
          : p,
      ),
    });
    expect(await h.db.warehouse.count({ where: { shop: OTHER_SHOP, key: "other-los-angeles" } })).toBe(1);
    // THEN the demo shop's simulation is unchanged, rate for rate and reason for reason
    const after = await simulateRates(h.db, DEMO_SHOP, form, variants, now);
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toMatch(/other-los-angeles|OTHER /);
    // …and the page's own answer names none of the other shop's warehouses
    const { data } = await submit(route.action, "/app/simulator", {
      zip: "90012",
      [`qty.${DEMO_VARIANTS.mug}`]: "2",
    });
    expect(data.rates.length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toMatch(/other-los-angeles|OTHER /);
  });

  it("tells a shop with no active warehouse to add one first instead of failing", async () => {
    // GIVEN a freshly installed shop with nothing configured
    const { recordInstall } = await import("../../app/services/shop/lifecycle.server");
    const { simulateRates } = await import("../../app/services/admin/simulator.server");
    const fresh = "simulator-fresh-install.myshopify.com";
    await recordInstall(h.db, fresh);
    const form = new FormData();
    form.set("zip", "10001");
    form.set(`qty.${DEMO_VARIANTS.tee}`, "1");
    // WHEN the merchant asks for rates
    const result = await simulateRates(h.db, fresh, form, []);
    // THEN the form says what to do first
    expect(result).toEqual({
      ok: false,
      errors: { form: "No active warehouse yet: add one on the Warehouses page, then a carrier service" },
    });
  });
});
