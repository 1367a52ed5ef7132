import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import { freshTestDatabase } from "../support/test-database";
import { installDemoAdminApi } from "../../scripts/lib/demo-admin";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import type { ShopConfig } from "../../app/engine/types";

// Loader/action tests call the real route modules with real Requests against a real migrated SQLite database,
// in demo mode (the admin context resolves to the demo shop, the Admin API is a local fake). A second shop's
// data sits in the same database so every test can check it is never shown or changed.

export const DEMO_SHOP = demoShopConfig.shop;
export const OTHER_SHOP = "other-store.myshopify.com";

/** The other shop: the demo configuration renamed, so its rows are recognisable. */
export const otherShopConfig: ShopConfig = {
  ...demoShopConfig,
  shop: OTHER_SHOP,
  warehouses: demoShopConfig.warehouses.map((w) => ({ ...w, name: `OTHER ${w.name}` })),
  carrierServices: demoShopConfig.carrierServices.map((s) => ({ ...s, name: `OTHER ${s.name}` })),
  productProfiles: demoShopConfig.productProfiles.map((p) => ({ ...p, name: `OTHER ${p.name}` })),
};

export interface AdminHarness {
  db: PrismaClient;
  fake: FakeShopifyAdmin;
  stop(): Promise<void>;
}

/** Migrates a fresh database, seeds the demo shop and another shop, and points the app's modules at them. */
export async function startAdminHarness(): Promise<AdminHarness> {
  const dir = mkdtempSync(join(tmpdir(), "tailroute-admin-"));
  const url = freshTestDatabase("admin", dir);
  const fake = installDemoAdminApi(await new FakeShopifyAdmin().start());
  // Read by app/db.server.ts and app/config/env.server.ts on first import: set before any app module loads.
  Object.assign(process.env, {
    DATABASE_URL: url,
    TAILROUTE_DEMO: "1",
    NODE_ENV: "test",
    SHOPIFY_ADMIN_API_BASE_URL: fake.url,
  });
  const { default: db } = await import("../../app/db.server");
  const { seedDemoShop } = await import("../../app/demo/seed.server");
  const { saveShopConfig } = await import("../../app/services/shop/config-store.server");
  const { recordInstall } = await import("../../app/services/shop/lifecycle.server");
  await seedDemoShop(db);
  await recordInstall(db, OTHER_SHOP);
  await saveShopConfig(db, otherShopConfig);
  return {
    db,
    fake,
    stop: async () => {
      await db.$disconnect();
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type RouteArgs = { request: Request; params: Record<string, string>; context: Record<string, unknown> };
type RouteFn = (args: RouteArgs) => Promise<unknown>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON answer: the assertions check its shape
export interface RouteAnswer<T = any> {
  status: number;
  data: T;
  headers: Headers;
}

async function answer(run: () => Promise<unknown>): Promise<RouteAnswer> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (!(result instanceof Response)) return { status: 200, data: result, headers: new Headers() };
  const type = result.headers.get("Content-Type") ?? "";
  const data = type.includes("json") ? await result.json() : await result.text();
  return { status: result.status, data, headers: result.headers };
}

/** GET through a route's loader. */
export function load(loader: RouteFn, path: string, params: Record<string, string> = {}) {
  return answer(() => loader({ request: new Request(`http://localhost${path}`), params, context: {} }));
}

/** POST a form through a route's action. Arrays become repeated fields, like checkboxes. */
export function submit(
  action: RouteFn,
  path: string,
  fields: Record<string, string | string[]>,
  params: Record<string, string> = {},
) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return answer(() =>
    action({
      request: new Request(`http://localhost${path}`, { method: "POST", body }),
      params,
      context: {},
    }),
  );
}

/** The shop's configVersion (bumped by every save). */
export async function configVersion(db: PrismaClient, shop = DEMO_SHOP) {
  return (await db.shop.findUniqueOrThrow({ where: { shop }, select: { configVersion: true } }))
    .configVersion;
}

/**
 * One page of a connection as the Admin API answers it: `first` read from the query, `after` from the
 * `$cursor` variable, opaque cursors, `pageInfo { hasNextPage endCursor }`.
 */
export function connectionPage<T>(all: T[], call: { query: string; variables: Record<string, unknown> }) {
  const first = Number(/first:\s*(\d+)/.exec(call.query)?.[1] ?? 250);
  const after = call.variables.cursor;
  const start =
    typeof after === "string" && after
      ? Number(Buffer.from(after, "base64").toString().split(":")[1]) + 1
      : 0;
  const nodes = all.slice(start, start + first);
  const cursorOf = (index: number) => Buffer.from(`cursor:${index}`).toString("base64");
  return {
    nodes,
    pageInfo: {
      hasNextPage: start + nodes.length < all.length,
      endCursor: nodes.length > 0 ? cursorOf(start + nodes.length - 1) : null,
    },
  };
}
