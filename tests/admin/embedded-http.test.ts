import type { PrismaClient } from "@prisma/client";
import { getJwt, RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { extensionSessionToken } from "../../scripts/lib/session-token";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { appDatabase } from "../support/app-database";
import { TEST_API_KEY, TEST_API_SECRET } from "../support/global-setup";
import { storeOfflineSession } from "../support/offline-session";

// The embedded admin over real HTTP with Shopify's real authentication: the shared test server runs with
// TAILROUTE_DEMO=0, requests carry a session token signed with the app secret (as App Bridge sends it), and the
// offline session is in the database as an install leaves it. Two shops: each sees only its own data.

const BROWSER = {
  "User-Agent":
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
};
const STORE_A = "embedded-admin-a";
const STORE_B = "embedded-admin-b";
const shopOf = (store: string) => `${store}.myshopify.com`;

let db: PrismaClient;

async function install(store: string, label: string) {
  const shop = shopOf(store);
  await recordInstall(db, shop);
  await saveShopConfig(db, {
    ...demoShopConfig,
    shop,
    warehouses: demoShopConfig.warehouses.map((w) => ({ ...w, name: `${label} ${w.name}` })),
  });
  await storeOfflineSession(db, shop, `token-${store}`);
}

/** A document request as the Shopify admin loads the embedded app (embedded=1, shop, host, id_token). */
async function embeddedGet(store: string, path: string) {
  const request = await setUpValidRequest(
    { type: RequestType.Admin, store, apiKey: TEST_API_KEY, apiSecretKey: TEST_API_SECRET },
    new Request(new URL(path, inject("appUrl"))),
  );
  return fetch(request.url, { headers: BROWSER, redirect: "manual" });
}

/** The settings form posted as App Bridge's fetch sends it (a Remix data request with the session token). */
function postSettings(
  token: string,
  form: Record<string, string>,
  contentType = "application/x-www-form-urlencoded",
) {
  return fetch(new URL("/app/settings?_data=routes%2Fapp.settings", inject("appUrl")), {
    method: "POST",
    headers: { ...BROWSER, Authorization: `Bearer ${token}`, "Content-Type": contentType },
    body: new URLSearchParams(form).toString(),
  });
}

beforeAll(async () => {
  db = appDatabase();
  await install(STORE_A, "SHOP-A");
  await install(STORE_B, "SHOP-B");
});
afterAll(() => db?.$disconnect());

describe("embedded admin (Shopify session token, TAILROUTE_DEMO=0)", () => {
  it("renders with App Bridge and its NavMenu, and only the signed-in shop's warehouses", async () => {
    const response = await embeddedGet(STORE_A, "/app/warehouses");
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('src="https://cdn.shopify.com/shopifycloud/app-bridge.js"');
    expect(html).toContain("<ui-nav-menu>");
    expect(html).toContain("SHOP-A Edison NJ (East)");
    expect(html).not.toContain("SHOP-B");
    expect(html).not.toContain("Demo session");
  });

  it("answers another shop's record with 404", async () => {
    const theirs = await db.warehouse.findFirstOrThrow({ where: { shop: shopOf(STORE_B) } });
    const response = await embeddedGet(STORE_A, `/app/warehouses/${theirs.id}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("SHOP-B");
  });

  it("saves through an action authenticated by the bearer token, for that shop only", async () => {
    // GIVEN App Bridge's fetch: Authorization: Bearer <session token>
    const { token } = await getJwt(STORE_A, TEST_API_KEY, TEST_API_SECRET);
    // WHEN the settings form posts (Remix data request)
    const response = await postSettings(token, { intent: "units", weightUnit: "G", dimensionUnit: "CM" });
    // THEN shop A's units change and shop B's do not
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, message: "Units saved" });
    const units = await db.shop.findMany({
      where: { shop: { in: [shopOf(STORE_A), shopOf(STORE_B)] } },
      orderBy: { shop: "asc" },
      select: { weightUnit: true },
    });
    expect(units).toEqual([{ weightUnit: "G" }, { weightUnit: "LB" }]);
  });

  it("refuses an action whose token is signed with another secret", async () => {
    const { token } = await getJwt(STORE_B, TEST_API_KEY, "not-the-app-secret");
    const response = await postSettings(token, { intent: "units", weightUnit: "KG", dimensionUnit: "CM" });
    expect(response.status).toBe(401);
    expect((await db.shop.findUniqueOrThrow({ where: { shop: shopOf(STORE_B) } })).weightUnit).toBe("LB");
  });

  it("answers an action body that is no HTML form with 415 and a reason, and changes nothing", async () => {
    const { token } = await getJwt(STORE_A, TEST_API_KEY, TEST_API_SECRET);
    const response = await postSettings(
      token,
      { intent: "units", weightUnit: "OZ", dimensionUnit: "CM" },
      "text/plain",
    );
    expect(response.status).toBe(415);
    expect(await response.text()).toMatch(/HTML form/);
    expect((await db.shop.findUniqueOrThrow({ where: { shop: shopOf(STORE_A) } })).weightUnit).not.toBe("OZ");
  });

  it("answers a correctly signed session token that names no valid shop with 401, not a server error", async () => {
    const token = extensionSessionToken({
      shop: "not a shop",
      apiKey: TEST_API_KEY,
      secret: TEST_API_SECRET,
    });
    const response = await postSettings(token, { intent: "units", weightUnit: "OZ", dimensionUnit: "CM" });
    expect(response.status).toBe(401);
  });
});
