import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installDemoAdminApi } from "../../scripts/lib/demo-admin";
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
  it("shows this shop's profiles and the variants read from the Admin API", async () => {
    const { data } = await load(route.loader, "/app/products");
    expect(data.variantsError).toBeNull();
    expect(data.variants.find((v: { variantId: string }) => v.variantId === MUG)).toMatchObject({
      sku: "MUG-11OZ",
      weightOz: 14,
    });
    expect(data.profiles).toHaveLength(11);
    expect(data.profiles.some((p: { name: string }) => p.name.startsWith("OTHER"))).toBe(false);
    // Pounds and inches are the default display units: 14 oz shows as 0.88 lb.
    expect(data.profiles.find((p: { variantId: string }) => p.variantId === MUG).weight).toBe(0.88);
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

  it("lists every variant of a catalogue longer than one page, following the cursor", async () => {
    // GIVEN a shop with 260 variants (more than one page at any page size Shopify allows)
    const all = Array.from({ length: 260 }, (_, i) => variantNode(i));
    h.fake.reset().on("productVariants", (call) => ({ productVariants: connectionPage(all, call) }));
    try {
      // WHEN the products page loads
      const { data } = await load(route.loader, "/app/products");
      // THEN every variant is offered, in Shopify's order, with its weight converted
      expect(data.variantsError).toBeNull();
      expect(data.variants).toHaveLength(260);
      expect(data.variants.at(-1)).toMatchObject({ variantId: "900259", sku: "CAT-259", weightOz: 10 });
      expect(new Set(data.variants.map((v: { variantId: string }) => v.variantId)).size).toBe(260);
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
      installDemoAdminApi(h.fake.reset());
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

  it("says so when a page fails, instead of showing part of the catalogue as all of it", async () => {
    // GIVEN the second page answers with a GraphQL error
    const all = Array.from({ length: 260 }, (_, i) => variantNode(i));
    h.fake
      .reset()
      .on("productVariants", (call) => ({ productVariants: connectionPage(all, call) }))
      .onRaw("productVariants", (call) =>
        call.variables.cursor ? { body: { errors: [{ message: "Internal error on page 2" }] } } : undefined,
      );
    try {
      const { data } = await load(route.loader, "/app/products");
      expect(data.variants).toEqual([]);
      expect(data.variantsError).toMatch(/^Shopify products could not be read/);
    } finally {
      installDemoAdminApi(h.fake.reset());
    }
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
