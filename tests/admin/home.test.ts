import { Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SHOP, load, OTHER_SHOP, startAdminHarness, type AdminHarness } from "./admin-harness";

let h: AdminHarness;
let route: typeof import("../../app/routes/app._index");
beforeAll(async () => {
  h = await startAdminHarness();
  route = await import("../../app/routes/app._index");
});
afterAll(() => h?.stop());

const routed = (shop: string, orderId: string, mode: string, costCents: number, warehouses: string[]) =>
  h.db.routingDecision.create({
    data: {
      shop,
      orderId,
      status: "APPLIED",
      mode,
      costCents,
      serviceCode: mode === "FREIGHT" ? "TR_FREIGHT_THRESHOLD" : "TR_STANDARD",
      promisedMaxDate: new Date("2026-11-20T00:00:00Z"),
      plan: { shipments: warehouses.map((warehouseId) => ({ warehouseId })) } as Prisma.InputJsonValue,
      reasons: [],
      actions: [],
      pickupPoint: Prisma.DbNull,
    },
  });

describe("Home page", () => {
  it("shows the setup checklist and empty figures before any order", async () => {
    const { data } = await load(route.loader, "/app");
    expect(
      Object.fromEntries(data.checklist.map((i: { key: string; done: boolean }) => [i.key, i.done])),
    ).toEqual({
      carrierService: false, // the demo never registers with Shopify
      warehouses: true,
      services: true,
      products: true,
      testQuote: true,
    });
    expect(data.checklist[0].detail).toBe("Demo session: there is no Shopify store to register with");
    expect(data.figures).toEqual({
      orders: 0,
      ordersByWarehouse: [],
      averageCostByMode: [],
      onTimeByService: [],
      pickupByNetwork: [],
    });
  });

  it("shows a refused carrier service with Shopify's reason", async () => {
    await h.db.shop.update({
      where: { shop: DEMO_SHOP },
      data: { carrierServiceError: "Carrier-calculated shipping is not enabled" },
    });
    const { data } = await load(route.loader, "/app");
    expect(data.checklist[0].detail).toBe(
      "Shopify refused the carrier service: Carrier-calculated shipping is not enabled",
    );
    await h.db.shop.update({ where: { shop: DEMO_SHOP }, data: { carrierServiceError: null } });
  });

  it("counts routed orders by warehouse and mode, cost by mode and on-time rate, from this shop only", async () => {
    // GIVEN three routed orders (one split over two warehouses), one delivered late, and another shop's order
    const a = await routed(DEMO_SHOP, "gid://shopify/Order/1", "POSTAL", 1000, ["dallas-tx"]);
    await routed(DEMO_SHOP, "gid://shopify/Order/2", "POSTAL", 2000, ["dallas-tx", "ontario-ca"]);
    await routed(DEMO_SHOP, "gid://shopify/Order/3", "FREIGHT", 50000, ["edison-nj"]);
    await routed(OTHER_SHOP, "gid://shopify/Order/4", "FREIGHT", 99999, ["dallas-tx"]);
    await h.db.shipment.create({
      data: {
        shop: DEMO_SHOP,
        orderId: a.orderId,
        decisionId: a.id,
        carrier: "USPS",
        trackingNumber: "9400",
        status: "DELIVERED",
        statusAt: new Date("2026-11-22T12:00:00Z"),
      },
    });
    // WHEN the home page loads
    const { data } = await load(route.loader, "/app");
    // THEN the figures reflect only the demo shop's rows
    expect(data.figures.orders).toBe(3);
    expect(data.figures.ordersByWarehouse).toEqual([
      {
        name: "POSTAL",
        data: [
          { key: "dallas-tx", value: 2 },
          { key: "edison-nj", value: 0 },
          { key: "ontario-ca", value: 1 },
        ],
      },
      {
        name: "FREIGHT",
        data: [
          { key: "dallas-tx", value: 0 },
          { key: "edison-nj", value: 1 },
          { key: "ontario-ca", value: 0 },
        ],
      },
    ]);
    expect(data.figures.averageCostByMode).toEqual([
      { key: "POSTAL", value: 15 },
      { key: "FREIGHT", value: 500 },
    ]);
    expect(data.figures.onTimeByService).toEqual([{ key: "TR_STANDARD", value: 0, delivered: 1 }]);
  });
});

describe("admin context in a demo-mode process", () => {
  it("still demands Shopify authentication when the environment says production", async () => {
    // GIVEN this process runs in demo mode, but the admin context is handed a production environment
    const { adminContext } = await import("../../app/services/admin-context.server");
    const { appEnv } = await import("../../app/env.server");
    const production = { ...appEnv(), nodeEnv: "production" };
    // WHEN a request without a Shopify session asks for the admin context
    const outcome = await adminContext(new Request("http://localhost/app"), production).then(
      (context) => context,
      (thrown: unknown) => thrown,
    );
    // THEN Shopify's authentication answers (a redirect to login), not the demo shop
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(302);
    // …while the same request in the demo environment gets the demo shop
    expect((await adminContext(new Request("http://localhost/app"))).shop).toBe(DEMO_SHOP);
  });
});
