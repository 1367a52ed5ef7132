import type { PrismaClient } from "@prisma/client";
import { CarrierServiceRequest } from "../../contracts/carrier-service";
import { callbackCache } from "../carrier-service/runtime.server";
import { rateWithEngine } from "../carrier-service/callback.server";
import { decisionPlan } from "../order-routing/decision-record.server";
import { deliveryPerformance } from "../tracking/delivery-performance.server";
import { tallyOf } from "../tracking/lanes.server";
import { StoredPagePromiseInputSchema } from "../../contracts/storefront-promise";
import { readJsonColumn } from "../../db/json-column";
import {
  addLaneSample,
  businessDaysBetween,
  compileCalendar,
  laneStatFromTally,
  localNow,
  parseDay,
  type LaneTally,
} from "../../engine/transit";
import { promiseKept } from "../storefront/promise-kept";
import { inRange, type AnalyticsRange } from "./analytics-range";
import { productsMissingDimensions } from "./products.server";
import { zoneGapsText } from "./zone-gaps.server";

export interface ChecklistItem {
  key: "carrierService" | "warehouses" | "services" | "cartons" | "products" | "testQuote";
  done: boolean;
  detail: string;
  url: string;
}

const MODES = ["EXPRESS_PARCEL", "POSTAL", "FREIGHT"] as const;
/** A sample destination for the home page's test quote: midtown Manhattan, residential. */
const TEST_ZIP = { postal_code: "10001", province: "NY", city: "New York" };

/** The setup checklist of the admin home. */
export async function setupChecklist(
  db: PrismaClient,
  shop: string,
  options: { now?: Date; demo?: boolean } = {},
): Promise<ChecklistItem[]> {
  const now = options.now ?? new Date();
  const [settings, warehouses, linked, servicesWithCards, profile] = await Promise.all([
    db.shop.findUnique({ where: { shop }, select: { carrierServiceGid: true, carrierServiceError: true } }),
    db.warehouse.count({ where: { shop, active: true } }),
    db.warehouse.count({ where: { shop, active: true, shopifyLocationId: { not: null } } }),
    db.carrierService.count({ where: { shop, enabled: true, rateCards: { some: {} } } }),
    db.productProfile.findFirst({ where: { shop, variantId: { not: null } }, orderBy: { sortOrder: "asc" } }),
  ]);
  const [profiles, cartons, catalogue] = await Promise.all([
    db.productProfile.count({ where: { shop } }),
    db.carton.count({ where: { shop, active: true } }),
    productsMissingDimensions(db, shop),
  ]);
  const quote = await testQuote(shop, profile, now);
  return [
    {
      key: "carrierService",
      done: Boolean(settings?.carrierServiceGid) && !settings?.carrierServiceError,
      detail: settings?.carrierServiceError
        ? `Shopify refused the carrier service: ${settings.carrierServiceError}`
        : settings?.carrierServiceGid
          ? "Checkout asks Tailroute for rates"
          : options.demo
            ? "Demo session: there is no Shopify store to register with"
            : "Not registered yet (reopen the app from the Shopify admin)",
      url: "/app/settings",
    },
    {
      key: "warehouses",
      done: warehouses > 0 && linked === warehouses,
      detail:
        warehouses === 0
          ? "No warehouse yet: start here, add the Shopify locations you ship from"
          : `${linked} of ${warehouses} warehouses linked to a Shopify location`,
      url: "/app/warehouses",
    },
    {
      key: "services",
      ...(await servicesStep(db, shop, servicesWithCards, await zoneGapsText(shop))),
      url: "/app/carriers",
    },
    {
      key: "cartons",
      done: cartons > 0,
      detail:
        cartons > 0
          ? `${cartons} active cartons to pack into`
          : "No carton yet: add the boxes you ship in (until then each product ships in the default box)",
      url: "/app/cartons",
    },
    { key: "products", ...productsStep(profiles, catalogue), url: "/app/products" },
    { key: "testQuote", done: quote.passed, detail: quote.detail, url: "/app/simulator" },
  ];
}

/**
 * The carriers step says what is missing: no carrier service at all, services without a rate card (they cannot
 * quote), and the zones a service reaches without a price or transit time for them (`zoneGapsText`).
 */
