import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SHOP, load, OTHER_SHOP, startAdminHarness, submit, type AdminHarness } from "./admin-harness";

// The zone-charts page of a carrier service: per warehouse, the carrier's chart or the distance estimate; a chart
// uploaded for one warehouse, a malformed one refused line by line, one removed, another shop's service refused.

let h: AdminHarness;
let route: typeof import("../../app/routes/app.carriers.$id_.zone-charts");
let serviceId: string;
const page = () => `/app/carriers/${serviceId}/zone-charts`;
const post = (fields: Record<string, string>, id = serviceId) =>
  submit(route.action, `/app/carriers/${id}/zone-charts`, fields, { id });

beforeAll(async () => {
  h = await startAdminHarness();
  route = await import("../../app/routes/app.carriers.$id_.zone-charts");
  serviceId = (await h.db.carrierService.findFirstOrThrow({ where: { shop: DEMO_SHOP, code: "ups-ground" } }))
    .id;
});
afterAll(() => h?.stop());

const fromOf = async (warehouseKey: string) =>
  (await load(route.loader, page(), { id: serviceId })).data.warehouses.find(
    (w: { key: string }) => w.key === warehouseKey,
  ).chart;

describe("Zone charts page", () => {
  it("lists every warehouse with its origin, each estimated from distance until a chart is uploaded", async () => {
    const { status, data } = await load(route.loader, page(), { id: serviceId });
    expect(status).toBe(200);
    expect(data.warehouses.map((w: { originZip3: string }) => w.originZip3).sort()).toEqual([
      "088",
      "752",
      "917",
    ]);
    expect(data.warehouses.every((w: { chart: unknown }) => w.chart === null)).toBe(true);
  });

  it("uploads UPS's chart for one warehouse, then removes it", async () => {
    // WHEN the merchant uploads a chart for Edison's origin
    const uploaded = await post({
      warehouseKey: "edison-nj",
      source: "UPS",
      column: "Ground",
      fileName: "ups-088.csv",
      csv: "UPS Zone Chart for 088\nDest. ZIP,Ground,2nd Day Air\n004-005,5,205\n100-119,2,202\n",
    });
    // THEN that warehouse's zones come from it, the others still from distance
    expect(uploaded.status).toBe(200);
    expect(uploaded.data).toMatchObject({ ok: true, ranges: 2 });
    expect(await fromOf("edison-nj")).toMatchObject({ source: "UPS", fileName: "ups-088.csv" });
    expect(await fromOf("dallas-tx")).toBeNull();
    // WHEN it is removed THEN Edison is back to the estimate
    expect((await post({ intent: "delete", warehouseKey: "edison-nj" })).status).toBe(200);
    expect(await fromOf("edison-nj")).toBeNull();
  });

  it("refuses a malformed chart with its line numbers and saves nothing", async () => {
    const { status, data } = await post({
      warehouseKey: "dallas-tx",
      source: "FedEx",
      csv: "Destination ZIP,Ground\n75000-75299,2\nabc,3\n",
    });
    expect(status).toBe(422);
    expect(data.lineErrors.map((e: { line: number }) => e.line)).toEqual([3]);
    expect(await h.db.zoneChart.count({ where: { shop: DEMO_SHOP } })).toBe(0);
  });

  it("answers another shop's service with not found", async () => {
    const other = await h.db.carrierService.findFirstOrThrow({
      where: { shop: OTHER_SHOP, code: "ups-ground" },
    });
    expect((await load(route.loader, `/app/carriers/${other.id}/zone-charts`, { id: other.id })).status).toBe(
      404,
    );
    const write = await post(
      { warehouseKey: "edison-nj", source: "UPS", csv: "Dest. ZIP,Ground\n100,2\n" },
      other.id,
    );
    expect(write.status).toBe(404);
    expect(await h.db.zoneChart.count()).toBe(0);
  });
});
