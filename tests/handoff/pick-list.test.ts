import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PickList } from "../../app/contracts/warehouse-handoff";
import { createPrismaClient } from "../../app/db.server";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import { enableHandoff } from "../../app/services/handoff/enable-handoff.server";
import { PICK_LIST_CSV_COLUMNS, pickListCsv } from "../../app/services/handoff/pick-list-csv";
import { warehousePickList } from "../../app/services/handoff/pick-list.server";
import { takeFulfillmentRequests } from "../../app/services/handoff/record-requests.server";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { FakeFulfillmentServiceShop } from "../../scripts/lib/fake-fulfillment-service";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { runTailroute } from "../support/run-cli";
import { freshTestDatabase } from "../support/test-database";

// The pick list of a warehouse that takes its orders by list, not by webhook (docs/handoff.md): every order handed to
// it for a ship date, with the webhook's document (lines, service, freight level, pickup point, window, packages,
// ship-to), as JSON and CSV; never another shop's orders.

process.env.SHOPIFY_API_SECRET = "pick-list-secret"; // seals the warehouse secret
const dir = mkdtempSync(join(tmpdir(), "tailroute-pick-list-"));
const url = freshTestDatabase("pick_list", dir);
const db = createPrismaClient(url);
const admin = new FakeShopifyAdmin();
const shopify = new FakeFulfillmentServiceShop(admin);
const shop = "pick-list-a.myshopify.com";
const other = "pick-list-b.myshopify.com";
const client = () => adminGraphqlClient(shop, "shpat_pick_list", admin.url);
let locationId = "";
const fos: Record<string, string> = {};

function decision(orderId: string, data: Record<string, unknown>) {
  return db.routingDecision.create({
    data: { shop, orderId, status: "APPLIED", reasons: [], actions: [], ...data } as never,
  });
}

beforeAll(async () => {
  await admin.start();
  shopify.install();
  for (const s of [shop, other]) {
    await saveShopConfig(db, { ...demoShopConfig, shop: s });
    await recordInstall(db, s);
  }
  const enabled = await enableHandoff(db, client(), shop, {
    warehouseKey: "edison-nj",
    method: "PICK_LIST",
    appUrl: "https://tailroute.example",
  });
  if (!enabled.ok) throw new Error(enabled.error);
  locationId = enabled.locationId;

  // #2001: parcel, routed by Tailroute to ship on Dec 8 from Edison, one carton, to a UPS Access Point.
  fos.parcel = shopify.requestFulfillment(locationId, { number: 2001, name: "#2001" });
  await decision("gid://shopify/Order/2001", {
    serviceCode: "STANDARD",
    mode: "EXPRESS_PARCEL",
    carrier: "UPS",
    service: "UPS Ground",
    promisedMinDate: new Date("2026-12-10T00:00:00Z"),
    promisedMaxDate: new Date("2026-12-12T00:00:00Z"),
    pickupPoint: {
      v: 1,
      pointId: "p1",
      network: "UPS_ACCESS_POINT",
      externalId: "U12345",
      name: "The UPS Store 42",
    },
    plan: {
      shipments: [
        {
          warehouseId: "edison-nj",
          shipDate: "2026-12-08",
          packages: [
            {
              cartonId: "box-m",
              lengthIn: 12,
              widthIn: 10,
              heightIn: 8,
              weightOz: 36,
              actualLb: 3,
              dimLb: 5,
              billableLb: 5,
              contents: [
                { sku: "MUG-11", variantId: "gid://shopify/ProductVariant/44012345670001", quantity: 2 },
              ],
            },
          ],
        },
      ],
    },
  });
  // #2002: freight split over two warehouses; Edison's part ships Dec 8 with room-of-choice, on one pallet.
  fos.freight = shopify.requestFulfillment(locationId, { number: 2002, name: "#2002" });
  const fo = shopify.fulfillmentOrders.get(fos.freight)!;
  fo.destination.company = "Lovelace, Byron & Co";
  fo.destination.firstName = '=HYPERLINK("http://evil")';
  await decision("gid://shopify/Order/2002", {
    serviceCode: "FREIGHT",
    mode: "FREIGHT",
    carrier: "Estes",
    service: "LTL final mile",
    plan: {
      shipments: [
        { warehouseId: "dallas-tx", freightLevel: "THRESHOLD", shipDate: "2026-12-09", packages: [] },
        {
          warehouseId: "edison-nj",
          freightLevel: "ROOM_OF_CHOICE",
          shipDate: "2026-12-08",
          packages: [
            { cartonId: null, lengthIn: 48, widthIn: 40, heightIn: 30, weightOz: 1200, contents: [] },
          ],
        },
      ],
    },
  });
  // GIVEN the requests accepted in the evening of Dec 8 in New Jersey (already Dec 9 in UTC)
  await takeFulfillmentRequests(db, client(), shop, { now: new Date("2026-12-09T03:00:00Z") });
  // AND #2003, no decision (assigned by hand), accepted at 22:00 on Dec 9 in New Jersey → ships Dec 9 there
  fos.manual = shopify.requestFulfillment(locationId, { number: 2003, name: "#2003" });
  await takeFulfillmentRequests(db, client(), shop, { now: new Date("2026-12-10T03:00:00Z") });
  // AND another shop with the same warehouse key and a handoff on the same day
  await db.warehouseHandoff.create({
    data: {
      shop: other,
      warehouseKey: "edison-nj",
      fulfillmentOrderId: "gid://shopify/FulfillmentOrder/99",
      orderId: "gid://shopify/Order/99",
      orderName: "#OTHER-SHOP",
      shipDate: "2026-12-08",
      document: {},
    },
  });
});

