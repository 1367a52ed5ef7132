import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { importFromLocator } from "../../app/services/pickup/locator/import-from-locator.server";
import { LocatorError } from "../../app/services/pickup/locator/types";
import { buildUpsLocatorRequest, UpsLocatorProvider } from "../../app/services/pickup/locator/ups-locator";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { freshTestDatabase } from "../support/test-database";
import { DocumentedLocatorRequest, rejectUndocumented, upsError } from "../support/fakes/ups-locator-fake";

// The UPS Locator adapter against a local fake that follows the documented v3 shape (UPS-API
// api-documentation Locator.yaml): POST /api/locations/v3/search/availabilities/64 with an OAuth bearer token.
// The fake refuses (400, UPS's error body) any request that does not follow the documented request shape.

const answer = JSON.parse(
  readFileSync(join(__dirname, "../fixtures/pickup/ups-locator-response.json"), "utf8"),
);
const received: {
  url: string;
  auth: string | undefined;
  body: { LocatorRequest: Record<string, unknown> };
  refused: { status: number; body: unknown } | null;
}[] = [];
let status = 200;
let server: Server;
let baseUrl = "";
const dir = mkdtempSync(join(tmpdir(), "tailroute-ups-locator-"));
const db = createPrismaClient(freshTestDatabase("ups_locator", dir));
const SHOP = "locator-shop.myshopify.com";

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const refused = rejectUndocumented(req.url ?? "", req.headers.authorization, body);
      let parsedBody: { LocatorRequest: Record<string, unknown> } = { LocatorRequest: {} };
      try {
        parsedBody = JSON.parse(body);
      } catch {
        // recorded as refused
      }
      received.push({ url: req.url ?? "", auth: req.headers.authorization, body: parsedBody, refused });
      const [code, reply] = refused
        ? [refused.status, refused.body]
        : status === 200
          ? [200, answer]
          : [status, upsError("250002", "Invalid Authentication Information.")];
      res.writeHead(code, { "Content-Type": "application/json" });
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await recordInstall(db, SHOP);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const provider = () => new UpsLocatorProvider({ baseUrl, accessToken: async () => "ups-oauth-token" });
const QUERY = {
  zip: "90012",
  province: "CA",
  city: "Los Angeles",
  address1: "200 N Spring St",
  radiusMiles: 10,
  limit: 5,
};

