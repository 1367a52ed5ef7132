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
      pickupByPoint: [],
      lanes: [],
      laneOnTime: [],
      laneTransitDays: [],
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
    // (warehouses by the demo shop's names, never its keys or the other shop's names for the same keys)
    expect(data.figures.ordersByWarehouse).toEqual([
      {
        name: "POSTAL",
        data: [
          { key: "Dallas TX (Central)", value: 2 },
          { key: "Edison NJ (East)", value: 0 },
          { key: "Ontario CA (West)", value: 1 },
        ],
      },
      {
        name: "FREIGHT",
        data: [
          { key: "Dallas TX (Central)", value: 0 },
          { key: "Edison NJ (East)", value: 1 },
          { key: "Ontario CA (West)", value: 0 },
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

const lane = (
  shop: string,
  warehouseId: string,
  serviceId: string,
  destZip3: string,
  histogram: Record<string, number>,
  onTime: number,
  promised?: number,
) => {
  const samples = Object.values(histogram).reduce((a, b) => a + b, 0);
  return h.db.deliveryLane.create({
    data: {
      shop,
      warehouseId,
      serviceId,
      destZip3,
      samples,
      promisedSamples: promised ?? samples,
      onTime,
      histogram,
      p50Days: 2,
      p90Days: 3,
    },
  });
};

const pickupPoint = (shop: string, externalId: string, name: string, network = "UPS_ACCESS_POINT") =>
  h.db.pickupPoint.create({
    data: {
      shop,
      network,
      externalId,
      name,
      address1: "1 Main St",
      city: "Dallas",
      province: "TX",
      zip: "75201",
      latitude: 32.78,
      longitude: -96.8,
      hours: [],
    },
  });

let parcel = 0;
const heldParcel = (shop: string, pickupPointId: string, status: string, returningToOrigin = false) =>
  h.db.shipment.create({
    data: {
      shop,
      carrier: "UPS",
      trackingNumber: `1Z-HELD-${++parcel}`,
      status,
      pickupPointId,
      holdNetwork: "UPS_ACCESS_POINT",
      holdStartedAt: new Date("2026-11-20T15:00:00Z"),
      returningToOrigin,
    },
  });

describe("Home page: delivery performance", () => {
  it("charts on-time rate and transit days of the busiest lanes, by warehouse and service names, this shop only", async () => {
    // GIVEN lanes of the demo shop (one of a since-deleted warehouse) and a much busier lane of another shop
    // that uses the same warehouse key
    await lane(DEMO_SHOP, "dallas-tx", "ups-ground", "750", { "2": 6, "3": 4 }, 8);
    // (two of Edison's four deliveries had no promised window: its on-time rate is 1 of 2, not 1 of 4)
    await lane(DEMO_SHOP, "edison-nj", "usps-ground-advantage", "100", { "4": 3, "5": 1 }, 1, 2);
    await lane(DEMO_SHOP, "closed-wh", "ups-ground", "303", { "1": 2 }, 1);
    await lane(OTHER_SHOP, "dallas-tx", "ups-ground", "750", { "9": 500 }, 0);
    // WHEN the home page loads
    const { data } = await load(route.loader, "/app");
    // THEN the busiest of this shop's lanes come first, labelled with the demo shop's names
    const dallas = "Dallas TX (Central) · UPS Ground → 750xx";
    const edison = "Edison NJ (East) · USPS Ground Advantage → 100xx";
    const closed = "closed-wh · UPS Ground → 303xx";
    expect(data.figures.laneOnTime).toEqual([
      {
        name: "On time %",
        data: [
          { key: dallas, value: 80 },
          { key: edison, value: 50 },
          { key: closed, value: 50 },
        ],
      },
    ]);
    // …and the transit-day distribution is each lane's share of deliveries per business-day count
    expect(data.figures.laneTransitDays).toEqual([
      {
        name: "1 day",
        data: [
          { key: dallas, value: 0 },
          { key: edison, value: 0 },
          { key: closed, value: 100 },
        ],
      },
      {
        name: "2 days",
        data: [
          { key: dallas, value: 60 },
          { key: edison, value: 0 },
          { key: closed, value: 0 },
        ],
      },
      {
        name: "3 days",
        data: [
          { key: dallas, value: 40 },
          { key: edison, value: 0 },
          { key: closed, value: 0 },
        ],
      },
      {
        name: "4 days",
        data: [
          { key: dallas, value: 0 },
          { key: edison, value: 75 },
          { key: closed, value: 0 },
        ],
      },
      {
        name: "5 days",
        data: [
          { key: dallas, value: 0 },
          { key: edison, value: 25 },
          { key: closed, value: 0 },
        ],
      },
    ]);
    expect(
      data.figures.lanes.map((l: { warehouse: string; samples: number }) => [l.warehouse, l.samples]),
    ).toEqual([
      ["Dallas TX (Central)", 10],
      ["Edison NJ (East)", 4],
      ["closed-wh", 2],
    ]);
    expect(JSON.stringify(data.figures)).not.toMatch(/OTHER|"9 days"/);
  });

  it("shows only the busiest lanes when there are many", async () => {
    // GIVEN ten more small lanes of the demo shop
    for (let i = 0; i < 10; i++)
      await lane(DEMO_SHOP, "ontario-ca", "ups-ground", String(900 + i), { "2": 1 }, 1);
    // WHEN the home page loads THEN the chart keeps the eight busiest, the three bigger lanes first
    const { data } = await load(route.loader, "/app");
    const keys = data.figures.laneOnTime[0].data.map((d: { key: string }) => d.key);
    expect(keys).toHaveLength(8);
    expect(keys.slice(0, 3)).toEqual([
      "Dallas TX (Central) · UPS Ground → 750xx",
      "Edison NJ (East) · USPS Ground Advantage → 100xx",
      "closed-wh · UPS Ground → 303xx",
    ]);
  });

  it("shows the pickup rate per pickup point next to the per-network rate, this shop only", async () => {
    // GIVEN two of the demo shop's points: 2 of 3 parcels collected at one, the only parcel at the other returned
    const mall = await pickupPoint(DEMO_SHOP, "home-mall", "Mall locker");
    const store = await pickupPoint(DEMO_SHOP, "home-store", "Corner store");
    await heldParcel(DEMO_SHOP, mall.id, "PICKED_UP");
    await heldParcel(DEMO_SHOP, mall.id, "PICKED_UP");
    await heldParcel(DEMO_SHOP, mall.id, "AVAILABLE_FOR_PICKUP");
    await heldParcel(DEMO_SHOP, store.id, "RETURN_TO_SENDER", true);
    // …and another shop's busy point, plus another shop's parcels claiming the demo shop's point
    const theirs = await pickupPoint(OTHER_SHOP, "their-point", "OTHER point");
    for (let i = 0; i < 5; i++) await heldParcel(OTHER_SHOP, theirs.id, "PICKED_UP");
    await heldParcel(OTHER_SHOP, store.id, "PICKED_UP");
    // WHEN the home page loads
    const { data } = await load(route.loader, "/app");
    // THEN each point has its own rate, busiest first, and the network figure counts the same four parcels
    expect(data.figures.pickupByPoint).toEqual([
      { key: "Mall locker (UPS_ACCESS_POINT)", value: 66.7, held: 3 },
      { key: "Corner store (UPS_ACCESS_POINT)", value: 0, held: 1 },
    ]);
    expect(data.figures.pickupByNetwork).toEqual([{ key: "UPS_ACCESS_POINT", value: 50, held: 4 }]);
  });
});

describe("admin context in a demo-mode process", () => {
  /** What the admin context answers a request without a Shopify session: a context, or what it threw. */
  const contextFor = async (request: Request, env?: import("../../app/config/env.server").AppEnv) => {
    const { adminContext } = await import("../../app/services/admin/admin-context.server");
    return adminContext(request, env).then(
      (context) => context,
      (thrown: unknown) => thrown,
    );
  };
  const refusedToLogin = (outcome: unknown) => {
    // Shopify's authentication answers (a redirect to login), not the demo shop
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(302);
  };

  it("still demands Shopify authentication when the environment says production", async () => {
    // GIVEN this process runs in demo mode, but the admin context is handed a production environment
    const { appEnv } = await import("../../app/config/env.server");
    // WHEN a request without a Shopify session asks for the admin context THEN it must log in
    refusedToLogin(
      await contextFor(new Request("http://localhost/app"), { ...appEnv(), nodeEnv: "production" }),
    );
    // …while the same request in the demo environment gets the demo shop
    expect(await contextFor(new Request("http://localhost/app"))).toMatchObject({
      shop: DEMO_SHOP,
      demo: true,
    });
  });

  it("demands Shopify authentication when a real API secret is configured", async () => {
    const { appEnv } = await import("../../app/config/env.server");
    refusedToLogin(
      await contextFor(new Request("http://localhost/app"), { ...appEnv(), apiSecret: "shpss_real" }),
    );
  });

  it("demands Shopify authentication from a request to a public host or through a tunnel", async () => {
    refusedToLogin(await contextFor(new Request("https://tailroute.example.com/app")));
    refusedToLogin(
      await contextFor(
        new Request("http://localhost/app", { headers: { "X-Forwarded-For": "203.0.113.7" } }),
      ),
    );
  });
});
