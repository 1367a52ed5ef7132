import type { Prisma, PrismaClient } from "@prisma/client";
import { getJwt, RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PickList } from "../../app/contracts/warehouse-handoff";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { buildHandoffDocument } from "../../app/services/handoff/handoff-document";
import type { AssignedFulfillmentOrder } from "../../app/services/handoff/shopify-fulfillment-service.server";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { appDatabase } from "../support/app-database";
import { TEST_API_KEY, TEST_API_SECRET } from "../support/global-setup";
import { storeOfflineSession } from "../support/offline-session";

// The pick-list downloads and the tracking upload on the real app over HTTP, behind Shopify's admin authentication
// (the shared server runs with TAILROUTE_DEMO=0): a session token of the shop is required, and a shop sees only
// its own warehouses and orders.

const BROWSER = {
  "User-Agent":
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
};
const STORE_A = "pick-list-http-a";
const STORE_B = "pick-list-http-b";
const shopOf = (store: string) => `${store}.myshopify.com`;
const DAY = "2026-12-08";
let db: PrismaClient;
const warehouseIds: Record<string, string> = {};

function fulfillmentOrder(n: number, name: string): AssignedFulfillmentOrder {
  return {
    id: `gid://shopify/FulfillmentOrder/${n}`,
    status: "IN_PROGRESS",
    requestStatus: "ACCEPTED",
    assignedLocation: { location: { id: "gid://shopify/Location/1" } },
    order: { id: `gid://shopify/Order/${n}`, name },
    destination: {
      firstName: "Grace",
      lastName: "Hopper",
      company: null,
      address1: "1 Navy Way",
      address2: null,
      city: "Arlington",
      province: "VA",
      zip: "22202",
      countryCode: "US",
      phone: null,
    },
    lineItems: {
      nodes: [
        {
          id: `gid://shopify/FulfillmentOrderLineItem/${n}`,
          sku: "MUG-11",
          productTitle: "Stoneware mug",
          remainingQuantity: 3,
          variant: { id: "gid://shopify/ProductVariant/1" },
        },
      ],
    },
    merchantRequests: { nodes: [] },
  };
}

async function install(store: string, orderName: string, n: number) {
  const shop = shopOf(store);
  await recordInstall(db, shop);
  await saveShopConfig(db, { ...demoShopConfig, shop });
  await storeOfflineSession(db, shop, `token-${store}`);
  const warehouse = await db.warehouse.update({
    where: { shop_key: { shop, key: "edison-nj" } },
    data: { handoffEnabled: true, handoffMethod: "PICK_LIST" },
  });
  warehouseIds[store] = warehouse.id;
  const fo = fulfillmentOrder(n, orderName);
  await db.warehouseHandoff.create({
    data: {
      shop,
      warehouseKey: "edison-nj",
      fulfillmentOrderId: fo.id,
      orderId: fo.order.id,
      orderName,
      shipDate: DAY,
      document: buildHandoffDocument({
        handoffId: `${shop}/${n}`,
        shop,
        warehouse: { key: "edison-nj", name: warehouse.name },
        fulfillmentOrder: fo,
        routing: null,
        requestedAt: new Date("2026-12-08T12:00:00Z"),
      }) as unknown as Prisma.InputJsonValue,
    },
  });
}

async function token(store: string, secret = TEST_API_SECRET) {
  return (await getJwt(store, TEST_API_KEY, secret)).token;
}

