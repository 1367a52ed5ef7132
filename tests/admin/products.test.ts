import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installDemoAdminApi } from "../../scripts/lib/demo-admin";
import {
  installVariantMetafields,
  type FakeVariantMetafields,
} from "../../scripts/lib/fake-variant-metafields";
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

const fixture = (name: string) => readFileSync(new URL(`../fixtures/admin/${name}`, import.meta.url), "utf8");

let h: AdminHarness;
let route: typeof import("../../app/routes/app.products");
beforeAll(async () => {
  h = await startAdminHarness();
  route = await import("../../app/routes/app.products");
});
afterAll(() => h?.stop());

/** The demo's fake Admin API again, and the demo catalogue read from it. */
async function resetDemoCatalogue() {
  installDemoAdminApi(h.fake.reset());
  await submit(route.action, "/app/products", { intent: "sync" });
}

const MUG = "44012345670001";
const VALID = {
  intent: "save",
  variantId: MUG,
  sku: "MUG-11OZ",
  name: "Ceramic mug 11 oz",
  length: "5.5",
  width: "4",
  height: "4",
  weight: "1",
  fragile: "on",
};

describe("Products page", () => {
  it("reads the catalogue from Shopify on first opening and lists this shop's products only", async () => {
    // GIVEN a shop whose catalogue was never read WHEN the page opens
    const { data } = await load(route.loader, "/app/products");
    // THEN every demo variant is listed (Shopify's weight, the profile's dimensions) and no other shop's row
    expect(data.syncError).toBeNull();
    expect(data.table).toMatchObject({ variants: 11, missing: 0, total: 11, page: 1, pages: 1 });
    expect(data.table.rows.find((r: { variantId: string }) => r.variantId === MUG)).toMatchObject({
      sku: "MUG-11OZ",
      // Pounds and inches are the default display units: 14 oz shows as 0.88 lb.
      weight: 0.88,
      inShopify: true,
      dimensions: { length: 5, width: 4, height: 4 },
    });
    expect(data.table.rows.some((r: { title: string }) => r.title.startsWith("OTHER"))).toBe(false);
    expect(await h.db.catalogueVariant.count({ where: { shop: OTHER_SHOP } })).toBe(0);
  });

  it("saves a variant's dimensions in the display units as inches and ounces", async () => {
    const before = await configVersion(h.db);
    const { status } = await submit(route.action, "/app/products", VALID);
    expect(status).toBe(200);
    expect(
      await h.db.productProfile.findFirstOrThrow({ where: { shop: DEMO_SHOP, variantId: MUG } }),
    ).toMatchObject({
      lengthIn: 5.5,
      weightOz: 16,
      fragile: true,
      valuable: false,
    });
    expect(await configVersion(h.db)).toBe(before + 1);
  });

  it("converts centimetres and kilograms when the shop uses metric units", async () => {
    await h.db.shop.update({ where: { shop: DEMO_SHOP }, data: { weightUnit: "KG", dimensionUnit: "CM" } });
    await submit(route.action, "/app/products", {
      ...VALID,
      length: "25.4",
      width: "10.16",
      height: "10.16",
      weight: "1",
    });
    expect(
      await h.db.productProfile.findFirstOrThrow({ where: { shop: DEMO_SHOP, variantId: MUG } }),
    ).toMatchObject({
      lengthIn: 10,
      widthIn: 4,
      weightOz: 35.274,
    });
    await h.db.shop.update({ where: { shop: DEMO_SHOP }, data: { weightUnit: "LB", dimensionUnit: "IN" } });
  });

  it("answers invalid input with inline errors and saves nothing", async () => {
    const before = await h.db.productProfile.findFirstOrThrow({ where: { shop: DEMO_SHOP, variantId: MUG } });
    const { status, data } = await submit(route.action, "/app/products", {
      ...VALID,
      length: "0",
      width: "",
      name: "",
    });
    expect(status).toBe(422);
    expect(Object.keys(data.errors).sort()).toEqual(["lengthIn", "name", "widthIn"]);
    expect(
      await h.db.productProfile.findFirstOrThrow({ where: { shop: DEMO_SHOP, variantId: MUG } }),
    ).toEqual(before);
  });

  it("imports nothing from a CSV with one bad line, and names the line", async () => {
    const before = await h.db.productProfile.findMany({ where: { shop: DEMO_SHOP }, orderBy: { id: "asc" } });
    const { status, data } = await submit(route.action, "/app/products", {
      intent: "import",
      csv: fixture("products-bad-line.csv"),
    });
    expect(status).toBe(422);
    expect(data.lineErrors).toEqual([{ line: 3, message: "height_in: Too small: expected number to be >0" }]);
    expect(
      await h.db.productProfile.findMany({ where: { shop: DEMO_SHOP }, orderBy: { id: "asc" } }),
    ).toEqual(before);
  });

  it("imports every row of a good CSV (updates and new variants) for this shop only", async () => {
    const { status } = await submit(route.action, "/app/products", {
      intent: "import",
      csv: fixture("products-good.csv"),
    });
    expect(status).toBe(200);
    expect(
      await h.db.productProfile.findFirstOrThrow({ where: { shop: DEMO_SHOP, variantId: MUG } }),
    ).toMatchObject({ name: "Ceramic mug 11 oz (new box)", lengthIn: 6 });
    expect(
      await h.db.productProfile.findFirstOrThrow({ where: { shop: DEMO_SHOP, variantId: "44012345679999" } }),
    ).toMatchObject({ shipAlone: true, weightOz: 240 });
    // The other shop's mug keeps its own profile.
    expect(
      await h.db.productProfile.findFirstOrThrow({ where: { shop: OTHER_SHOP, variantId: MUG } }),
    ).toMatchObject({ name: "OTHER Ceramic mug 11 oz", lengthIn: 5 });
  });

  it("removes a profile of this shop, and cannot remove another shop's", async () => {
    const theirs = await h.db.productProfile.findFirstOrThrow({
      where: { shop: OTHER_SHOP, variantId: "44012345670005" },
    });
    const { status } = await submit(route.action, "/app/products", {
      intent: "delete",
      variantId: "44012345670005",
    });
    expect(status).toBe(200);
    expect(await h.db.productProfile.count({ where: { shop: DEMO_SHOP, variantId: "44012345670005" } })).toBe(
      0,
    );
    expect(await h.db.productProfile.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(theirs);
    const again = await submit(route.action, "/app/products", {
      intent: "delete",
      variantId: "44012345670005",
    });
    expect(again.status).toBe(422);
    expect(again.data.errors.form).toBe("no such product profile");
  });
});

describe("Shopify reads of the admin pages, page after page", () => {
  const variantNode = (i: number) => ({
    id: `gid://shopify/ProductVariant/${900000 + i}`,
    displayName: `Catalogue item ${i}`,
    sku: `CAT-${i}`,
    price: "10.00",
    inventoryItem: { measurement: { weight: { unit: "GRAMS", value: 283.5 } } },
  });

  it("reads every variant of a catalogue longer than one page, following the cursor", async () => {
    // GIVEN a shop with 260 variants (more than one page at any page size Shopify allows)
    const all = Array.from({ length: 260 }, (_, i) => variantNode(i));
    h.fake.reset().on("productVariants", (call) => ({ productVariants: connectionPage(all, call) }));
    try {
      // WHEN the merchant reads the catalogue from Shopify
      const { status } = await submit(route.action, "/app/products", { intent: "sync" });
      // THEN every variant is stored, in Shopify's order, with its weight converted
      expect(status).toBe(200);
      const stored = await h.db.catalogueVariant.findMany({ where: { shop: DEMO_SHOP } });
      expect(stored).toHaveLength(260);
      expect(stored.find((v) => v.variantId === "900259")).toMatchObject({ sku: "CAT-259", weightOz: 10 });
      // …read with one request per page, each after the previous page's end cursor
      const calls = h.fake.callsTo("productVariants");
      expect(calls.length).toBeGreaterThan(1);
      expect(calls[0].variables.cursor ?? null).toBeNull();
      for (let i = 1; i < calls.length; i++)
        expect(calls[i].variables.cursor).toBe(
          connectionPage(all, { query: calls[i - 1].query, variables: calls[i - 1].variables }).pageInfo
            .endCursor,
        );
    } finally {
      await resetDemoCatalogue();
    }
  });

  it("lists every Shopify location for the warehouse picker, past the first page", async () => {
    // GIVEN a shop with 130 locations
    const all = Array.from({ length: 130 }, (_, i) => ({
      id: `gid://shopify/Location/${7000 + i}`,
      name: `Location ${i}`,
      isActive: i % 2 === 0,
      address: { city: "Dallas", provinceCode: "TX", zip: "75201" },
    }));
    h.fake.reset().on("locations", (call) => ({ locations: connectionPage(all, call) }));
    try {
      const { shopifyLocations } = await import("../../app/services/admin/shopify-locations.server");
      const { adminContext } = await import("../../app/services/admin/admin-context.server");
      const { graphql } = await adminContext(new Request("http://localhost/app/warehouses/new"));
      // WHEN the picker's locations are read
      const { locations, error } = await shopifyLocations(graphql);
      // THEN all 130 are there, over more than one request
      expect(error).toBeNull();
      expect(locations.map((l) => l.id)).toEqual(all.map((l) => l.id));
      expect(locations[129]).toMatchObject({ name: "Location 129", city: "Dallas", zip: "75201" });
      expect(h.fake.callsTo("locations").length).toBeGreaterThan(1);
    } finally {
      installDemoAdminApi(h.fake.reset());
    }
  });

  it("says so when a page fails, and keeps the catalogue it had instead of part of Shopify's", async () => {
    // GIVEN the second page answers with a GraphQL error
    const before = await h.db.catalogueVariant.count({ where: { shop: DEMO_SHOP } });
    const all = Array.from({ length: 260 }, (_, i) => variantNode(i));
    h.fake
      .reset()
      .on("productVariants", (call) => ({ productVariants: connectionPage(all, call) }))
      .onRaw("productVariants", (call) =>
        call.variables.cursor ? { body: { errors: [{ message: "Internal error on page 2" }] } } : undefined,
      );
    try {
      const { status, data } = await submit(route.action, "/app/products", { intent: "sync" });
      expect(status).toBe(422);
      expect(data.errors.form).toMatch(/^Shopify products could not be read/);
      expect(await h.db.catalogueVariant.count({ where: { shop: DEMO_SHOP } })).toBe(before);
    } finally {
      installDemoAdminApi(h.fake.reset());
    }
  });
});

describe("Products table: Shopify metafields, paging and bulk edits", () => {
  const gid = (n: number | string) => `gid://shopify/ProductVariant/${n}`;
  const KEYS = [
    "length_in",
    "width_in",
    "height_in",
    "fragile",
    "valuable",
    "cold_chain",
    "ships_alone",
    "freight_only",
  ];
  const posters = Array.from({ length: 120 }, (_, i) => ({
    id: gid(800000 + i),
    displayName: `Poster ${String(i).padStart(3, "0")}`,
    sku: i === 7 ? "RARE-SKU" : `PST-${i}`,
    price: "5.00",
    inventoryItem: { measurement: { weight: { unit: "OUNCES", value: 8 } } },
  }));
  const row = (n: number, lengths: [string, string, string], flags: Record<string, boolean> = {}) => ({
    variantId: String(n),
    length: lengths[0],
    width: lengths[1],
    height: lengths[2],
    fragile: false,
    valuable: false,
    coldChain: false,
    shipAlone: false,
    bulky: false,
    ...flags,
  });
  let metafields: FakeVariantMetafields;
  const table = async (query = "") => (await load(route.loader, `/app/products${query}`)).data.table;

  beforeAll(async () => {
    // GIVEN a catalogue of 120 posters, the first 30 with dimensions in their $app:shipping metafields
    metafields = installVariantMetafields(h.fake.reset());
    for (let i = 0; i < 30; i++)
      metafields.values.set(
        gid(800000 + i),
        new Map([
          ["$app:shipping.length_in", "20"],
          ["$app:shipping.width_in", "3"],
          ["$app:shipping.height_in", "3"],
          ["$app:shipping.fragile", i === 0 ? "true" : "false"],
        ]),
      );
    h.fake.on("productVariants", (call) => ({
      productVariants: connectionPage(
        posters.map((v) => metafields.decorate(call, v)),
        call,
      ),
    }));
    const { status } = await submit(route.action, "/app/products", { intent: "sync" });
    expect(status).toBe(200);
  });
  afterAll(() => resetDemoCatalogue());

  it("creates the $app:shipping definitions on install, and a second install finds them TAKEN without error", async () => {
    const { FakeShopifyAdmin } = await import("../../scripts/lib/fake-shopify-admin");
    const { adminGraphqlClient } = await import("../../app/services/admin/admin-graphql.server");
    const { installShippingMetafieldDefinitions } =
      await import("../../app/services/admin/product-metafields.server");
    const fake = await new FakeShopifyAdmin().start();
    const shopify = installVariantMetafields(fake);
    try {
      const client = adminGraphqlClient(DEMO_SHOP, "offline-token", fake.url);
      // WHEN the shop installs, then installs again
      const first = await installShippingMetafieldDefinitions(client, DEMO_SHOP);
      const second = await installShippingMetafieldDefinitions(client, DEMO_SHOP);
      // THEN the eight definitions exist once, typed, on variants, editable by the merchant
      expect(first).toEqual({ created: KEYS, existing: [], errors: [] });
      expect(second).toEqual({ created: [], existing: KEYS, errors: [] });
      expect(shopify.definitions.map((d) => d.key)).toEqual(KEYS);
      expect(shopify.definitions[0]).toEqual({
        ownerType: "PRODUCTVARIANT",
        namespace: "$app:shipping",
        key: "length_in",
        type: "number_decimal",
        access: { admin: "MERCHANT_READ_WRITE" },
      });
      expect(shopify.definitions.find((d) => d.key === "freight_only")?.type).toBe("boolean");
    } finally {
      await fake.stop();
    }
  });

  it("takes the dimensions Shopify's metafields give, and pages, searches and filters the products", async () => {
    // THEN the 30 posters with metafields have profiles from them (name and weight from Shopify)
    expect(
      await h.db.productProfile.findFirstOrThrow({ where: { shop: DEMO_SHOP, variantId: "800000" } }),
    ).toMatchObject({
      name: "Poster 000",
      lengthIn: 20,
      widthIn: 3,
      heightIn: 3,
      fragile: true,
      weightOz: 8,
    });
    // …the page counts the 90 without dimensions, as the checklist's function does
    const { productsMissingDimensions } = await import("../../app/services/admin/products.server");
    expect(await productsMissingDimensions(h.db, DEMO_SHOP)).toEqual({ missing: 90, variants: 120 });
    expect(await table()).toMatchObject({ variants: 120, missing: 90 });
    // WHEN the merchant searches "poster" THEN 120 rows over three pages of 50
    const first = await table("?q=poster");
    expect(first).toMatchObject({ total: 120, page: 1, pages: 3 });
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]).toMatchObject({
      variantId: "800000",
      weight: 0.5,
      dimensions: { length: 20, width: 3, height: 3 },
      fragile: true,
    });
    const third = await table("?q=poster&page=3");
    expect(third.rows.map((r: { title: string }) => r.title).at(-1)).toBe("Poster 119");
    expect(third.rows).toHaveLength(20);
    // …a SKU finds its one product, case-insensitively
    expect((await table("?q=rare-sku")).rows.map((r: { variantId: string }) => r.variantId)).toEqual([
      "800007",
    ]);
    // …"missing dimensions" lists only the 90 default-box posters, a page past the end shows the last one
    const missing = await table("?q=poster&missing=1&page=99");
    expect(missing).toMatchObject({ total: 90, page: 2, pages: 2 });
    expect(missing.rows.every((r: { dimensions: unknown }) => r.dimensions === null)).toBe(true);
  });

  it("saves edited rows as profiles and as metafields, at most 25 metafields per metafieldsSet call", async () => {
    // GIVEN ten posters without dimensions, edited inline
    const before = await configVersion(h.db);
    const calls = h.fake.callsTo("metafieldsSet").length;
    const rows = Array.from({ length: 10 }, (_, i) =>
      row(800030 + i, ["12", "9", String(2 + i)], { fragile: i % 2 === 0, bulky: i === 9 }),
    );
    // WHEN they are saved together
    const { status, data } = await submit(route.action, "/app/products", {
      intent: "rows",
      rows: JSON.stringify(rows),
    });
    // THEN each has its profile, in one save…
    expect(status).toBe(200);
    expect(data.message).toBe("10 products saved (and in Shopify)");
    expect(
      await h.db.productProfile.findFirstOrThrow({ where: { shop: DEMO_SHOP, variantId: "800039" } }),
    ).toMatchObject({
      name: "Poster 039",
      sku: "PST-39",
      lengthIn: 12,
      heightIn: 11,
      bulky: true,
      weightOz: 8,
    });
    expect(await configVersion(h.db)).toBe(before + 1);
    // …and Shopify has the same values: 80 metafields in batches of 25, 25, 25 and 5
    const sets = h.fake.callsTo("metafieldsSet").slice(calls);
    expect(sets.map((c) => (c.variables.metafields as unknown[]).length)).toEqual([25, 25, 25, 5]);
    expect(Object.fromEntries(metafields.values.get(gid(800039))!)).toEqual({
      "$app:shipping.length_in": "12",
      "$app:shipping.width_in": "9",
      "$app:shipping.height_in": "11",
      "$app:shipping.fragile": "false",
      "$app:shipping.valuable": "false",
      "$app:shipping.cold_chain": "false",
      "$app:shipping.ships_alone": "false",
      "$app:shipping.freight_only": "true",
    });
    expect((await table()).missing).toBe(80);
  });

  it("names the row and field of a zero, negative or empty length, and saves nothing of that save", async () => {
    const calls = h.fake.callsTo("metafieldsSet").length;
    const before = await configVersion(h.db);
    const { status, data } = await submit(route.action, "/app/products", {
      intent: "rows",
      rows: JSON.stringify([
        row(800040, ["0", "5", "5"]),
        row(800041, ["4", "-2", ""]),
        row(800042, ["4", "4", "4"]),
      ]),
    });
    expect(status).toBe(422);
    expect(data.errors).toEqual({
      "800040.length": "Poster 040: length must be more than 0",
      "800041.width": "Poster 041: width must be more than 0",
      "800041.height": "Poster 041: enter a height",
    });
    expect(
      await h.db.productProfile.count({
        where: { shop: DEMO_SHOP, variantId: { in: ["800040", "800041", "800042"] } },
      }),
    ).toBe(0);
    expect(await configVersion(h.db)).toBe(before);
    expect(h.fake.callsTo("metafieldsSet")).toHaveLength(calls);
  });

  it("sets a flag on the selected rows, and refuses the whole action when a row has no dimensions yet", async () => {
    // WHEN two posters with dimensions are marked cold chain
    const ok = await submit(route.action, "/app/products", {
      intent: "bulk-flags",
      flag: "coldChain",
      value: "true",
      variantIds: ["800001", "800002"],
    });
    // THEN both are, their dimensions kept, in Shopify too
    expect(ok.status).toBe(200);
    expect(
      await h.db.productProfile.findFirstOrThrow({ where: { shop: DEMO_SHOP, variantId: "800002" } }),
    ).toMatchObject({ coldChain: true, lengthIn: 20, fragile: false });
    expect(metafields.values.get(gid(800001))?.get("$app:shipping.cold_chain")).toBe("true");
    // WHEN the selection holds a poster without dimensions THEN nothing changes and that row is named
    const refused = await submit(route.action, "/app/products", {
      intent: "bulk-flags",
      flag: "coldChain",
      value: "true",
      variantIds: ["800003", "800100"],
    });
    expect(refused.status).toBe(422);
    expect(refused.data.errors).toEqual({
      "800100.length": "Poster 100: enter its dimensions before setting a flag",
    });
    expect(
      (await h.db.productProfile.findFirstOrThrow({ where: { shop: DEMO_SHOP, variantId: "800003" } }))
        .coldChain,
    ).toBe(false);
  });

  it("gives the selected rows the same dimensions in the shop's unit, keeping their flags", async () => {
    await h.db.shop.update({ where: { shop: DEMO_SHOP }, data: { dimensionUnit: "CM" } });
    try {
      const bad = await submit(route.action, "/app/products", {
        intent: "bulk-dimensions",
        variantIds: ["800000", "800101"],
        length: "-1",
        width: "25.4",
        height: "",
      });
      expect(bad.status).toBe(422);
      expect(bad.data.errors).toEqual({ length: "length must be more than 0", height: "enter a height" });
      const { status } = await submit(route.action, "/app/products", {
        intent: "bulk-dimensions",
        variantIds: ["800000", "800101"],
        length: "50.8",
        width: "25.4",
        height: "2.54",
      });
      expect(status).toBe(200);
      for (const variantId of ["800000", "800101"])
        expect(
          await h.db.productProfile.findFirstOrThrow({ where: { shop: DEMO_SHOP, variantId } }),
        ).toMatchObject({ lengthIn: 20, widthIn: 10, heightIn: 1, fragile: variantId === "800000" });
    } finally {
      await h.db.shop.update({ where: { shop: DEMO_SHOP }, data: { dimensionUnit: "IN" } });
    }
  });

  it("never lists, counts or writes another shop's products", async () => {
    // GIVEN a variant only the other shop has
    await h.db.catalogueVariant.create({
      data: { shop: OTHER_SHOP, variantId: "555000001", title: "OTHER secret lamp", syncedAt: new Date() },
    });
    const calls = h.fake.callsTo("metafieldsSet").length;
    // WHEN this shop's admin tries to save it, inline or in bulk THEN it is refused and nothing is written
    const inline = await submit(route.action, "/app/products", {
      intent: "rows",
      rows: JSON.stringify([row(555000001, ["5", "5", "5"])]),
    });
    expect(inline.status).toBe(422);
    expect(inline.data.errors).toEqual({
      "555000001.row": "variant 555000001 is not one of this shop's products",
    });
    const bulk = await submit(route.action, "/app/products", {
      intent: "bulk-dimensions",
      variantIds: ["555000001"],
      length: "5",
      width: "5",
      height: "5",
    });
    expect(bulk.status).toBe(422);
    expect(await h.db.productProfile.count({ where: { variantId: "555000001" } })).toBe(0);
    expect(h.fake.callsTo("metafieldsSet")).toHaveLength(calls);
    // …and neither the table nor the count shows it
    expect((await table("?q=secret")).total).toBe(0);
    const { productsMissingDimensions } = await import("../../app/services/admin/products.server");
    expect(await productsMissingDimensions(h.db, OTHER_SHOP)).toEqual({ missing: 1, variants: 1 });
    expect((await table()).variants).toBe(120);
  });
});

