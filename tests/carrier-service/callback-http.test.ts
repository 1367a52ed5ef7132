import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { shopifyHmac } from "../../scripts/lib/signed-webhook";
import { appDatabase } from "../support/app-database";
import { fixture } from "../support/fixtures";

// The real app over real HTTP (tests/support/global-setup.ts), with real HMACs.
const db = appDatabase();
const shop = "callback-http.myshopify.com";
const goneShop = "callback-uninstalled.myshopify.com";
const freshShop = "callback-fresh.myshopify.com";
let token = "";
let goneToken = "";

beforeAll(async () => {
  await saveShopConfig(db, { ...demoShopConfig, shop });
  await saveShopConfig(db, { ...demoShopConfig, shop: goneShop });
  await recordInstall(db, freshShop); // installed, not onboarded: no warehouse, service or carton
  await db.shop.update({ where: { shop: goneShop }, data: { uninstalledAt: new Date() } });
  token = (await db.shop.findUniqueOrThrow({ where: { shop } })).callbackToken;
  goneToken = (await db.shop.findUniqueOrThrow({ where: { shop: goneShop } })).callbackToken;
});
afterAll(() => db.$disconnect());

type Rate = { service_code: string; total_price: string; description: string; min_delivery_date?: string };
const request = (name: string) =>
  fixture<{ rate: Record<string, unknown> & { destination: Record<string, unknown> } }>(`engine/${name}`);

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(new URL(path, inject("appUrl")), {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body,
  });
}
function signed(body: string, forShop = shop, secret = inject("appApiSecret")) {
  return { "X-Shopify-Hmac-Sha256": shopifyHmac(body, secret), "X-Shopify-Shop-Domain": forShop };
}
async function rates(response: Response): Promise<Rate[]> {
  expect(response.status).toBe(200);
  return ((await response.json()) as { rates: Rate[] }).rates;
}

describe("POST /api/carrier-service (authentication)", () => {
  const body = JSON.stringify(request("request-small-cart-dallas.json"));

  it("answers a correctly signed request with the engine's tiers", async () => {
    const list = await rates(await post("/api/carrier-service", body, signed(body)));
    expect(list.map((r) => r.service_code)).toEqual(["TR_STANDARD", "TR_ECONOMY"]);
    for (const r of list) {
      expect(r.total_price).toMatch(/^[1-9]\d*$/);
      expect(r.description).toMatch(/^Ships from Dallas, TX · arrives /);
      expect(r.min_delivery_date).toMatch(/^\d{4}-\d{2}-\d{2} 14:00:00 -0[56]00$/);
    }
  });

  it("answers a freshly installed shop, before onboarding, 200 with no rates", async () => {
    const response = await post("/api/carrier-service", body, signed(body, freshShop));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ rates: [] });
  });

  it("accepts the shop's token in the path when no HMAC is sent", async () => {
    expect((await rates(await post(`/api/carrier-service/${token}`, body))).length).toBeGreaterThan(0);
  });

  it.each([
    ["a wrong HMAC", "/api/carrier-service", () => signed(body, shop, "not-the-secret")],
    ["no HMAC and no token", "/api/carrier-service", () => ({})],
    ["an unknown token", "/api/carrier-service/not-a-token", () => ({})],
    [
      "a valid HMAC naming another shop than the token's",
      () => `/api/carrier-service/${token}`,
      () => signed(body, goneShop),
    ],
    ["the token of an uninstalled shop", () => `/api/carrier-service/${goneToken}`, () => ({})],
    ["a valid HMAC from an uninstalled shop", "/api/carrier-service", () => signed(body, goneShop)],
  ] as const)("refuses %s with a bare 401", async (_what, path, headers) => {
    const response = await post(typeof path === "function" ? path() : path, body, headers());
    expect(response.status).toBe(401);
    expect(await response.text()).toBe("");
  });
});

describe("POST /api/carrier-service/:token (input)", () => {
  const path = () => `/api/carrier-service/${token}`;

  it("answers malformed JSON with 400 and a reason", async () => {
    const response = await post(path(), '{"rate": ');
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Malformed JSON/);
  });

  it("answers a body of the wrong shape with 400 naming the field", async () => {
    const response = await post(path(), JSON.stringify({ rate: { items: "three mugs" } }));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/rate\.(items|origin|destination)/);
  });

  it("answers a body over 1 MB with 413", async () => {
    const response = await post(path(), JSON.stringify({ rate: { padding: "x".repeat(1_100_000) } }));
    expect(response.status).toBe(413);
  });

  it("keeps answering after a client hung up halfway through its body", async () => {
    // GIVEN a client that announces 2,000 bytes, sends 100 and closes its connection
    const app = new URL(inject("appUrl"));
    const socket = connect(Number(app.port), app.hostname);
    await new Promise<void>((resolve) => socket.once("connect", resolve));
    socket.write(
      `POST ${path()} HTTP/1.1\r\nHost: ${app.host}\r\nContent-Type: application/json\r\n` +
        `Content-Length: 2000\r\n\r\n${'{"rate": '.padEnd(100, " ")}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise<void>((resolve) => socket.end(resolve));
    socket.destroy();
    // WHEN the next checkout asks for rates
    const body = JSON.stringify(request("request-small-cart-dallas.json"));
    // THEN the server is still up and answers it
    expect((await rates(await post(path(), body))).length).toBeGreaterThan(0);
  });

  it("answers a non-US destination with an empty rate list (cannot serve)", async () => {
    const body = request("request-small-cart-dallas.json");
    body.rate.destination = {
      ...body.rate.destination,
      country: "CA",
      postal_code: "M5V 2T6",
      province: "ON",
    };
    expect(await rates(await post(path(), JSON.stringify(body)))).toEqual([]);
  });

  it("serves a PO box with postal tiers only", async () => {
    const list = await rates(await post(path(), JSON.stringify(request("request-po-box-austin.json"))));
    expect(list.map((r) => r.service_code)).toEqual(["TR_STANDARD", "TR_ECONOMY"]);
  });

  it("serves a bulky cart with freight tiers only", async () => {
    const list = await rates(await post(path(), JSON.stringify(request("request-sofa-nyc.json"))));
    expect(list.map((r) => r.service_code)).toEqual([
      "TR_FREIGHT_THRESHOLD",
      "TR_FREIGHT_ROOM_OF_CHOICE",
      "TR_FREIGHT_WHITE_GLOVE",
    ]);
  });

  it("serves Alaska and Hawaii with parcel tiers that arrive later than the lower 48", async () => {
    const lower48 = await rates(
      await post(path(), JSON.stringify(request("request-small-cart-dallas.json"))),
    );
    for (const [zip, state] of [
      ["99501", "AK"],
      ["96813", "HI"],
    ]) {
      const body = request("request-small-cart-dallas.json");
      body.rate.destination = { ...body.rate.destination, postal_code: zip, province: state, city: "X" };
      const list = await rates(await post(path(), JSON.stringify(body)));
      expect(list.length).toBeGreaterThan(0);
      const standard = list.find((r) => r.service_code === "TR_STANDARD")!;
      const near = lower48.find((r) => r.service_code === "TR_STANDARD")!;
      expect(Number(standard.total_price)).toBeGreaterThan(Number(near.total_price));
    }
  });
});