function get(path: string, bearer?: string) {
  return fetch(new URL(path, inject("appUrl")), {
    headers: { ...BROWSER, ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
    redirect: "manual",
  });
}

function upload(store: string, form: Record<string, string>, bearer?: string) {
  return fetch(new URL(`/app/warehouses/${warehouseIds[store]}/tracking-upload`, inject("appUrl")), {
    method: "POST",
    headers: {
      ...BROWSER,
      "Content-Type": "application/x-www-form-urlencoded",
      ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
    },
    body: new URLSearchParams(form).toString(),
    redirect: "manual",
  });
}

beforeAll(async () => {
  db = appDatabase();
  await install(STORE_A, "#5001", 5001);
  await install(STORE_B, "#5002-B", 5002);
});
afterAll(() => db?.$disconnect());

describe("the warehouse page of a handed-off warehouse", () => {
  it("shows the handoff method, the pick-list downloads and the tracking upload", async () => {
    const request = await setUpValidRequest(
      { type: RequestType.Admin, store: STORE_A, apiKey: TEST_API_KEY, apiSecretKey: TEST_API_SECRET },
      new Request(new URL(`/app/warehouses/${warehouseIds[STORE_A]}`, inject("appUrl"))),
    );
    const page = await fetch(request.url, { headers: BROWSER, redirect: "manual" });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("How the warehouse gets its orders");
    expect(html).toContain("On (pick list)");
    expect(html).toContain("Download CSV");
    expect(html).toContain("Upload tracking (CSV)");
  });
});

describe("GET /app/warehouses/:id/pick-list.csv and .json", () => {
  it("needs the shop's session: none, or a forged token, gets no pick list", async () => {
    const path = `/app/warehouses/${warehouseIds[STORE_A]}/pick-list.csv?date=${DAY}`;
    const anonymous = await get(path);
    const forged = await get(path, await token(STORE_A, "not-the-app-secret"));
    expect([302, 401]).toContain(anonymous.status);
    expect(forged.status).toBe(401);
    expect(await anonymous.text()).not.toContain("#5001");
  });

  it("gives the shop's pick list of the day as CSV and JSON, and never another shop's", async () => {
    const bearer = await token(STORE_A);
    const csv = await get(`/app/warehouses/${warehouseIds[STORE_A]}/pick-list.csv?date=${DAY}`, bearer);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("Content-Disposition")).toContain(`pick-list-edison-nj-${DAY}.csv`);
    const text = await csv.text();
    expect(text).toMatch(/^order,handoff_id,fulfillment_order_id,sku,title,quantity,/);
    expect(text).toContain(
      "#5001,pick-list-http-a.myshopify.com/5001,gid://shopify/FulfillmentOrder/5001,MUG-11",
    );
    expect(text).not.toContain("#5002-B");
    const json = await get(`/app/warehouses/${warehouseIds[STORE_A]}/pick-list.json?date=${DAY}`, bearer);
    const list = PickList.parse(await json.json());
    expect(list.orders.map((o) => o.order.name)).toEqual(["#5001"]);
    // AND shop B's warehouse, asked for with shop A's session, is not found; a bad date is refused
    const theirs = await get(`/app/warehouses/${warehouseIds[STORE_B]}/pick-list.csv?date=${DAY}`, bearer);
    expect(theirs.status).toBe(404);
    expect(await theirs.text()).not.toContain("#5002-B");
    const badDate = await get(
      `/app/warehouses/${warehouseIds[STORE_A]}/pick-list.json?date=08/12/2026`,
      bearer,
    );
    expect(badDate.status).toBe(400);
  });
});

describe("POST /app/warehouses/:id/tracking-upload", () => {
  it("previews a file line by line and refuses a bad one whole, for the session's shop only", async () => {
    const bearer = await token(STORE_A);
    const good = "order,tracking_number,carrier\n#5001,1Z999AA10123456784,UPS\n";
    // WHEN a valid file is previewed  THEN its line is matched to the order, nothing written
    const preview = await upload(STORE_A, { intent: "preview", csv: good }, bearer);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({
      ok: true,
      lines: [{ line: 2, orderName: "#5001", outcome: "new" }],
    });
    // WHEN a file with a bad line is applied  THEN 422 with the line and field, and nothing is saved
    const bad = await upload(
      STORE_A,
      { intent: "apply", csv: `${good}#5002-B,1Z999AA10123456785,UPS\n` },
      bearer,
    );
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      ok: false,
      lineErrors: [{ line: 3, field: "order", message: "order: no order #5002-B handed to this warehouse" }],
    });
    const handoff = await db.warehouseHandoff.findFirstOrThrow({ where: { shop: shopOf(STORE_A) } });
    expect(handoff.trackingNumber).toBeNull();
    // AND without a session, or for another shop's warehouse, nothing is read or written
    const anonymous = await upload(STORE_A, { intent: "apply", csv: good });
    expect([302, 401]).toContain(anonymous.status);
    const theirs = await upload(STORE_B, { intent: "apply", csv: good }, bearer);
    expect(theirs.status).toBe(404);
    expect(
      (
        await db.warehouseHandoff.findMany({ where: { shop: { in: [shopOf(STORE_A), shopOf(STORE_B)] } } })
      ).map((h) => h.trackingNumber),
    ).toEqual([null, null]);
  });
});
