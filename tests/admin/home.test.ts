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
      cartons: true,
      products: true,
      testQuote: true,
    });
    expect(data.checklist[0].detail).toBe("Demo session: there is no Shopify store to register with");
    expect(data.figures).toEqual({
      orders: 0,
      pagePromise: { promised: 0, kept: 0, percent: null },
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

  it("tells a freshly installed shop, with nothing configured, where to start", async () => {
    // GIVEN a shop installed through the real install path and nothing else
    const { recordInstall } = await import("../../app/services/shop/lifecycle.server");
    const { setupChecklist } = await import("../../app/services/admin/home.server");
    const fresh = "home-fresh-install.myshopify.com";
    await recordInstall(h.db, fresh);
    // WHEN its checklist is computed
    const checklist = await setupChecklist(h.db, fresh, { demo: true });
    // THEN no step is done, the warehouses step says to start there, and the test quote waits for a warehouse
    expect(checklist.filter((i) => i.done)).toEqual([]);
    expect(checklist.find((i) => i.key === "warehouses")?.detail).toMatch(/^No warehouse yet: start here/);
    expect(checklist.find((i) => i.key === "services")?.detail).toMatch(/no carrier service yet/);
    expect(checklist.find((i) => i.key === "testQuote")?.detail).toBe("Configure a warehouse first");
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

  it("says how many variants ship in the default box and when there is no carton to pack into", async () => {
    // GIVEN the shop's catalogue read from Shopify: its profiled variants and one poster without dimensions,
    // another shop's variant without dimensions, and no active carton
    const profiled = await h.db.productProfile.findMany({
      where: { shop: DEMO_SHOP, variantId: { not: null } },
      select: { variantId: true, name: true },
    });
    const syncedAt = new Date();
    await h.db.catalogueVariant.createMany({
      data: [
        ...profiled.map((p) => ({ shop: DEMO_SHOP, variantId: p.variantId!, title: p.name, syncedAt })),
        { shop: DEMO_SHOP, variantId: "990001", title: "Poster", syncedAt },
        { shop: OTHER_SHOP, variantId: "990002", title: "Other shop's poster", syncedAt },
      ],
    });
    await h.db.carton.updateMany({ where: { shop: DEMO_SHOP }, data: { active: false } });
    try {
      // WHEN the home page opens
      const { data } = await load(route.loader, "/app");
      const step = (key: string) => data.checklist.find((i: { key: string }) => i.key === key);
      // THEN the products step counts this shop's variant without dimensions, and the cartons step is to do
      expect(step("products")).toMatchObject({
        done: false,
        detail: `1 of ${profiled.length + 1} variants have no dimensions and ship in the default box`,
        url: "/app/products",
      });
      expect(step("cartons")).toMatchObject({ done: false, url: "/app/cartons" });
      expect(step("cartons").detail).toMatch(/^No carton yet/);
    } finally {
      await h.db.catalogueVariant.deleteMany({});
      await h.db.carton.updateMany({ where: { shop: DEMO_SHOP }, data: { active: true } });
    }
  });

  it("names the zones a service reaches without a price, and keeps the services step to do until they have one", async () => {
    const { demoShopConfig } = await import("../../app/demo/demo-shop-config");
    const { saveShopConfig } = await import("../../app/services/shop/config-store.server");
    const {
      demoParcelService: parcel,
      demoWithParcelService,
      withoutHighestZone,
    } = await import("../support/rate-card-cut");
    // GIVEN the demo shop's parcel service whose rate card lost its highest zone
    const { card: cut, dropped } = withoutHighestZone(parcel.rateCard);
    await saveShopConfig(h.db, {
      ...demoWithParcelService((s) => ({ ...s, rateCard: cut })),
      shop: DEMO_SHOP,
    });
    try {
      // WHEN the home page opens (the checkout's configuration is read again within a second of a save)
      const servicesStep = async () =>
        (await load(route.loader, "/app")).data.checklist.find((i: { key: string }) => i.key === "services");
      await expect.poll(async () => (await servicesStep()).done, { timeout: 5_000 }).toBe(false);
      const services = await servicesStep();
      // THEN the services step is to do, and says which service, warehouse and zone, with the areas in it
      expect(services.done).toBe(false);
      expect(services.detail).toContain(`${parcel.name} from `);
      expect(services.detail).toMatch(new RegExp(`no price for zone ${dropped} \\(\\d+ ZIP3 areas?: \\d{3}`));
    } finally {
      await saveShopConfig(h.db, { ...demoShopConfig, shop: DEMO_SHOP });
    }
    // AND with the full card again the step is done
    await expect
      .poll(
        async () =>
          (await load(route.loader, "/app")).data.checklist.find((i: { key: string }) => i.key === "services")
            .done,
        { timeout: 5_000 },
      )
      .toBe(true);
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
    // WHEN the home page loads over all time
    const { data } = await load(route.loader, "/app?range=all");
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
    // WHEN the home page loads over all time (the learned lanes as learned)
    const { data } = await load(route.loader, "/app?range=all");
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
    const { data } = await load(route.loader, "/app?range=all");
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
    // WHEN the home page loads over all time
    const { data } = await load(route.loader, "/app?range=all");
    // THEN each point has its own rate, busiest first, and the network figure counts the same four parcels
    expect(data.figures.pickupByPoint).toEqual([
      { key: "Mall locker (UPS_ACCESS_POINT)", value: 66.7, held: 3 },
      { key: "Corner store (UPS_ACCESS_POINT)", value: 0, held: 1 },
    ]);
    expect(data.figures.pickupByNetwork).toEqual([{ key: "UPS_ACCESS_POINT", value: 50, held: 4 }]);
  });
});

describe("Home page: date range and product-page promise kept", () => {
  const RANGE_SHOP = "home-range.myshopify.com";
  const day = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  /** An order decided `daysAgo` and delivered the next day, to 10001; its page showed Standard until `promisedTo`. */
  async function deliveredOrder(n: number, daysAgo: number, promisedTo: number | null) {
    const decidedAt = Date.now() - daysAgo * day;
    const deliveredAt = new Date(decidedAt + day);
    const decision = await h.db.routingDecision.create({
      data: {
        shop: RANGE_SHOP,
        orderId: `gid://shopify/Order/77${n}`,
        status: "APPLIED",
        mode: "EXPRESS_PARCEL",
        costCents: 900,
        serviceCode: "TR_STANDARD",
        createdAt: new Date(decidedAt),
        plan: { shipments: [{ warehouseId: "edison-nj" }] } as Prisma.InputJsonValue,
        reasons: [],
        actions: [],
        pickupPoint: Prisma.DbNull,
        input: (promisedTo === null
          ? { orderId: `gid://shopify/Order/77${n}` }
          : {
              orderId: `gid://shopify/Order/77${n}`,
              pagePromise: {
                v: 1,
                at: new Date(decidedAt).toISOString(),
                zip: "10001",
                speeds: [{ code: "TR_STANDARD", from: iso(decidedAt), to: iso(promisedTo) }],
              },
            }) as Prisma.InputJsonValue,
      },
    });
    await h.db.shipment.create({
      data: {
        shop: RANGE_SHOP,
        orderId: decision.orderId,
        decisionId: decision.id,
        carrier: "UPS",
        trackingNumber: `1Z-RANGE-${n}`,
        status: "DELIVERED",
        statusAt: deliveredAt,
        deliveredAt,
        warehouseId: "edison-nj",
        serviceId: "ups-ground",
        destZip3: "100",
        destTimeZone: "America/New_York",
        plannedShipDate: iso(decidedAt),
        promisedMaxDate: new Date(`${iso(decidedAt + 3 * day)}T00:00:00Z`),
        laneRecordedAt: deliveredAt,
      },
    });
  }

  beforeAll(async () => {
    // GIVEN two orders of the last week (one kept its page promise, one was late against it), one with no page
    // promise, and an order of two months ago that kept its promise
    await deliveredOrder(1, 3, Date.now() + 5 * day);
    await deliveredOrder(2, 4, Date.now() - 10 * day);
    await deliveredOrder(3, 2, null);
    await deliveredOrder(4, 60, Date.now() - 50 * day);
  });

  const figuresFor = async (query: string) => {
    const { data } = await load(route.loader, `/app?${query}`, {});
    return data;
  };

  it("counts only the orders, deliveries and lanes of the range the merchant picked", async () => {
    // WHEN the merchant looks at the last 7 days, then the last 90 days, then a custom range around the old order
    const week = await figuresFor(`range=7`);
    const quarter = await figuresFor(`range=90`);
    const old = await figuresFor(
      `range=custom&from=${iso(Date.now() - 65 * day)}&to=${iso(Date.now() - 55 * day)}`,
    );
    // THEN each chart and table counts only that range (the harness's shop is the demo shop: none of these)
    expect(week.range.key).toBe("7");
    expect(old.range).toEqual({
      key: "custom",
      fromDay: iso(Date.now() - 65 * day),
      toDay: iso(Date.now() - 55 * day),
    });
    expect(week.figures.orders).toBe(quarter.figures.orders);
    expect((await figuresFor("range=bogus")).range.key).toBe("30");
  });

  it("computes the product-page promise kept and the lanes from the range's deliveries", async () => {
    const { keyFigures } = await import("../../app/services/admin/home.server");
    const { parseAnalyticsRange } = await import("../../app/services/admin/analytics-range");
    const range = (query: string) => parseAnalyticsRange(new URLSearchParams(query), new Date());
    // WHEN the figures of the shop are computed for the last 7 days, 90 days and a custom range
    const week = await keyFigures(h.db, RANGE_SHOP, range("range=7"));
    const quarter = await keyFigures(h.db, RANGE_SHOP, range("range=90"));
    const old = await keyFigures(
      h.db,
      RANGE_SHOP,
      range(`range=custom&from=${iso(Date.now() - 65 * day)}&to=${iso(Date.now() - 55 * day)}`),
    );
    // THEN the week has its three orders, one of two page promises kept, and its lane from three deliveries
    expect(week.orders).toBe(3);
    expect(week.pagePromise).toEqual({ promised: 2, kept: 1, percent: 50 });
    expect(week.lanes.map((l) => [l.destZip3, l.samples])).toEqual([["100", 3]]);
    expect(week.onTimeByService).toEqual([{ key: "TR_STANDARD", value: 100, delivered: 3 }]);
    // …the quarter adds the old order, the custom range holds it alone
    expect(quarter.orders).toBe(4);
    expect(quarter.pagePromise).toEqual({ promised: 3, kept: 2, percent: 66.7 });
    expect(old.orders).toBe(1);
    expect(old.pagePromise).toEqual({ promised: 1, kept: 1, percent: 100 });
    expect(old.lanes.map((l) => l.samples)).toEqual([1]);
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
