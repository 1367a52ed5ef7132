import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  configVersion,
  DEMO_SHOP,
  load,
  OTHER_SHOP,
  startAdminHarness,
  submit,
  type AdminHarness,
} from "./admin-harness";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/admin/${name}`, import.meta.url), "utf8");

let h: AdminHarness;
let list: typeof import("../../app/routes/app.carriers._index");
let edit: typeof import("../../app/routes/app.carriers.$id");
let csv: typeof import("../../app/routes/app.carriers.$id.rate-card[.]csv");
let serviceId: string;
beforeAll(async () => {
  h = await startAdminHarness();
  list = await import("../../app/routes/app.carriers._index");
  edit = await import("../../app/routes/app.carriers.$id");
  csv = await import("../../app/routes/app.carriers.$id.rate-card[.]csv");
  serviceId = (await h.db.carrierService.findFirstOrThrow({ where: { shop: DEMO_SHOP, code: "ups-ground" } }))
    .id;
});
afterAll(() => h?.stop());

const VALID = {
  intent: "save",
  name: "UPS Ground",
  enabled: "on",
  tier: "STANDARD",
  dimDivisor: "139",
  dimMinCubicIn: "0",
  maxWeightLb: "150",
  maxLongestIn: "108",
  maxLengthPlusGirthIn: "165",
  fuelPercent: "14.25",
  peakWindows: "2026-11-23 2027-01-17",
  peakCents: "105",
  federalHolidays: "ALL",
  extraClosedDates: "2026-12-24\n2026-12-31",
  warehouseKeys: ["dallas-tx", "ontario-ca"],
};

describe("Carriers & services page", () => {
  it("lists this shop's services with their sample rate cards, never another shop's", async () => {
    const { data } = await load(list.loader, "/app/carriers");
    expect(data.services).toHaveLength(8);
    expect(data.services.every((s: { name: string }) => !s.name.startsWith("OTHER"))).toBe(true);
    expect(data.services.find((s: { code: string }) => s.code === "ups-ground").rateCard.isSample).toBe(true);
  });

  it("saves tier, limits, fuel, peak window, holidays and warehouses in one save", async () => {
    const before = await configVersion(h.db);
    const { status, data } = await submit(edit.action, `/app/carriers/${serviceId}`, VALID, {
      id: serviceId,
    });
    expect(status).toBe(200);
    expect(data).toMatchObject({ ok: true });
    const row = await h.db.carrierService.findUniqueOrThrow({
      where: { id: serviceId },
      include: { warehouses: { include: { warehouse: true } } },
    });
    expect(row.fuelBasisPoints).toBe(1425);
    expect(row.holidays).toEqual({ federal: "ALL", extraClosedDates: ["2026-12-24", "2026-12-31"] });
    expect(row.surcharges).toContainEqual({
      code: "PEAK",
      windows: [{ from: "2026-11-23", to: "2027-01-17" }],
      amount: { per: "PACKAGE", cents: 105 },
    });
    expect(row.warehouses.map((w) => w.warehouse.key).sort()).toEqual(["dallas-tx", "ontario-ca"]);
    expect(await configVersion(h.db)).toBe(before + 1);
  });

  it("answers invalid input with inline errors and saves nothing", async () => {
    const before = await h.db.carrierService.findUniqueOrThrow({
      where: { id: serviceId },
      include: { warehouses: true },
    });
    const { status, data } = await submit(
      edit.action,
      `/app/carriers/${serviceId}`,
      {
        ...VALID,
        dimDivisor: "",
        fuelPercent: "140",
        peakWindows: "2027-01-17 2026-11-23",
        warehouseKeys: [],
      },
      { id: serviceId },
    );
    expect(status).toBe(422);
    expect(Object.keys(data.errors)).toEqual(
      expect.arrayContaining(["dimDivisor", "fuelPercent", "peakWindows.0"]),
    );
    expect(data.errors["peakWindows.0"]).toBe("a window ends before it starts");
    expect(
      await h.db.carrierService.findUniqueOrThrow({
        where: { id: serviceId },
        include: { warehouses: true },
      }),
    ).toEqual(before);
  });

  it("imports a rate card CSV as the service's new active card", async () => {
    const before = await configVersion(h.db);
    const { status, data } = await submit(
      edit.action,
      `/app/carriers/${serviceId}`,
      { intent: "importRateCard", csv: fixture("rate-card-good.csv") },
      { id: serviceId },
    );
    expect(status).toBe(200);
    expect(data).toMatchObject({ ok: true, breaks: 5, zones: 7 });
    const card = await h.db.rateCard.findFirstOrThrow({
      where: { shop: DEMO_SHOP, carrierServiceId: serviceId },
      orderBy: { effectiveFrom: "desc" },
    });
    expect(card.isSample).toBe(false);
    expect(card.zones).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect((card.breaks as { maxLb: number; cents: number[] }[])[2]).toEqual({
      maxLb: 5,
      cents: [1240, 1320, 1435, 1560, 1710, 1840, 1995],
    });
    expect(card.overLastBreakCentsPerLb).toEqual([95, 105, 120, 138, 160, 180, 202]);
    expect(await configVersion(h.db)).toBe(before + 1);
  });

  it("exports the active card in the same CSV format it imports", async () => {
    // The export of the card imported above reproduces the file.
    const { status, data, headers } = await load(csv.loader, `/app/carriers/${serviceId}/rate-card.csv`, {
      id: serviceId,
    });
    expect(status).toBe(200);
    expect(headers.get("Content-Disposition")).toContain("ups-ground-rate-card.csv");
    expect(String(data).replace(/\r\n/g, "\n")).toBe(fixture("rate-card-good.csv"));
  });

  it("reports a bad CSV line with its number and saves no card", async () => {
    const cards = await h.db.rateCard.count({ where: { shop: DEMO_SHOP } });
    const before = await configVersion(h.db);
    const { status, data } = await submit(
      edit.action,
      `/app/carriers/${serviceId}`,
      { intent: "importRateCard", csv: fixture("rate-card-bad-line.csv") },
      { id: serviceId },
    );
    expect(status).toBe(422);
    expect(data.lineErrors).toEqual([
      { line: 3, message: 'zone 4: "ten" is not a price in dollars (e.g. 12.34)' },
    ]);
    expect(await h.db.rateCard.count({ where: { shop: DEMO_SHOP } })).toBe(cards);
    expect(await configVersion(h.db)).toBe(before);
  });

  it("never shows, changes or exports another shop's service", async () => {
    const theirs = await h.db.carrierService.findFirstOrThrow({
      where: { shop: OTHER_SHOP },
      include: { rateCards: true },
    });
    const args = { id: theirs.id };
    expect((await load(edit.loader, `/app/carriers/${theirs.id}`, args)).status).toBe(404);
    expect((await submit(edit.action, `/app/carriers/${theirs.id}`, VALID, args)).status).toBe(404);
    expect(
      (
        await submit(
          edit.action,
          `/app/carriers/${theirs.id}`,
          { intent: "importRateCard", csv: fixture("rate-card-good.csv") },
          args,
        )
      ).status,
    ).toBe(404);
    expect((await load(csv.loader, `/app/carriers/${theirs.id}/rate-card.csv`, args)).status).toBe(404);
    expect(
      await h.db.carrierService.findUniqueOrThrow({ where: { id: theirs.id }, include: { rateCards: true } }),
    ).toEqual(theirs);
  });

  it("saves a markup for this service only, or none (the shop's applies), refusing a bad one", async () => {
    const before = await configVersion(h.db);
    const own = await submit(
      edit.action,
      `/app/carriers/${serviceId}`,
      { ...VALID, markupPercent: "12.5", markupFixed: "" },
      { id: serviceId },
    );
    expect(own.status).toBe(200);
    expect(await h.db.carrierService.findUniqueOrThrow({ where: { id: serviceId } })).toMatchObject({
      markupBasisPoints: 1250,
      markupFixedCents: 0,
    });
    expect(await configVersion(h.db)).toBe(before + 1);
    const { data } = await load(edit.loader, `/app/carriers/${serviceId}`, { id: serviceId });
    expect(data.values).toMatchObject({ markupPercent: 12.5, markupFixedCents: 0 });
    const listed = (await load(list.loader, "/app/carriers")).data.services as {
      code: string;
      markup: unknown;
    }[];
    expect(listed.find((x) => x.code === "ups-ground")?.markup).toEqual({ percent: 12.5, fixedCents: 0 });
    expect(listed.find((x) => x.code === "fedex-ground")?.markup).toBeNull();
    // A bad value: inline error, nothing saved
    const bad = await submit(
      edit.action,
      `/app/carriers/${serviceId}`,
      { ...VALID, markupPercent: "-150", markupFixed: "abc" },
      { id: serviceId },
    );
    expect(bad.status).toBe(422);
    expect(bad.data.errors.markupPercent).toBeDefined();
    expect(bad.data.errors.markupFixedCents).toBe("enter a number");
    expect(
      (await h.db.carrierService.findUniqueOrThrow({ where: { id: serviceId } })).markupBasisPoints,
    ).toBe(1250);
    // Both empty: back to the shop's markup
    await submit(
      edit.action,
      `/app/carriers/${serviceId}`,
      { ...VALID, markupPercent: "", markupFixed: "" },
      {
        id: serviceId,
      },
    );
    expect(await h.db.carrierService.findUniqueOrThrow({ where: { id: serviceId } })).toMatchObject({
      markupBasisPoints: null,
      markupFixedCents: null,
    });
  });

  it("a save reaches the checkout callback at once: a per-service markup shows up in its rates", async () => {
    // GIVEN the checkout callback's rates for a Dallas cart (this also warms its configuration cache)
    const callbackRoute = await import("../../app/routes/api.carrier-service.$token");
    const body = readFileSync(
      new URL("../fixtures/engine/request-small-cart-dallas.json", import.meta.url),
      "utf8",
    );
    const { callbackToken, markupBasisPoints, markupFixedCents } = await h.db.shop.findUniqueOrThrow({
      where: { shop: DEMO_SHOP },
    });
    expect([markupBasisPoints, markupFixedCents]).toEqual([0, 100]); // the demo's shop-wide $1
    const ratesNow = async () => {
      const response = (await callbackRoute.action({
        request: new Request(`http://localhost/api/carrier-service/${callbackToken}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body,
        }),
        params: { token: callbackToken },
        context: {},
      })) as Response;
      expect(response.status).toBe(200);
      const { rates } = (await response.json()) as { rates: { service_code: string; total_price: string }[] };
      return Object.fromEntries(rates.map((r) => [r.service_code, Number(r.total_price)]));
    };
    const before = await ratesNow();
    expect(before.TR_STANDARD).toBeGreaterThan(100);
    // WHEN every Standard service gets +50 % of its own through the Carriers page
    const standard = await h.db.carrierService.findMany({ where: { shop: DEMO_SHOP, tier: "STANDARD" } });
    for (const service of standard) {
      const { data } = await load(edit.loader, `/app/carriers/${service.id}`, { id: service.id });
      const v = data.values;
      const saved = await submit(
        edit.action,
        `/app/carriers/${service.id}`,
        {
          intent: "save",
          name: v.name,
          ...(v.enabled ? { enabled: "on" } : {}),
          tier: v.tier,
          dimDivisor: String(v.dimDivisor),
          dimMinCubicIn: String(v.dimMinCubicIn),
          maxWeightLb: String(v.maxWeightLb),
          maxLongestIn: String(v.maxLongestIn),
          maxLengthPlusGirthIn: String(v.maxLengthPlusGirthIn),
          fuelPercent: String(v.fuelPercent),
          peakWindows: v.peakWindows.map((w: { from: string; to: string }) => `${w.from} ${w.to}`).join("\n"),
          peakCents: String(v.peakCents),
          federalHolidays: v.federalHolidays,
          extraClosedDates: v.extraClosedDates.join("\n"),
          warehouseKeys: v.warehouseKeys,
          markupPercent: "50",
        },
        { id: service.id },
      );
      expect(saved.status).toBe(200);
    }
    // THEN the very next callback prices Standard at carrier cost + 50 % (no shop dollar); Economy keeps the $1
    const after = await ratesNow();
    const carrierCost = before.TR_STANDARD - 100;
    expect(after.TR_STANDARD).toBe(carrierCost + Math.round(carrierCost * 0.5));
    expect(after.TR_ECONOMY).toBe(before.TR_ECONOMY);
  });
});