afterAll(async () => {
  await admin.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const edison = () => db.warehouse.findFirstOrThrow({ where: { shop, key: "edison-nj" } });

describe("a pick-list warehouse", () => {
  it("has its requests accepted in Shopify but gets no webhook", async () => {
    expect(shopify.fulfillmentOrders.get(fos.parcel)?.requestStatus).toBe("ACCEPTED");
    expect(await db.job.count({ where: { shop, kind: "handoff.send" } })).toBe(0);
    expect((await edison()).handoffMethod).toBe("PICK_LIST");
  });
});

describe("the pick list of a day", () => {
  it("lists the day's orders with lines, service, freight level, pickup point, window, packages and ship-to", async () => {
    // WHEN the pick list of Dec 8 is read
    const answer = await warehousePickList(db, shop, { id: (await edison()).id }, "2026-12-08");
    if (!answer.ok) throw new Error(answer.error);
    // THEN it is a valid versioned PickList with the two orders of the day, and no other shop's
    const list = PickList.parse(answer.list);
    expect(list).toMatchObject({
      version: "2026-12-01",
      shipDate: "2026-12-08",
      warehouse: { key: "edison-nj" },
    });
    expect(list.orders.map((o) => o.order.name)).toEqual(["#2001", "#2002"]);
    const [parcel, freight] = list.orders;
    expect(parcel).toMatchObject({
      state: "ACCEPTED",
      tracking: null,
      fulfillmentOrder: { id: fos.parcel, lineItems: [{ sku: "MUG-11", quantity: 2 }] },
      shipTo: { name: "Ada Lovelace", address1: "350 5th Ave", zip: "10118" },
      routing: {
        serviceCode: "STANDARD",
        mode: "EXPRESS_PARCEL",
        carrier: "UPS",
        service: "UPS Ground",
        promisedWindow: { min: "2026-12-10", max: "2026-12-12" },
        pickupPoint: { externalId: "U12345" },
        shipDate: "2026-12-08",
        packages: [{ cartonId: "box-m", lengthIn: 12, widthIn: 10, heightIn: 8, weightOz: 36 }],
      },
    });
    // AND a split order carries this warehouse's part (its freight level and pallet), not the other warehouse's
    expect(freight.routing).toMatchObject({
      mode: "FREIGHT",
      freightLevel: "ROOM_OF_CHOICE",
      packages: [{ lengthIn: 48, widthIn: 40, heightIn: 30, weightOz: 1200 }],
    });
    // AND the order with no decision ships the day it was accepted, in the warehouse's time zone
    const next = await warehousePickList(db, shop, { key: "edison-nj" }, "2026-12-09");
    if (!next.ok) throw new Error(next.error);
    const own = next.list.orders.filter((o) => o.carriedOverFrom === null);
    expect(own.map((o) => [o.order.name, o.routing])).toEqual([["#2003", null]]);
  });

  it("as CSV: one row per line, quoted by papaparse, formulas from buyers defused", async () => {
    const answer = await warehousePickList(db, shop, { key: "edison-nj" }, "2026-12-08");
    if (!answer.ok) throw new Error(answer.error);
    const csv = pickListCsv(answer.list);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(rows.meta.fields).toEqual([...PICK_LIST_CSV_COLUMNS]);
    expect(rows.data.map((r) => [r.order, r.sku, r.quantity, r.freight_level, r.ship_date])).toEqual([
      ["#2001", "MUG-11", "2", "", "2026-12-08"],
      ["#2002", "MUG-11", "2", "ROOM_OF_CHOICE", "2026-12-08"],
    ]);
    expect(rows.data[0]).toMatchObject({
      service: "UPS Ground",
      pickup_point: "UPS_ACCESS_POINT · U12345 · The UPS Store 42",
      packages: "12x10x8 in 36 oz",
      promised_min: "2026-12-10",
      ship_to_phone: "+12125550100",
    });
    expect(rows.data[1].ship_to_company).toBe("Lovelace, Byron & Co");
    expect(rows.data[1].ship_to_name).toBe('\'=HYPERLINK("http://evil") Lovelace');
    expect(csv).not.toContain("OTHER-SHOP");
  });

  it("refuses a date that does not exist and another shop's warehouse", async () => {
    const id = (await edison()).id;
    expect(await warehousePickList(db, shop, { id }, "2026-02-30")).toMatchObject({ ok: false, status: 400 });
    expect(await warehousePickList(db, other, { id }, "2026-12-08")).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it("tailroute handoffs --pick-list prints it", async () => {
    const run = await runTailroute(
      ["handoffs", "--shop", shop, "--pick-list", "2026-12-08", "--warehouse", "edison-nj"],
      { env: { DATABASE_URL: url } },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/edison-nj \(Edison NJ \(East\)\) · ships 2026-12-08 · 2 order\(s\)/);
    expect(run.stdout).toMatch(
      /#2001 +ACCEPTED +STANDARD · EXPRESS_PARCEL · UPS · UPS Ground · promised 2026-12-10 – 2026-12-12/,
    );
    expect(run.stdout).toMatch(/2 × MUG-11 +Stoneware mug/);
    expect(run.stdout).toMatch(/packages: 48x40x30 in 1200 oz/);
    expect(run.stdout).toMatch(/pickup point: UPS_ACCESS_POINT · U12345/);
    expect(run.stdout).not.toContain("OTHER-SHOP");
  });

  it("carries the week before's orders still unshipped, first and marked, and nothing shipped, given back or older", async () => {
    // GIVEN on Dec 9: Dec 8's #2001 and #2002 still waiting (no tracking back), Dec 9's own #2003
    const dec9 = async () => {
      const answer = await warehousePickList(db, shop, { key: "edison-nj" }, "2026-12-09");
      if (!answer.ok) throw new Error(answer.error);
      return answer.list.orders.map((o) => [o.order.name, o.carriedOverFrom]);
    };
    // THEN Dec 9's list starts with them, marked with their ship date
    expect(await dec9()).toEqual([
      ["#2001", "2026-12-08"],
      ["#2002", "2026-12-08"],
      ["#2003", null],
    ]);
    // AND in the CSV and the CLI too
    const answer = await warehousePickList(db, shop, { key: "edison-nj" }, "2026-12-09");
    if (!answer.ok) throw new Error(answer.error);
    const rows = Papa.parse<Record<string, string>>(pickListCsv(answer.list), {
      header: true,
      skipEmptyLines: true,
    });
    expect(rows.data.map((r) => [r.order, r.carried_over_from])).toEqual([
      ["#2001", "2026-12-08"],
      ["#2002", "2026-12-08"],
      ["#2003", ""],
    ]);
    const run = await runTailroute(
      ["handoffs", "--shop", shop, "--pick-list", "2026-12-09", "--warehouse", "edison-nj"],
      { env: { DATABASE_URL: url } },
    );
    expect(run.stdout).toMatch(/#2001 +ACCEPTED .* · carried over from 2026-12-08/);
    // WHEN #2001's tracking comes back and #2002 is given back by the warehouse
    await db.warehouseHandoff.updateMany({
      where: { shop, fulfillmentOrderId: fos.parcel },
      data: { state: "FULFILLED", trackingNumber: "1Z999AA10123456784" },
    });
    await db.warehouseHandoff.updateMany({
      where: { shop, fulfillmentOrderId: fos.freight },
      data: { state: "CLOSED" },
    });
    // THEN neither is carried over any more
    expect(await dec9()).toEqual([["#2003", null]]);
    // AND an order still waiting is carried for a week, not longer
    const dec10 = await warehousePickList(db, shop, { key: "edison-nj" }, "2026-12-16");
    const dec17 = await warehousePickList(db, shop, { key: "edison-nj" }, "2026-12-17");
    expect(dec10.ok && dec10.list.orders.map((o) => [o.order.name, o.carriedOverFrom])).toEqual([
      ["#2003", "2026-12-09"],
    ]);
    expect(dec17.ok && dec17.list.orders).toEqual([]);
    // (the lists of Dec 8 keep their own orders, whatever became of them)
    const dec8 = await warehousePickList(db, shop, { key: "edison-nj" }, "2026-12-08");
    expect(dec8.ok && dec8.list.orders.map((o) => [o.order.name, o.state])).toEqual([["#2001", "FULFILLED"]]);
  });
});