describe("product CSV checked in slices in the browser", () => {
  const HEADER =
    "variant_id,sku,name,length_in,width_in,height_in,weight_oz,fragile,valuable,cold_chain,bulky,ship_alone";
  // Lines a merchant's file may hold: good ones (few variant ids, so repeats happen), wrong ones, blank ones.
  const line = fc.oneof(
    fc
      .record({
        id: fc.integer({ min: 1, max: 12 }),
        l: fc.integer({ min: 1, max: 30 }),
        flag: fc.constantFrom("yes", "no", "", "maybe"),
      })
      .map(({ id, l, flag }) => `${4400 + id},SKU${id},"Item, ${id}",${l},4,3,12,${flag},no,no,no,no`),
    fc.constantFrom(
      "44,,Mug,ten,4,4,12,no,no,no,no,no",
      "abc,,Mug,5,4,4,12,maybe,no,no,no,no",
      "4455,,,5,4,4,12,no,no,no,no,no",
      "",
      " , ",
    ),
  );

  it("finds exactly what checking the whole file at once finds", async () => {
    const { productProfilesFromCsv } = await import("../../app/contracts/product-csv");
    const { checkProductCsv } = await import("../../app/services/admin/product-csv-check");
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (lines, sliceRows) => {
        // GIVEN any file WHEN checked in slices of a few lines THEN the errors and product count are the contract's
        const text = [HEADER, ...lines].join("\n");
        const whole = productProfilesFromCsv(text);
        const check = checkProductCsv(text, sliceRows);
        let step = check.next();
        const progress: number[] = [];
        while (!step.done) {
          progress.push(step.value);
          step = check.next();
        }
        expect(step.value).toEqual({ errors: whole.errors, products: whole.profiles.length });
        expect(progress).toEqual([...progress].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it("reports a missing column on the header line, like the contract", async () => {
    const { checkProductCsv } = await import("../../app/services/admin/product-csv-check");
    const check = checkProductCsv("variant_id,name\n1,Mug");
    const step = check.next();
    expect(step.done).toBe(true);
    expect(step.value).toEqual({
      errors: ["length_in", "width_in", "height_in"].map((c) => ({
        line: 1,
        message: `missing column "${c}"`,
      })),
      products: 0,
    });
  });
});