describe("Carrier services added from the catalogue, disabled and deleted", () => {
  it("adds a catalogue service prefilled with its published figures, which says it cannot quote until a rate card is uploaded", async () => {
    const before = await configVersion(h.db);
    // WHEN the merchant adds USPS Priority Mail Express from the catalogue
    const { status, headers } = await submit(list.action, "/app/carriers", {
      intent: "addFromCatalogue",
      catalogueId: "USPS_PRIORITY_MAIL_EXPRESS",
      code: "usps-express",
      name: "USPS Priority Mail Express",
    });
    // THEN the page goes to the new service, stored with the catalogue's limits, divisor, reach and transit
    expect(status).toBe(302);
    const created = await h.db.carrierService.findFirstOrThrow({
      where: { shop: DEMO_SHOP, code: "usps-express" },
    });
    expect(headers.get("Location")).toBe(`/app/carriers/${created.id}`);
    expect(created).toMatchObject({
      catalogueId: "USPS_PRIORITY_MAIL_EXPRESS",
      carrier: "USPS",
      mode: "POSTAL",
      maxWeightLb: 70,
      maxLengthPlusGirthIn: 108,
      dimDivisor: 166,
      dimMinCubicIn: 1728,
      reachesPoBox: true,
      reachesMilitary: true,
    });
    expect((created.transitByZone as unknown[]).length).toBe(8);
    expect(await configVersion(h.db)).toBe(before + 1);
    // AND the list says why it cannot quote yet
    const { data } = await load(list.loader, "/app/carriers");
    const row = data.services.find((s: { code: string }) => s.code === "usps-express");
    expect(row.cannotQuote).toMatch(/No rate card yet: upload/);
    expect(data.services.find((s: { code: string }) => s.code === "ups-ground").cannotQuote).toBeNull();
    // AND its page shows the catalogue entry with its sources
    const page = await load(edit.loader, `/app/carriers/${created.id}`, { id: created.id });
    expect(page.data.catalogue.sources.length).toBeGreaterThan(0);
    expect(page.data.cannotQuote).toMatch(/No rate card yet/);
  });

  it("refuses a code this shop already uses, naming the field, and saves nothing", async () => {
    const count = await h.db.carrierService.count({ where: { shop: DEMO_SHOP } });
    // WHEN UPS Ground is added under the code the seeded UPS Ground already has
    const { status, data } = await submit(list.action, "/app/carriers", {
      intent: "addFromCatalogue",
      catalogueId: "UPS_GROUND",
      code: "ups-ground",
      name: "UPS Ground again",
    });
    // THEN 422 with the error at `code`, and no row written
    expect(status).toBe(422);
    expect(data.errors.code).toMatch(/"ups-ground" already exists/);
    expect(await h.db.carrierService.count({ where: { shop: DEMO_SHOP } })).toBe(count);
    // AND an unknown catalogue entry or a bad code are named too
    const bad = await submit(list.action, "/app/carriers", { catalogueId: "NOPE", code: "Bad Code!" });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.data.errors)).toEqual(expect.arrayContaining(["catalogueId", "code"]));
  });

  it("the code another shop uses is free here, and that shop's service is untouched", async () => {
    const { status } = await submit(list.action, "/app/carriers", {
      catalogueId: "LTL_FINAL_MILE",
      code: "ltl-final-mile",
      name: "LTL + final mile",
    });
    expect(status).toBe(422); // the demo shop seeds ltl-final-mile itself
    const other = await submit(list.action, "/app/carriers", {
      catalogueId: "FEDEX_GROUND_ECONOMY",
      code: "fedex-ground-economy",
      name: "FedEx Ground Economy",
    });
    expect(other.status).toBe(302);
    expect(
      await h.db.carrierService.count({ where: { shop: OTHER_SHOP, code: "fedex-ground-economy" } }),
    ).toBe(0);
  });

  it("disables a service, then deletes it after confirmation; an order routed with it stays readable", async () => {
    // GIVEN an order decided with the service that will be deleted
    const service = await h.db.carrierService.findFirstOrThrow({
      where: { shop: DEMO_SHOP, code: "usps-express" },
    });
    const decision = await h.db.routingDecision.create({
      data: {
        shop: DEMO_SHOP,
        orderId: "gid://shopify/Order/990001",
        orderName: "#990001",
        status: "APPLIED",
        serviceCode: service.code,
        carrier: service.carrier,
        service: service.name,
        plan: {},
        reasons: [],
        actions: [],
      },
    });
    const args = { id: service.id };
    // WHEN it is disabled
    const disabled = await submit(edit.action, `/app/carriers/${service.id}`, { intent: "disable" }, args);
    expect(disabled.status).toBe(200);
    expect((await h.db.carrierService.findUniqueOrThrow({ where: { id: service.id } })).enabled).toBe(false);
    // AND then deleted
    const deleted = await submit(edit.action, `/app/carriers/${service.id}`, { intent: "delete" }, args);
    // THEN the page goes back to the list, the service and its cards are gone
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("Location")).toBe("/app/carriers");
    expect(await h.db.carrierService.count({ where: { id: service.id } })).toBe(0);
    expect(await h.db.rateCard.count({ where: { carrierServiceId: service.id } })).toBe(0);
    // AND the order's decision still names the service
    const orders = await import("../../app/routes/app.orders.$id");
    const order = await load(orders.loader, `/app/orders/${decision.id}`, { id: decision.id });
    expect(order.status).toBe(200);
    expect(JSON.stringify(order.data)).toContain("USPS Priority Mail Express");
  });

  it("never disables or deletes another shop's service", async () => {
    const theirs = await h.db.carrierService.findFirstOrThrow({ where: { shop: OTHER_SHOP } });
    const args = { id: theirs.id };
    for (const intent of ["disable", "delete"])
      expect((await submit(edit.action, `/app/carriers/${theirs.id}`, { intent }, args)).status).toBe(404);
    expect(await h.db.carrierService.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      enabled: true,
    });
  });
});