describe("UPS Locator adapter", () => {
  it("sends the documented Access Point search and maps the drop locations, skipping unusable ones", async () => {
    // WHEN searching around downtown LA
    status = 200;
    const result = await provider().search(QUERY);
    // THEN the request is the documented one
    const sent = received.at(-1)!;
    expect(sent.url).toBe("/api/locations/v3/search/availabilities/64?Locale=en_US");
    expect(sent.auth).toBe("Bearer ups-oauth-token");
    expect(sent.body.LocatorRequest).toMatchObject({
      Request: { RequestAction: "Locator" },
      OriginAddress: {
        AddressKeyFormat: { PostcodePrimaryLow: "90012", CountryCode: "US", PoliticalDivision1: "CA" },
      },
      UnitOfMeasurement: { Code: "MI" },
      LocationSearchCriteria: { SearchRadius: "10", MaximumListSize: "5" },
    });
    // AND two locations become directory points keyed by their public Access Point id
    expect(result.points).toEqual([
      expect.objectContaining({
        network: "UPS_ACCESS_POINT",
        externalId: "U12345678",
        name: "THE UPS STORE 1234",
        address1: "350 S GRAND AVE",
        zip: "90071",
        latitude: 34.0522,
        longitude: -118.2527,
        hours: "Mon-Fri: 8:00am-7:00pm; Sat: 9:00am-5:00pm",
      }),
      expect.objectContaining({ externalId: "U87654321", address1: "210 W 7TH ST", hours: "" }),
    ]);
    // AND the location without a geocode is reported, not invented
    expect(result.skipped).toEqual([{ id: "351841", reason: expect.any(String) }]);
  });

  it("an authentication failure is a LocatorError with the status, and nothing is saved", async () => {
    // GIVEN UPS refuses the token
    status = 401;
    // WHEN importing THEN the error carries 401 and the directory stays empty
    await expect(importFromLocator(db, SHOP, provider(), QUERY)).rejects.toMatchObject({
      name: "LocatorError",
      status: 401,
    } satisfies Partial<LocatorError>);
    expect(await db.pickupPoint.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("imports the found points into the shop's directory", async () => {
    status = 200;
    const { saved, skipped } = await importFromLocator(db, SHOP, provider(), QUERY);
    expect(saved).toMatchObject({ ok: true, imported: 2, created: 2 });
    expect(skipped).toHaveLength(1);
    const rows = await db.pickupPoint.findMany({ where: { shop: SHOP }, orderBy: { externalId: "asc" } });
    expect(rows.map((r) => [r.externalId, r.source])).toEqual([
      ["U12345678", "UPS_LOCATOR"],
      ["U87654321", "UPS_LOCATOR"],
    ]);
  });

  it("the request follows the documented shape; the fake refuses one that does not", async () => {
    // GIVEN the adapter's request for a normal search
    status = 200;
    await provider().search(QUERY);
    // THEN the fake accepted it (every documented required field is there)
    expect(received.at(-1)!.refused).toBeNull();
    expect(DocumentedLocatorRequest.safeParse(received.at(-1)!.body).success).toBe(true);
    // WHEN a request leaves out the required AddressLine (as the adapter once did without a street)
    const request = buildUpsLocatorRequest(QUERY);
    const { AddressLine: _dropped, ...withoutStreet } = request.LocatorRequest.OriginAddress.AddressKeyFormat;
    const bad = {
      LocatorRequest: {
        ...request.LocatorRequest,
        OriginAddress: { ...request.LocatorRequest.OriginAddress, AddressKeyFormat: withoutStreet },
      },
    };
    const response = await fetch(`${baseUrl}/api/locations/v3/search/availabilities/64?Locale=en_US`, {
      method: "POST",
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
      body: JSON.stringify(bad),
    });
    // THEN the fake answers 400 with UPS's error body naming the field
    expect(response.status).toBe(400);
    expect((await response.json()).response.errors[0].message).toMatch(/AddressKeyFormat\.AddressLine/);
    // AND a radius outside 5-100 mi would be refused too
    const wide = {
      LocatorRequest: { ...request.LocatorRequest, LocationSearchCriteria: { SearchRadius: "150" } },
    };
    expect(DocumentedLocatorRequest.safeParse(wide).success).toBe(false);
  });

  it("keeps SearchRadius a whole number within 5-100 mi and the list size within 1-50", async () => {
    status = 200;
    const sent = async (radiusMiles: number, limit: number) => {
      await provider().search({ ...QUERY, radiusMiles, limit });
      const last = received.at(-1)!;
      expect(last.refused).toBeNull();
      return last.body.LocatorRequest.LocationSearchCriteria as {
        SearchRadius: string;
        MaximumListSize: string;
      };
    };
    expect(await sent(1, 5)).toMatchObject({ SearchRadius: "5" });
    expect(await sent(12.2, 5)).toMatchObject({ SearchRadius: "13" });
    expect(await sent(500, 80)).toMatchObject({ SearchRadius: "100", MaximumListSize: "50" });
  });

  it("refuses to search without the street, city and state UPS requires, without calling UPS", async () => {
    const before = received.length;
    await expect(provider().search({ zip: "90012", radiusMiles: 10, limit: 5 })).rejects.toMatchObject({
      name: "LocatorError",
      status: 400,
      message: expect.stringMatching(/missing: address1, city, province/),
    });
    expect(received).toHaveLength(before);
  });
});
