import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { quoteCommand } from "../../app/cli/commands/quote";
import { CarrierServiceResponse } from "../../app/contracts/carrier-service";
import { fixturePath } from "../fixtures/engine";
import { readFileSync } from "node:fs";

async function run(args: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await quoteCommand.run(args, {
    stdin: Readable.from([stdin]),
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
  });
  return { code, stdout, stderr };
}

const NOW = ["--now", "2026-11-24T15:00:00Z"];

describe("tailroute quote", () => {
  it("prints Shopify's response body for a fixture request", async () => {
    // GIVEN a CarrierService request (Dallas buyer; Shopify's origin says Edison)
    // WHEN running the command with a fixed clock
    const { code, stdout, stderr } = await run([fixturePath("request-small-cart-dallas.json"), ...NOW]);
    // THEN it exits 0 and prints a valid response shipped from Dallas: Standard and Economy (next door, no
    // express service beats ground's latest day, so Express is withdrawn rather than sold slower)
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const body = CarrierServiceResponse.parse(JSON.parse(stdout));
    expect(Object.keys(JSON.parse(stdout))).toEqual(["rates"]);
    expect(body.rates.map((r) => r.service_code)).toEqual(["TR_STANDARD", "TR_ECONOMY"]);
    for (const rate of body.rates) {
      expect(rate.total_price).toMatch(/^[1-9]\d*$/);
      expect(rate.currency).toBe("USD");
      expect(rate.description).toMatch(
        /^Ships from Dallas, TX · arrives (Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{1,2}/,
      );
      expect(rate.min_delivery_date).toMatch(/^2026-1[12]-\d{2} 14:00:00 -0600$/);
      expect(rate.min_delivery_date! <= rate.max_delivery_date!).toBe(true);
    }
  });

  it("reads the request from stdin with -", async () => {
    const request = readFileSync(fixturePath("request-sofa-nyc.json"), "utf8");
    const { code, stdout } = await run(["-", ...NOW], request);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).rates.map((r: { service_code: string }) => r.service_code)).toEqual([
      "TR_FREIGHT_THRESHOLD",
      "TR_FREIGHT_ROOM_OF_CHOICE",
      "TR_FREIGHT_WHITE_GLOVE",
    ]);
  });

  it("adds the explanation and issues with --explain", async () => {
    const { code, stdout } = await run([fixturePath("request-po-box-austin.json"), "--explain", ...NOW]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(body.explain.map((e: { service_code: string }) => e.service_code)).toEqual([
      "TR_STANDARD",
      "TR_ECONOMY",
    ]);
    const [standard] = body.explain;
    expect(standard.mode).toBe("POSTAL");
    expect(standard.shipments[0]).toMatchObject({
      carrier: "USPS",
      zone: expect.any(Number),
      baseCents: expect.any(Number),
    });
    expect(standard.shipments[0].packages[0]).toEqual({
      lengthIn: expect.any(Number),
      widthIn: expect.any(Number),
      heightIn: expect.any(Number),
      actualLb: expect.any(Number),
      dimLb: expect.any(Number),
      billableLb: expect.any(Number),
    });
    expect(standard.shipments[0].transitDays.min).toBeLessThanOrEqual(standard.shipments[0].transitDays.max);
    expect(standard.reasons.length).toBeGreaterThan(0);
    expect(body.issues.map((i: { code: string }) => i.code)).toContain("PO_BOX_POSTAL_ONLY");
  });

  it("answers the shop's fallback rates for an unknown ZIP", async () => {
    const { code, stdout } = await run([fixturePath("request-unknown-zip.json"), "--explain", ...NOW]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(
      body.rates.map((r: { service_code: string; total_price: string }) => [r.service_code, r.total_price]),
    ).toEqual([
      ["TR_EXPRESS", "2999"],
      ["TR_STANDARD", "1299"],
      ["TR_ECONOMY", "899"],
    ]);
    expect(body.issues[0].code).toBe("UNKNOWN_ZIP");
  });

  it("loads a JSON shop config with --config", async () => {
    const { code, stdout } = await run([
      fixturePath("request-small-cart-dallas.json"),
      "--config",
      fixturePath("shop-config-minimal.json"),
      ...NOW,
    ]);
    expect(code).toBe(0);
    const rates = JSON.parse(stdout).rates;
    expect(rates.map((r: { service_code: string }) => r.service_code)).toEqual(["TR_STANDARD"]);
    expect(rates[0].description).toMatch(/^Ships from Chicago, IL/);
  });

  it.each([
    ["no request file", []],
    ["an unknown option", [fixturePath("request-small-cart-dallas.json"), "--fast"]],
    ["a bad --now", [fixturePath("request-small-cart-dallas.json"), "--now", "yesterday"]],
    ["a missing file", ["/nonexistent/request.json"]],
    ["a body that is not a CarrierService request", [fixturePath("request-not-a-rate.json")]],
    [
      "an invalid shop config",
      [fixturePath("request-small-cart-dallas.json"), "--config", fixturePath("shop-config-invalid.json")],
    ],
  ])("exits 2 with a message on %s", async (_why, args) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^tailroute quote: .+\nUsage: tailroute quote/s);
  });

  it("exits 2 on invalid JSON from stdin", async () => {
    const { code, stderr } = await run(["-"], "{not json");
    expect(code).toBe(2);
    expect(stderr).toMatch(/not valid JSON/);
  });
});
