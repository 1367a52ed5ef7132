// Carrier zone charts: reading the files UPS, FedEx and USPS publish for one origin, and the engine using an
// imported chart before its distance estimate (explain says which one decided).
import { describe, expect, it } from "vitest";
import { zoneChartFromCsv } from "../../app/contracts/zone-chart-csv";
import { compileShopConfig, quote } from "../../app/engine";
import type { ShopConfig } from "../../app/engine/types";
import { demoShopConfig, DEMO_VARIANTS as V } from "../../app/demo/demo-shop-config";

const UPS_STYLE = [
  "UPS Zone Chart for shipments from ZIP codes 088-00 to 088-99", // preamble lines above the header are skipped
  "",
  "Dest. ZIP,Ground,3 Day Select,2nd Day Air",
  "004-005,2,302,202",
  "100-119,2,302,202",
  "900-961,8,308,208",
  "967-968,-,-,226",
].join("\n");

describe("zone chart files", () => {
  it("reads a UPS-style chart's service column into ZIP3 ranges, skipping services not offered", () => {
    // GIVEN a chart with a preamble and one column per service WHEN the Ground column is read
    const { ranges, errors, column } = zoneChartFromCsv(UPS_STYLE, { column: "ground" });
    // THEN every range keeps its zone and Hawaii (no Ground) is left out
    expect(errors).toEqual([]);
    expect(column).toBe("Ground");
    expect(ranges).toEqual([
      { fromZip3: "004", toZip3: "005", zone: 2 },
      { fromZip3: "100", toZip3: "119", zone: 2 },
      { fromZip3: "900", toZip3: "961", zone: 8 },
    ]);
  });

  it("reads FedEx 5-digit ranges and USPS triple-dash ranges with markers", () => {
    const fedex = zoneChartFromCsv("Destination ZIP,Ground\n00400-00599,2\n01000-02799,3\n");
    const usps = zoneChartFromCsv("ZIP Code,Zone\n005---098,3*\n100,1+\n");
    expect(fedex.ranges).toEqual([
      { fromZip3: "004", toZip3: "005", zone: 2 },
      { fromZip3: "010", toZip3: "027", zone: 3 },
    ]);
    expect(usps.ranges).toEqual([
      { fromZip3: "005", toZip3: "098", zone: 3 },
      { fromZip3: "100", toZip3: "100", zone: 1 },
    ]);
  });

  it("reports every malformed line with its number and returns no chart", () => {
    // GIVEN a file with a bad range, a backwards range, a bad zone and an overlap
    const text = ["Dest. ZIP,Ground", "004-005,2", "0A6,3", "120-110,4", "130-139,zone 5", "005-009,6"].join(
      "\n",
    );
    const { ranges, errors } = zoneChartFromCsv(text);
    // THEN nothing is returned and each line says what is wrong
    expect(ranges).toBeNull();
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(errors[0].message).toMatch(/not a ZIP3/);
    expect(errors[1].message).toMatch(/backwards/);
    expect(errors[2].message).toMatch(/not a zone number/);
    expect(errors[3].message).toMatch(/overlaps 004-005 \(line 2\)/);
  });

  it("asks which column to read when the file has several and none was named", () => {
    const { ranges, errors } = zoneChartFromCsv(UPS_STYLE);
    expect(ranges).toBeNull();
    expect(errors).toEqual([
      { line: 3, message: "choose the service's zone column (columns: Ground, 3 Day Select, 2nd Day Air)" },
    ]);
  });

  it("refuses a file without a destination header", () => {
    expect(zoneChartFromCsv("origin,zone\n100,2\n").errors[0].message).toMatch(/no header row/);
  });
});

describe("engine zones from an imported chart", () => {
  const cart = [{ variantId: V.mug, sku: "MUG-11OZ", quantity: 1, grams: 397, priceCents: 1800 }];
  const now = new Date("2026-11-24T15:00:00Z");
  const destination = { country: "US", zip: "10001", addressLines: ["350 5th Ave"], company: "Acme" };

  function withChart(zone: number): ShopConfig {
    // Edison and UPS Ground only, so the shipment under test is always that one.
    return {
      ...demoShopConfig,
      warehouses: demoShopConfig.warehouses.filter((w) => w.id === "edison-nj"),
      carrierServices: demoShopConfig.carrierServices
        .filter((s) => s.id === "ups-ground")
        .map((s) =>
          s.id === "ups-ground"
            ? {
                ...s,
                zoneTables: [
                  {
                    warehouseId: "edison-nj",
                    originZip3: "088",
                    source: "UPS",
                    ranges: [{ fromZip3: "100", toZip3: "102", zone }],
                  },
                ],
              }
            : s,
        ),
    };
  }

  it("takes the chart's zone over the distance estimate and says so", () => {
    // GIVEN UPS Ground with a chart from Edison putting New York in zone 4 (distance says 2)
    const result = quote(compileShopConfig(withChart(4)), { cart, destination, now });
    const ups = result.quotes.flatMap((q) => q.shipments).find((s) => s.serviceId === "ups-ground");
    // THEN a UPS Ground shipment from Edison is rated in zone 4, from the chart
    expect(ups?.warehouseId).toBe("edison-nj");
    expect(ups?.zone).toBe(4);
    expect(ups?.zoneSource).toBe("zone 4 from UPS chart for origin 088");
  });

  it("falls back to the distance estimate for destinations the chart does not list", () => {
    const result = quote(compileShopConfig(withChart(4)), {
      cart,
      destination: { ...destination, zip: "75201" },
      now,
    });
    const sources = result.quotes.flatMap((q) => q.shipments).map((s) => s.zoneSource);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => s?.endsWith("estimated from distance"))).toBe(true);
  });

  it("refuses a chart published for another origin than its warehouse", () => {
    const config = withChart(4);
    config.carrierServices.find((s) => s.id === "ups-ground")!.zoneTables![0].originZip3 = "100";
    expect(() => compileShopConfig(config)).toThrow(/origin ZIP3/);
  });
});