async function servicesStep(db: PrismaClient, shop: string, servicesWithCards: number, zoneGaps: string[]) {
  const [services, withoutCard] = await Promise.all([
    db.carrierService.count({ where: { shop } }),
    db.carrierService.count({ where: { shop, enabled: true, rateCards: { none: {} } } }),
  ]);
  const missing = [
    ...(services === 0 ? ["no carrier service yet: add one from the catalogue"] : []),
    ...(withoutCard > 0 ? [`${withoutCard} service(s) have no rate card yet: upload a CSV on each`] : []),
    ...zoneGaps,
  ];
  const summary = `${servicesWithCards} enabled services with a rate card`;
  return {
    done: servicesWithCards > 0 && zoneGaps.length === 0,
    detail: missing.length > 0 ? `${summary}; ${missing.join("; ")}` : summary,
  };
}

/**
 * Products are done once some have dimensions and none of the variants last read from Shopify lacks them (those
 * ship in the shop's default box). Before the catalogue was read, the count of profiles is all there is to say.
 */
function productsStep(profiles: number, catalogue: { missing: number; variants: number }) {
  if (catalogue.variants === 0)
    return {
      done: profiles > 0,
      detail:
        profiles > 0
          ? `${profiles} products with dimensions`
          : "No product dimensions yet: read your products from Shopify on the Products page",
    };
  return {
    done: profiles > 0 && catalogue.missing === 0,
    detail:
      catalogue.missing === 0
        ? `All ${catalogue.variants} variants have dimensions`
        : `${catalogue.missing} of ${catalogue.variants} variants have no dimensions and ship in the default box`,
  };
}

/** A checkout quote to New York for one unit of the first profiled product, through the callback's code path. */
async function testQuote(
  shop: string,
  profile: { variantId: string | null; name: string; weightOz: number | null } | null,
  now: Date,
): Promise<{ passed: boolean; detail: string }> {
  try {
    const runtime = await callbackCache.byShop(shop);
    if (!runtime || runtime.config.warehouses.length === 0)
      return { passed: false, detail: "Configure a warehouse first" };
    const request = CarrierServiceRequest.parse({
      rate: {
        origin: { country: "US" },
        destination: { country: "US", ...TEST_ZIP },
        items: [
          {
            name: profile?.name ?? "Test item",
            quantity: 1,
            grams: Math.round((profile?.weightOz ?? 16) * 28.35),
            price: 5000,
            requires_shipping: true,
            variant_id: profile?.variantId ? Number(profile.variantId) : null,
          },
        ],
        currency: runtime.config.currency,
      },
    });
    const { rates } = rateWithEngine(runtime, request, now);
    return rates.length > 0
      ? {
          passed: true,
          detail: `Test quote to ${TEST_ZIP.postal_code}: ${rates.length} rate${rates.length === 1 ? "" : "s"}`,
        }
      : { passed: false, detail: `Test quote to ${TEST_ZIP.postal_code} returned no rates` };
  } catch (error) {
    return {
      passed: false,
      detail: `Test quote failed: ${error instanceof Error ? error.message : "error"}`,
    };
  }
}

/** How many lanes and pickup points the home charts show (the busiest first). */
export const TOP_LANES = 8;
export const TOP_PICKUP_POINTS = 10;

