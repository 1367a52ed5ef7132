import { DEMO_LOCATION_IDS } from "../../app/demo/seed.server";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import type { FakeShopifyAdmin } from "./fake-shopify-admin";
import { installVariantMetafields, type FakeVariantMetafields } from "./fake-variant-metafields";

// The merchant admin in the demo: the fake Shopify answers the two Admin API reads the admin pages make
// (`locations` for the warehouse picker, `productVariants` for the products and the simulator's search, `nodes`
// for the simulator's cart), in the
// documented response shapes, from the demo shop's own data.

/** Demo unit prices (USD) by variant id; unknown variants cost $25. */
const PRICE_BY_NAME: [RegExp, string][] = [
  [/sofa|table|mattress/i, "899.00"],
  [/rug|lamp/i, "129.00"],
  [/watch/i, "349.00"],
];

const metafieldsOf = new WeakMap<FakeShopifyAdmin, FakeVariantMetafields>();

/** The variant metafields (definitions and values) of the demo's fake Admin API, as the app wrote them. */
export function demoVariantMetafields(fake: FakeShopifyAdmin): FakeVariantMetafields {
  const state = metafieldsOf.get(fake);
  if (!state) throw new Error("installDemoAdminApi has not run on this fake");
  return state;
}

/**
 * Answers `locations` and `productVariants` on the fake Admin API like a shop holding the demo catalogue, and the
 * variant metafield mutations of the products page (scripts/lib/fake-variant-metafields.ts).
 */
export function installDemoAdminApi(fake: FakeShopifyAdmin): FakeShopifyAdmin {
  const metafields = installVariantMetafields(fake);
  metafieldsOf.set(fake, metafields);
  fake.on("locations", () => ({
    locations: {
      nodes: demoShopConfig.warehouses.map((w) => ({
        id: DEMO_LOCATION_IDS[w.id] ?? `gid://shopify/Location/${w.id}`,
        name: w.name,
        isActive: true,
        address: {
          address1: w.address.address1 ?? null,
          city: w.address.city,
          provinceCode: w.address.state,
          zip: w.address.zip,
        },
      })),
      pageInfo: { hasNextPage: false, endCursor: null },
    },
  }));
  const variants = demoShopConfig.productProfiles
    .filter((p) => p.variantId)
    .map((p) => ({
      id: `gid://shopify/ProductVariant/${p.variantId}`,
      displayName: p.name,
      sku: p.sku ?? null,
      price: PRICE_BY_NAME.find(([pattern]) => pattern.test(p.name))?.[1] ?? "25.00",
      inventoryItem: {
        measurement: { weight: p.weightOz === undefined ? null : { unit: "OUNCES", value: p.weightOz } },
      },
    }));
  // `query` in Shopify's search syntax as the app sends it (prefix terms `mug*`, all must match the title or SKU).
  fake.on("productVariants", (call) => {
    const { variables } = call;
    const terms = String(variables.query ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((t) => t.replace(/\*$/, "").toLowerCase());
    const matches = (v: (typeof variants)[number]) =>
      terms.every((t) =>
        `${v.displayName} ${v.sku ?? ""}`
          .toLowerCase()
          .split(/[^a-z0-9]+/)
          .some((word) => word.startsWith(t)),
      );
    return {
      productVariants: {
        nodes: variants.filter(matches).map((v) => metafields.decorate(call, v)),
        pageInfo: { hasNextPage: false, endCursor: null },
      },
    };
  });
  // `nodes(ids:)`: null for an id the shop does not have, as the Admin API answers.
  fake.on("nodes", (call) => ({
    nodes: (call.variables.ids as string[]).map((id) => {
      const found = variants.find((v) => v.id === id);
      return found ? metafields.decorate(call, found) : null;
    }),
  }));
  return fake;
}

/**
 * Sets up the demo's admin (the fake Admin API reads above) and returns the lines `npm run demo` prints: the
 * admin opens in a normal browser for the demo shop, without Shopify (demo session, see docs/admin.md).
 */
export function demoAdmin(fake: FakeShopifyAdmin, baseUrl: string): string[] {
  installDemoAdminApi(fake);
  return [
    `Merchant admin (demo session, no Shopify needed)`,
    `  Home                     ${baseUrl}/app`,
    `  Warehouses · Carriers    ${baseUrl}/app/warehouses · ${baseUrl}/app/carriers`,
    `  Rate simulator · Orders  ${baseUrl}/app/simulator · ${baseUrl}/app/orders`,
  ];
}
