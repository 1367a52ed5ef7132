import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createProvider,
  decimalToCents,
  ProviderError,
  type ProviderKind,
  type RateShipment,
} from "../../../app/services/carrier-accounts";
import type { CarrierApiFake } from "../../support/fakes/carrier-api-fake";
import { EASYPOST_FAKE_KEY, startEasyPostFake, type EasyPostFake } from "../../support/fakes/easypost-fake";
import { SHIPPO_FAKE_TOKEN, startShippoFake, type ShippoFake } from "../../support/fakes/shippo-fake";

// Each provider through its official SDK against its fake over real HTTP: the documented success shapes, the
// documented errors (401, 422 invalid address, 429, 500), a partial rate list, latency and no answer at all.

let easyPost: EasyPostFake;
let shippo: ShippoFake;
beforeAll(async () => {
  [easyPost, shippo] = await Promise.all([startEasyPostFake(), startShippoFake()]);
});
afterAll(async () => {
  await Promise.all([easyPost.close(), shippo.close()]);
});
beforeEach(() => {
  easyPost.reset();
  shippo.reset();
});

const shipment = (parcels = 1, zip = "80202"): RateShipment => ({
  from: { street1: "100 Main St", city: "Dallas", state: "TX", zip: "75201", country: "US" },
  to: { city: "Denver", state: "CO", zip, country: "US", residential: true },
  parcels: Array.from({ length: parcels }, () => ({ lengthIn: 12, widthIn: 10, heightIn: 6, weightOz: 40 })),
});

const cases: {
  kind: ProviderKind;
  fake: () => CarrierApiFake;
  provider: (key?: string) => ReturnType<typeof createProvider>;
}[] = [
  {
    kind: "EASYPOST",
    fake: () => easyPost,
    provider: (key = EASYPOST_FAKE_KEY) =>
      createProvider("EASYPOST", { apiKey: key, baseUrl: easyPost.baseUrl }),
  },
  {
    kind: "SHIPPO",
    fake: () => shippo,
    provider: (key = SHIPPO_FAKE_TOKEN) => createProvider("SHIPPO", { apiKey: key, baseUrl: shippo.url }),
  },
];

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe.each(cases)("$kind provider through its SDK", ({ kind, fake, provider }) => {
  it("tests the connection by listing the carrier accounts the key exposes", async () => {
    // GIVEN a valid key WHEN the connection is tested
    const check = await provider().testConnection({ timeoutMs: 5000 });
    // THEN every account is listed with its carrier
    expect(check.ok).toBe(true);
    expect(check.carrierAccounts.map((a) => a.carrier).sort()).toEqual(["UPS", "USPS"]);
    if (kind === "SHIPPO") expect(check.carrierAccounts[0].services.length).toBeGreaterThan(0);
  });

  it("rates a one-parcel shipment in integer cents with each rate's account, carrier and service", async () => {
    const { rates, messages } = await provider().getRates(shipment(), { timeoutMs: 5000 });
    expect(messages).toEqual([]);
    expect(rates.length).toBeGreaterThanOrEqual(4);
    for (const r of rates) {
      expect(Number.isInteger(r.amountCents)).toBe(true);
      expect(r.amountCents).toBeGreaterThan(0);
      expect(r.carrierAccountId).not.toBe("");
      expect(r.currency).toBe("USD");
    }
  });

  it("rates several parcels in one request and prices them all", async () => {
    const one = await provider().getRates(shipment(1), { timeoutMs: 5000 });
    const three = await provider().getRates(shipment(3), { timeoutMs: 5000 });
    const price = (r: typeof one, s: string) => r.rates.find((x) => x.service === s)!.amountCents;
    const service = one.rates[0].service;
    expect(price(three, service)).toBeGreaterThan(price(one, service));
    const posted = fake()
      .requests.filter((r) => r.method === "POST")
      .map((r) => r.path);
    if (kind === "EASYPOST") expect(posted).toEqual(["/v2/shipments", "/v2/orders"]);
  });

  it("returns a partial rate list with the silent carrier's message", async () => {
    fake().behaviour.partialRates = true;
    const { rates, messages } = await provider().getRates(shipment(), { timeoutMs: 5000 });
    expect(new Set(rates.map((r) => r.carrierAccountId)).size).toBe(1);
    expect(messages).toHaveLength(1);
    expect(messages[0].message).not.toBe("");
  });

  it("says AUTH for an unknown key, without the key in the message", async () => {
    const error = await failure(provider("wrong-key-123456").testConnection({ timeoutMs: 5000 }));
    expect(error.kind).toBe("AUTH");
    expect(error.details.status).toBe(401);
    expect(error.message).not.toContain("wrong-key-123456");
  });

  it("says INVALID with the fields for an address the provider cannot find (422)", async () => {
    const error = await failure(provider().getRates(shipment(1, "00000"), { timeoutMs: 5000 }));
    expect(error.kind).toBe("INVALID");
    expect(error.details.status).toBe(422);
    expect(error.details.fieldErrors?.length).toBeGreaterThan(0);
    expect(error.isOutage).toBe(false);
  });

  it.each([
    [429, "RATE_LIMITED"],
    [500, "SERVER"],
  ] as const)("says %s as %s", async (status, expected) => {
    fake().behaviour.answer = status;
    const error = await failure(provider().getRates(shipment(), { timeoutMs: 5000 }));
    expect(error.kind).toBe(expected);
    expect(error.details.status).toBe(status);
    expect(error.isOutage).toBe(true);
  });

  it("gives up at its deadline when the provider never answers", async () => {
    fake().behaviour.answer = "NO_ANSWER";
    const started = performance.now();
    const error = await failure(provider().getRates(shipment(), { timeoutMs: 300 }));
    const elapsed = performance.now() - started;
    expect(error.kind).toBe("TIMEOUT");
    // Not before the deadline; well before the SDK's own 60 s (slack for a loaded machine).
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2000);
  });

  it("stops when the caller's signal aborts, and answers normally with latency under the deadline", async () => {
    fake().behaviour.latencyMs = 150;
    const ok = await provider().getRates(shipment(), { timeoutMs: 3000 });
    expect(ok.rates.length).toBeGreaterThan(0);
    fake().behaviour.latencyMs = 2000;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(provider().getRates(shipment(), { signal: controller.signal }));
    expect(error.kind).toBe("TIMEOUT");
  });

  it("says NETWORK when nothing listens at the address", async () => {
    const closed = kind === "EASYPOST" ? "http://127.0.0.1:9/v2/" : "http://127.0.0.1:9";
    const error = await failure(
      createProvider(kind, { apiKey: "k", baseUrl: closed }).testConnection({ timeoutMs: 3000 }),
    );
    expect(error.kind).toBe("NETWORK");
  });
});

describe("decimalToCents", () => {
  it("reads decimal strings without floating point and rounds half up at the cent", () => {
    expect(decimalToCents("7.58")).toBe(758);
    expect(decimalToCents("12")).toBe(1200);
    expect(decimalToCents("0.5")).toBe(50);
    expect(decimalToCents("1.005")).toBe(101);
    expect(decimalToCents("19.994")).toBe(1999);
    expect(() => decimalToCents("-1")).toThrow();
    expect(() => decimalToCents("abc")).toThrow();
  });
});
