import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCATIONS_PAGE_SIZE } from "../../app/services/admin/shopify-locations.server";
import {
  configVersion,
  connectionPage,
  DEMO_SHOP,
  load,
  OTHER_SHOP,
  startAdminHarness,
  submit,
  type AdminHarness,
} from "./admin-harness";

let h: AdminHarness;
let list: typeof import("../../app/routes/app.warehouses._index");
let edit: typeof import("../../app/routes/app.warehouses.$id");
beforeAll(async () => {
  h = await startAdminHarness();
  list = await import("../../app/routes/app.warehouses._index");
  edit = await import("../../app/routes/app.warehouses.$id");
});
afterAll(() => h?.stop());

const VALID = {
  key: "reno-nv",
  name: "Reno NV (West 2)",
  address1: "1 Logistics Way",
  city: "Reno",
  state: "NV",
  zip: "89502",
  timeZone: "America/Los_Angeles",
  cutoffLocalTime: "15:30",
  handlingDays: "1",
  modes: ["EXPRESS_PARCEL", "POSTAL"],
  shopifyLocationId: "gid://shopify/Location/1003",
  active: "on",
};

describe("Warehouses page", () => {
  it("lists only this shop's warehouses", async () => {
    // GIVEN the demo shop and another shop with its own ("OTHER …") warehouses
    // WHEN the list loads
    const { status, data } = await load(list.loader, "/app/warehouses");
    // THEN the demo's three warehouses show, none of the other shop's
    expect(status).toBe(200);
    expect(data.warehouses.map((w: { name: string }) => w.name)).toEqual([
      "Edison NJ (East)",
      "Dallas TX (Central)",
      "Ontario CA (West)",
    ]);
  });

  it("offers the shop's Shopify locations from the Admin API in the picker", async () => {
    const { data } = await load(edit.loader, "/app/warehouses/new", { id: "new" });
    expect(data.error).toBeNull();
    expect(data.locations.map((l: { id: string }) => l.id)).toContain("gid://shopify/Location/1002");
    expect(h.fake.callsTo("locations").length).toBeGreaterThan(0);
  });

  it("creates a warehouse in one save and bumps the config version", async () => {
    // GIVEN the current config version
    const before = await configVersion(h.db);
    // WHEN the merchant submits a valid new warehouse
    const { status, headers } = await submit(edit.action, "/app/warehouses/new", VALID, { id: "new" });
    // THEN it is stored for this shop with every field, and the callback cache's version moved on
    expect(status).toBe(302);
    const row = await h.db.warehouse.findFirstOrThrow({ where: { shop: DEMO_SHOP, key: "reno-nv" } });
    expect(headers.get("Location")).toBe(`/app/warehouses/${row.id}?created=1`);
    expect(row).toMatchObject({
      name: "Reno NV (West 2)",
      province: "NV",
      zip: "89502",
      cutoffLocalTime: "15:30",
      offersFreight: false,
      offersPostal: true,
      shopifyLocationId: "gid://shopify/Location/1003",
      active: true,
    });
    expect(await configVersion(h.db)).toBe(before + 1);
  });

  it("answers invalid input with inline errors and saves nothing", async () => {
    const dallas = await h.db.warehouse.findFirstOrThrow({ where: { shop: DEMO_SHOP, key: "dallas-tx" } });
    const before = await configVersion(h.db);
    // WHEN the ZIP, cutoff and modes are wrong
    const { status, data } = await submit(
      edit.action,
      `/app/warehouses/${dallas.id}`,
      { ...VALID, key: "dallas-tx", zip: "7520", cutoffLocalTime: "25:00", modes: [] },
      { id: dallas.id },
    );
    // THEN each field says what is wrong and the row is untouched
    expect(status).toBe(422);
    expect(data.errors).toMatchObject({
      "address.zip": "expected a 5-digit ZIP",
      cutoffLocalTime: "expected HH:MM (24-hour)",
    });
    expect(data.errors.modes).toBeDefined();
    expect(await h.db.warehouse.findUniqueOrThrow({ where: { id: dallas.id } })).toEqual(dallas);
    expect(await configVersion(h.db)).toBe(before);
  });

  it("saves the freight service levels a freight warehouse offers, and the engine configuration carries them", async () => {
    // GIVEN Dallas, which ships freight and has no level list yet (= every level)
    const dallas = await h.db.warehouse.findFirstOrThrow({ where: { shop: DEMO_SHOP, key: "dallas-tx" } });
    const opened = await load(edit.loader, `/app/warehouses/${dallas.id}`, { id: dallas.id });
    expect(opened.data.values.freightLevels).toEqual(["THRESHOLD", "ROOM_OF_CHOICE", "WHITE_GLOVE"]);
    const before = await configVersion(h.db);
    // WHEN the merchant keeps only threshold and white glove
    const fields = {
      ...VALID,
      key: "dallas-tx",
      name: dallas.name,
      city: dallas.city,
      state: dallas.province,
      zip: dallas.zip,
      timeZone: dallas.timeZone,
      modes: ["EXPRESS_PARCEL", "POSTAL", "FREIGHT"],
      freightLevels: ["WHITE_GLOVE", "THRESHOLD"],
      shopifyLocationId: dallas.shopifyLocationId!,
    };
    const saved = await submit(edit.action, `/app/warehouses/${dallas.id}`, fields, { id: dallas.id });
    // THEN the list is stored (in the admin's order) in one save, and the engine's config carries it
    expect(saved.status).toBe(200);
    const row = await h.db.warehouse.findUniqueOrThrow({ where: { id: dallas.id } });
    expect(row.freightLevels).toEqual(["THRESHOLD", "WHITE_GLOVE"]);
    expect(await configVersion(h.db)).toBe(before + 1);
    const reopened = await load(edit.loader, `/app/warehouses/${dallas.id}`, { id: dallas.id });
    expect(reopened.data.values.freightLevels).toEqual(["THRESHOLD", "WHITE_GLOVE"]);
    const { loadShopConfig } = await import("../../app/services/shop/config-store.server");
    const config = await loadShopConfig(h.db, DEMO_SHOP);
    expect(config!.warehouses.find((w) => w.id === "dallas-tx")!.freightLevels).toEqual([
      "THRESHOLD",
      "WHITE_GLOVE",
    ]);

    // WHEN freight is offered with no level ticked THEN the field says so and nothing is saved
    const none = await submit(
      edit.action,
      `/app/warehouses/${dallas.id}`,
      { ...fields, freightLevels: [] },
      { id: dallas.id },
    );
    expect(none.status).toBe(422);
    expect(none.data.errors.freightLevels).toBe(
      "a warehouse offering freight needs at least one service level",
    );
    const junk = await submit(
      edit.action,
      `/app/warehouses/${dallas.id}`,
      { ...fields, freightLevels: ["CURBSIDE"] },
      { id: dallas.id },
    );
    expect(junk.status).toBe(422);
    expect(junk.data.errors["freightLevels.0"]).toBeDefined();
    expect(await h.db.warehouse.findUniqueOrThrow({ where: { id: dallas.id } })).toEqual(row);
    expect(await configVersion(h.db)).toBe(before + 1);

    // WHEN freight is switched off THEN no level list is kept
    await submit(
      edit.action,
      `/app/warehouses/${dallas.id}`,
      { ...fields, modes: ["EXPRESS_PARCEL", "POSTAL"] },
      { id: dallas.id },
    );
    expect((await h.db.warehouse.findUniqueOrThrow({ where: { id: dallas.id } })).freightLevels).toBeNull();
  });

  it("refuses a key another warehouse of the shop already uses", async () => {
    const { status, data } = await submit(
      edit.action,
      "/app/warehouses/new",
      { ...VALID, key: "edison-nj" },
      { id: "new" },
    );
    expect(status).toBe(422);
    expect(data.errors.id).toBe("another warehouse already uses this key");
  });

  it("never shows or changes another shop's warehouse", async () => {
    // GIVEN a warehouse id of the other shop
    const theirs = await h.db.warehouse.findFirstOrThrow({ where: { shop: OTHER_SHOP } });
    // WHEN the demo shop opens or saves it
    const opened = await load(edit.loader, `/app/warehouses/${theirs.id}`, { id: theirs.id });
    const saved = await submit(edit.action, `/app/warehouses/${theirs.id}`, VALID, { id: theirs.id });
    // THEN both are "not found" and the row is unchanged
    expect(opened.status).toBe(404);
    expect(saved.status).toBe(404);
    expect(await h.db.warehouse.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(theirs);
  });

  it("turns on the handoff for a warehouse without a Shopify app: fulfillment service registered, secret shown once", async () => {
    // GIVEN the demo shop's Ontario warehouse and Shopify's fulfillment-service API
    const { FakeFulfillmentServiceShop } = await import("../../scripts/lib/fake-fulfillment-service");
    const shopify = new FakeFulfillmentServiceShop(h.fake).install();
    const ontario = await h.db.warehouse.findFirstOrThrow({ where: { shop: DEMO_SHOP, key: "ontario-ca" } });
    const path = `/app/warehouses/${ontario.id}`;
    // WHEN the merchant submits an endpoint that is not https, then a good one
    const bad = await submit(
      edit.action,
      path,
      { intent: "handoff", handoffUrl: "ftp://wh.example" },
      { id: ontario.id },
    );
    const good = await submit(
      edit.action,
      path,
      { intent: "handoff", handoffUrl: "https://wms.example/tailroute" },
      { id: ontario.id },
    );
    // THEN the first is refused under the field, nothing registered
    expect(bad.status).toBe(422);
    expect(bad.data.errors.handoffUrl).toBe("the warehouse endpoint must use https");
    // AND the second registers one fulfillment service and answers the secret, once
    expect(good.status).toBe(200);
    expect(good.data.value.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(shopify.services.size).toBe(1);
    // AND the page then shows the handoff on, without the secret
    const page = await load(edit.loader, path, { id: ontario.id });
    expect(page.data.handoff).toEqual({
      key: "ontario-ca",
      enabled: true,
      url: "https://wms.example/tailroute",
      method: "WEBHOOK",
      fulfillmentServiceId: [...shopify.services.keys()][0],
      today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(JSON.stringify(page.data)).not.toContain(good.data.value.secret);
    // AND another shop's warehouse cannot be switched
    const theirs = await h.db.warehouse.findFirstOrThrow({ where: { shop: OTHER_SHOP } });
    const foreign = await submit(
      edit.action,
      `/app/warehouses/${theirs.id}`,
      { intent: "handoff", handoffUrl: "https://wms.example/x" },
      { id: theirs.id },
    );
    expect(foreign.status).toBe(404);
  });
});

describe("Warehouses from Shopify locations", () => {
  // GIVEN a shop with 121 Shopify locations: Dallas (already linked to the demo's Dallas warehouse), then 120
  // others across time zones, one of them without a ZIP code
  const TOWNS = [
    { city: "El Paso", provinceCode: "TX", zip: "79901" }, // Texas, but Mountain time
    { city: "Phoenix", provinceCode: "AZ", zip: "85004" },
    { city: "Seattle", provinceCode: "WA", zip: "98101" },
    { city: "Denver", provinceCode: "CO", zip: "80202" },
  ];
  const generated = Array.from({ length: 120 }, (_, i) => ({
    id: `gid://shopify/Location/${5000 + i}`,
    name: `Depot ${i}`,
    isActive: true,
    address:
      i === 7
        ? { address1: null, city: null, provinceCode: null, zip: null }
        : { address1: `${i} Dock Rd`, ...TOWNS[i % TOWNS.length] },
  }));
  const dallas = {
    id: "gid://shopify/Location/1002",
    name: "Dallas TX (Central)",
    isActive: true,
    address: { address1: "2400 Esters Blvd", city: "Dallas", provinceCode: "TX", zip: "75261" },
  };
  const locations = [dallas, ...generated];
  const PICKS = { cutoffLocalTime: "15:00", handlingDays: "2", modes: ["EXPRESS_PARCEL"] };
  beforeAll(() => {
    h.fake.on("locations", (call) => ({ locations: connectionPage(locations, call) }));
  });
  const warehouseCount = (shop = DEMO_SHOP) => h.db.warehouse.count({ where: { shop } });

  it("reads every page of locations and offers each one no warehouse is linked to, with its ZIP's time zone", async () => {
    // WHEN the warehouses page loads
    const calls = h.fake.callsTo("locations").length;
    const { data } = await load(list.loader, "/app/warehouses");
    // THEN all pages were read, and all 120 unlinked locations are offered (not Dallas, which is linked)
    expect(h.fake.callsTo("locations").length - calls).toBe(Math.ceil(121 / LOCATIONS_PAGE_SIZE));
    const choices = data.locations.choices as {
      id: string;
      timeZone: string | null;
      problem: string | null;
    }[];
    expect(choices).toHaveLength(120);
    expect(choices.map((c) => c.id)).not.toContain(dallas.id);
    expect(choices[0]).toMatchObject({ id: generated[0].id, timeZone: "America/Denver", problem: null });
    expect(choices[1].timeZone).toBe("America/Phoenix");
    // AND a location without a ZIP cannot be picked, and says why
    expect(choices[7]).toMatchObject({ timeZone: null, problem: expect.stringContaining("no US ZIP") });
  });

  it("creates one linked warehouse per picked location, with the location's address and its ZIP's time zone", async () => {
    // GIVEN the config version and the other shop's warehouses
    const before = await configVersion(h.db);
    const theirs = await warehouseCount(OTHER_SHOP);
    // WHEN the merchant picks El Paso and Phoenix with a 15:00 cutoff, two handling days and parcel only
    const { status, data } = await submit(list.action, "/app/warehouses", {
      intent: "from-locations",
      locationIds: [generated[0].id, generated[1].id],
      ...PICKS,
    });
    // THEN two warehouses are created in one save, each linked to its location
    expect(status).toBe(200);
    expect(data).toMatchObject({ ok: true, value: { created: 2 } });
    const rows = await h.db.warehouse.findMany({
      where: { shop: DEMO_SHOP, shopifyLocationId: { in: [generated[0].id, generated[1].id] } },
      orderBy: { sortOrder: "asc" },
    });
    expect(rows).toMatchObject([
      {
        key: "depot-0",
        name: "Depot 0",
        address1: "0 Dock Rd",
        city: "El Paso",
        province: "TX",
        zip: "79901",
        timeZone: "America/Denver",
        cutoffLocalTime: "15:00",
        handlingDays: 2,
        offersExpressParcel: true,
        offersPostal: false,
        offersFreight: false,
        active: true,
      },
      { key: "depot-1", city: "Phoenix", province: "AZ", zip: "85004", timeZone: "America/Phoenix" },
    ]);
    expect(await configVersion(h.db)).toBe(before + 1);
    expect(await warehouseCount(OTHER_SHOP)).toBe(theirs);
    // AND they are no longer offered
    const { data: page } = await load(list.loader, "/app/warehouses");
    const offered = page.locations.choices.map((c: { id: string }) => c.id);
    expect(offered).not.toContain(generated[0].id);
    expect(offered).toHaveLength(118);
  });

  it("refuses an invalid cutoff, handling days or modes at their fields and saves nothing", async () => {
    const [before, count] = [await configVersion(h.db), await warehouseCount()];
    const { status, data } = await submit(list.action, "/app/warehouses", {
      intent: "from-locations",
      locationIds: [generated[2].id],
      cutoffLocalTime: "25:00",
      handlingDays: "-1",
    });
    expect(status).toBe(422);
    expect(data.errors).toMatchObject({ cutoffLocalTime: "expected HH:MM (24-hour)" });
    expect(data.errors.handlingDays).toBeDefined();
    expect(data.errors.modes).toBeDefined();
    expect([await configVersion(h.db), await warehouseCount()]).toEqual([before, count]);
  });

  it("refuses a linked, unknown or ZIP-less location and then saves none of the picks", async () => {
    const count = await warehouseCount();
    // WHEN a valid pick comes with the already linked Dallas location or an id that is no location of the shop
    for (const wrong of [dallas.id, "gid://shopify/Location/999999"]) {
      const { status, data } = await submit(list.action, "/app/warehouses", {
        intent: "from-locations",
        locationIds: [generated[3].id, wrong],
        ...PICKS,
      });
      // THEN the picks are refused and nothing is created
      expect(status).toBe(422);
      expect(data.errors.locationIds).toMatch(/not one of this shop's unlinked locations/);
    }
    // AND a location without a ZIP is named at its own row
    const { status, data } = await submit(list.action, "/app/warehouses", {
      intent: "from-locations",
      locationIds: [generated[3].id, generated[7].id],
      ...PICKS,
    });
    expect(status).toBe(422);
    expect(data.errors[`locations.${generated[7].id}`]).toBe("Depot 7: no US ZIP code in Shopify");
    expect(await warehouseCount()).toBe(count);
  });
});
