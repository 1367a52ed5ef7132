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

// The surcharge-areas page of a carrier service: the three lists shown per service, a carrier's ZIP list imported
// (replace or merge), bad files refused line by line with nothing saved, and another shop's service out of reach.

let h: AdminHarness;
let route: typeof import("../../app/routes/app.carriers.$id_.surcharge-areas");
let loadShopConfig: typeof import("../../app/services/shop/config-store.server").loadShopConfig;
let serviceId: string;
const page = () => `/app/carriers/${serviceId}/surcharge-areas`;

beforeAll(async () => {
  h = await startAdminHarness();
  route = await import("../../app/routes/app.carriers.$id_.surcharge-areas");
  ({ loadShopConfig } = await import("../../app/services/shop/config-store.server"));
  serviceId = (await h.db.carrierService.findFirstOrThrow({ where: { shop: DEMO_SHOP, code: "ups-ground" } }))
    .id;
});
afterAll(() => h?.stop());

async function areaZips(code: string, shop = DEMO_SHOP, service = "ups-ground") {
  const config = await loadShopConfig(h.db, shop);
  const rule = config!.carrierServices.find((s) => s.id === service)!.surcharges.find((r) => r.code === code);
  return rule && "zips" in rule ? rule.zips : undefined;
}

describe("Surcharge areas page", () => {
  it("shows each area list of the service with its counts and says the demo's lists are SAMPLE", async () => {
    const { status, data } = await load(route.loader, page(), { id: serviceId });
    expect(status).toBe(200);
    expect(data.service.code).toBe("ups-ground");
    expect(data.areas.map((a: { code: string }) => a.code)).toEqual([
      "DELIVERY_AREA",
      "EXTENDED_DELIVERY_AREA",
      "REMOTE_AREA",
    ]);
    const das = data.areas[0];
    expect(das.zip5 + das.zip3).toBeGreaterThan(0);
    expect(das.source).toContain("SAMPLE");
  });

  it("replaces a list with a carrier's file, which the next quote reads, and names its source", async () => {
    // GIVEN a carrier's DAS list as a CSV with a header line
    const before = await configVersion(h.db);
    // WHEN the merchant imports it in place of the current list
    const { status, data } = await submit(
      route.action,
      page(),
      {
        code: "DELIVERY_AREA",
        mode: "REPLACE",
        amount: "5.10",
        per: "PACKAGE",
        fileName: "ups-das.csv",
        list: "ZIP\n30303\n30304-1111\n303\n",
      },
      { id: serviceId },
    );
    // THEN the list holds exactly the file's ZIPs, the shop's configuration changed, and the page names the file
    expect(status).toBe(200);
    expect(data).toMatchObject({ ok: true, zip5: 2, zip3: 1 });
    expect(await areaZips("DELIVERY_AREA")).toEqual(["30303", "30304", "303"]);
    expect(await configVersion(h.db)).toBe(before + 1);
    const shown = (await load(route.loader, page(), { id: serviceId })).data.areas[0];
    expect(shown).toMatchObject({
      zip5: 2,
      zip3: 1,
      amountCents: 510,
      source: expect.stringContaining("ups-das.csv"),
    });
  });

  it("merges a second list into the first without repeating a ZIP, keeping the amount when none is typed", async () => {
    const { data } = await submit(
      route.action,
      page(),
      { code: "DELIVERY_AREA", mode: "MERGE", amount: "", list: "30303\n40404\n" },
      { id: serviceId },
    );
    expect(data.ok).toBe(true);
    expect(await areaZips("DELIVERY_AREA")).toEqual(["30303", "30304", "303", "40404"]);
    expect((await load(route.loader, page(), { id: serviceId })).data.areas[0].amountCents).toBe(510);
  });

  it("refuses a file with garbage lines, naming each line, and saves nothing", async () => {
    const listBefore = await areaZips("REMOTE_AREA");
    const before = await configVersion(h.db);
    const { status, data } = await submit(
      route.action,
      page(),
      { code: "REMOTE_AREA", mode: "REPLACE", amount: "20", list: "99501\nnot a zip\n9950\n" },
      { id: serviceId },
    );
    expect(status).toBe(422);
    expect(data.lineErrors.map((e: { line: number }) => e.line)).toEqual([2, 3]);
    expect(await areaZips("REMOTE_AREA")).toEqual(listBefore);
    expect(await configVersion(h.db)).toBe(before);
  });

  it("refuses a negative amount and an unknown surcharge with inline errors", async () => {
    const negative = await submit(
      route.action,
      page(),
      { code: "DELIVERY_AREA", mode: "REPLACE", amount: "-3", list: "30303\n" },
      { id: serviceId },
    );
    expect(negative.status).toBe(422);
    expect(negative.data.errors.amountCents).toBe("the surcharge cannot be negative");
    const unknown = await submit(
      route.action,
      page(),
      { code: "PEAK", mode: "REPLACE", list: "30303\n" },
      { id: serviceId },
    );
    expect(unknown.status).toBe(422);
    expect(unknown.data.errors.code).toBe("choose which surcharge the list is for");
  });

  it("never shows or changes another shop's service", async () => {
    // GIVEN the other shop's UPS Ground
    const other = await h.db.carrierService.findFirstOrThrow({
      where: { shop: OTHER_SHOP, code: "ups-ground" },
    });
    const listBefore = await areaZips("DELIVERY_AREA", OTHER_SHOP);
    // WHEN the demo shop's admin asks for it by id
    expect(
      (await load(route.loader, `/app/carriers/${other.id}/surcharge-areas`, { id: other.id })).status,
    ).toBe(404);
    const write = await submit(
      route.action,
      `/app/carriers/${other.id}/surcharge-areas`,
      { code: "DELIVERY_AREA", mode: "REPLACE", amount: "1", list: "30303\n" },
      { id: other.id },
    );
    // THEN it is not found, and its list is unchanged
    expect(write.status).toBe(404);
    expect(await areaZips("DELIVERY_AREA", OTHER_SHOP)).toEqual(listBefore);
  });
});