/** Display names of the shop's warehouses (by engine key) and services (by code); a deleted one keeps its key. */
async function displayNames(db: PrismaClient, shop: string) {
  const [warehouses, services] = await Promise.all([
    db.warehouse.findMany({ where: { shop }, select: { key: true, name: true } }),
    db.carrierService.findMany({ where: { shop }, select: { code: true, name: true } }),
  ]);
  const warehouseNames = new Map(warehouses.map((w) => [w.key, w.name]));
  const serviceNames = new Map(services.map((s) => [s.code, s.name]));
  return {
    warehouse: (key: string) => warehouseNames.get(key) ?? key,
    service: (code: string) => serviceNames.get(code) ?? code,
  };
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

// Transit is counted in carrier business days (weekends closed), as the learned lanes count it.
const WEEKDAYS = compileCalendar({ federal: "NONE" });
const MS_PER_DAY = 86_400_000;

/**
 * The lanes' figures from the shipments delivered in the range, counted as the learned lanes count them (transit
 * from the first carrier scan, else the planned ship day, to the delivery day in the buyer's zone; on time when
 * not after the promised latest day): the lane table itself is all-time.
 */
async function lanesDeliveredIn(db: PrismaClient, shop: string, range: AnalyticsRange) {
  const shipments = await db.shipment.findMany({
    where: {
      shop,
      status: { in: ["DELIVERED", "PICKED_UP"] },
      deliveredAt: inRange(range),
      warehouseId: { not: null },
      serviceId: { not: null },
      destZip3: { not: null },
    },
    select: {
      id: true,
      warehouseId: true,
      serviceId: true,
      destZip3: true,
      destTimeZone: true,
      plannedShipDate: true,
      promisedMaxDate: true,
      deliveredAt: true,
    },
    take: 50_000,
  });
  const firstScans = await db.trackingEvent.groupBy({
    by: ["shipmentId"],
    where: {
      shop,
      shipmentId: { in: shipments.map((s) => s.id) },
      status: { notIn: ["LABEL_CREATED", "DELIVERED"] },
    },
    _min: { occurredAt: true },
  });
  const firstScan = new Map(firstScans.map((f) => [f.shipmentId, f._min.occurredAt]));
  const lanes = new Map<
    string,
    { lane: { warehouseId: string; serviceId: string; destZip3: string }; tally: LaneTally }
  >();
  for (const s of shipments) {
    const zone = s.destTimeZone ?? "UTC";
    const scan = firstScan.get(s.id);
    const shipDay = scan ? localNow(scan, zone).day : s.plannedShipDate ? parseDay(s.plannedShipDate) : null;
    if (shipDay === null || !s.deliveredAt) continue;
    const deliveredDay = localNow(s.deliveredAt, zone).day;
    const onTime = s.promisedMaxDate
      ? deliveredDay <= Math.floor(s.promisedMaxDate.getTime() / MS_PER_DAY)
      : null;
    const key = `${s.warehouseId}|${s.serviceId}|${s.destZip3}`;
    const row = lanes.get(key) ?? {
      lane: { warehouseId: s.warehouseId!, serviceId: s.serviceId!, destZip3: s.destZip3! },
      tally: { samples: 0, promised: 0, onTime: 0, histogram: {} },
    };
    row.tally = addLaneSample(row.tally, businessDaysBetween(WEEKDAYS, shipDay, deliveredDay), onTime);
    lanes.set(key, row);
  }
  return [...lanes.values()].map(({ lane, tally }) => {
    const stat = laneStatFromTally(lane.warehouseId, lane.serviceId, lane.destZip3, tally);
    return { lane: { ...lane, p50Days: stat.p50Days, p90Days: stat.p90Days }, tally };
  });
}

/**
 * Of the orders delivered in the range whose product page showed a window (the `_tailroute_promise` cart attribute
 * carried into the routing input), the share delivered within the window shown for the tier chosen at checkout.
 */
async function pagePromiseKept(db: PrismaClient, shop: string, range: AnalyticsRange | undefined) {
  const decisions = await db.routingDecision.findMany({
    where: {
      shop,
      shipments: {
        some: {
          status: { in: ["DELIVERED", "PICKED_UP"] },
          ...(range ? { deliveredAt: inRange(range) } : {}),
        },
      },
    },
    select: {
      id: true,
      serviceCode: true,
      input: true,
      shipments: { select: { status: true, deliveredAt: true, statusAt: true, destTimeZone: true } },
    },
    take: 20_000,
  });
  return promiseKept(
    decisions.map((d) => ({
      serviceCode: d.serviceCode,
      pagePromise:
        readJsonColumn(StoredPagePromiseInputSchema, d.input ?? {}, {
          shop,
          id: d.id,
          column: "RoutingDecision.input",
        }).pagePromise ?? null,
      shipments: d.shipments.map((s) => ({
        deliveredAt:
          s.status === "DELIVERED" || s.status === "PICKED_UP" ? (s.deliveredAt ?? s.statusAt) : null,
        timeZone: s.destTimeZone ?? "UTC",
      })),
    })),
  );
}

/**
 * Delivery performance of the busiest lanes (warehouse × service × destination ZIP3) from the learned lane
 * statistics, read through the tracking service's `tallyOf`: the on-time rate counts only deliveries that had a
 * promised window; the transit-day distribution is the share of each lane's deliveries that took N business days
 * (so lanes of different volume compare).
 */
async function lanePerformance(
  db: PrismaClient,
  shop: string,
  names: Awaited<ReturnType<typeof displayNames>>,
  range: AnalyticsRange | undefined,
) {
  const lanes = range
    ? await lanesDeliveredIn(db, shop, range)
    : (
        await db.deliveryLane.findMany({
          where: { shop },
          orderBy: [{ samples: "desc" }, { updatedAt: "desc" }],
          take: TOP_LANES * 4,
        })
      ).map((lane) => ({ lane, tally: tallyOf(lane) }));
  const rows = lanes
    .filter(({ tally }) => tally.samples > 0)
    .sort((a, b) => b.tally.samples - a.tally.samples)
    .slice(0, TOP_LANES)
    .map(({ lane, tally }) => ({
      label: `${names.warehouse(lane.warehouseId)} · ${names.service(lane.serviceId)} → ${lane.destZip3}xx`,
      warehouse: names.warehouse(lane.warehouseId),
      service: names.service(lane.serviceId),
      destZip3: lane.destZip3,
      samples: tally.samples,
      /** Deliveries that had a promised window (the on-time rate's denominator). */
      promised: tally.promised,
      onTimePercent: tally.promised > 0 ? percent(tally.onTime, tally.promised) : null,
      p50Days: lane.p50Days,
      p90Days: lane.p90Days,
      histogram: Object.fromEntries(
        Object.entries(tally.histogram).filter(
          ([days, count]) => /^\d+$/.test(days) && Number.isFinite(count) && count > 0,
        ),
      ),
    }));
  const days = [...new Set(rows.flatMap((row) => Object.keys(row.histogram).map(Number)))].sort(
    (a, b) => a - b,
  );
  return {
    lanes: rows.map(({ histogram: _histogram, ...row }) => row),
    laneOnTime: rows.length
      ? [{ name: "On time %", data: rows.map((row) => ({ key: row.label, value: row.onTimePercent })) }]
      : [],
    laneTransitDays: days.map((day) => ({
      name: `${day} day${day === 1 ? "" : "s"}`,
      data: rows.map((row) => ({ key: row.label, value: percent(row.histogram[day] ?? 0, row.samples) })),
    })),
  };
}

/**
 * Key figures from routing decisions (orders, cost), tracking (on time, pickup, product-page promise kept) and
 * the lanes. With a range: orders decided in it, deliveries and holds in it, lanes from its deliveries.
 */
export async function keyFigures(db: PrismaClient, shop: string, range?: AnalyticsRange) {
  const decisions = await db.routingDecision.findMany({
    where: {
      shop,
      status: { in: ["APPLIED", "PENDING"] },
      mode: { not: null },
      ...(range ? { createdAt: inRange(range) } : {}),
    },
    select: { id: true, shop: true, mode: true, costCents: true, plan: true },
  });
  const byWarehouse = new Map<string, Record<string, number>>();
  const cost = new Map<string, { total: number; orders: number }>();
  for (const d of decisions) {
    const mode = d.mode!;
    for (const warehouse of new Set((decisionPlan(d.plan, d).shipments ?? []).map((s) => s.warehouseId))) {
      const row = byWarehouse.get(warehouse) ?? {};
      row[mode] = (row[mode] ?? 0) + 1;
      byWarehouse.set(warehouse, row);
    }
    if (d.costCents !== null) {
      const c = cost.get(mode) ?? { total: 0, orders: 0 };
      c.total += d.costCents;
      c.orders += 1;
      cost.set(mode, c);
    }
  }
  const [performance, names, pagePromise] = await Promise.all([
    deliveryPerformance(db, shop, range),
    displayNames(db, shop),
    pagePromiseKept(db, shop, range),
  ]);
  const lanes = await lanePerformance(db, shop, names, range);
  const warehouses = [...byWarehouse.keys()].sort((a, b) =>
    names.warehouse(a).localeCompare(names.warehouse(b)),
  );
  return {
    orders: decisions.length,
    pagePromise,
    ordersByWarehouse: MODES.filter((m) => warehouses.some((w) => byWarehouse.get(w)![m])).map((mode) => ({
      name: mode,
      data: warehouses.map((w) => ({ key: names.warehouse(w), value: byWarehouse.get(w)![mode] ?? 0 })),
    })),
    averageCostByMode: [...cost].map(([mode, c]) => ({
      key: mode,
      value: Math.round(c.total / c.orders) / 100,
    })),
    onTimeByService: performance.onTimeByService.map((s) => ({
      key: s.serviceCode,
      value: percent(s.onTime, s.delivered),
      delivered: s.delivered,
    })),
    pickupByNetwork: performance.pickupByNetwork.map((n) => ({
      key: n.network,
      value: percent(n.pickedUp, n.held),
      held: n.held,
    })),
    pickupByPoint: [...performance.pickupByPoint]
      .sort((a, b) => b.held - a.held || a.pickupPointId.localeCompare(b.pickupPointId))
      .slice(0, TOP_PICKUP_POINTS)
      .map((p) => ({
        key: `${p.name ?? p.pickupPointId} (${p.network})`,
        value: percent(p.pickedUp, p.held),
        held: p.held,
      })),
    ...lanes,
  };
}
