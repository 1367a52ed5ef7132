import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { freshTestDatabase } from "../support/test-database";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import type { CompiledShopConfig } from "../../app/engine";
import {
  answerCarrierCallback,
  compileForCallback,
  type CarrierCallbackDeps,
} from "../../app/services/carrier-service/callback.server";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { ShopRuntimeCache } from "../../app/services/shop/runtime-cache.server";
import { shopifyHmac } from "../../scripts/lib/signed-webhook";
import { fixture } from "../support/fixtures";

// The callback service with its collaborators in hand: a fixed clock, a controllable cache clock and an
// engine that can be made to fail. Requests are real `Request`s signed with a real HMAC.
const dir = mkdtempSync(join(tmpdir(), "tailroute-callback-"));
const db = createPrismaClient(freshTestDatabase("callback_service", dir));
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const SECRET = "service-test-secret";
const shop = "callback-service.myshopify.com";
const FIXED_NOW = new Date("2026-11-24T15:00:00Z"); // Tuesday 10:00 in New York, before every cutoff
let cacheClockMs = 0;
let deps: CarrierCallbackDeps;

beforeEach(async () => {
  await saveShopConfig(db, { ...demoShopConfig, shop });
  await db.shop.update({ where: { shop }, data: { onCallbackFailure: "RETURN_FALLBACK_RATES" } });
  await db.callbackFailure.deleteMany({ where: { shop } });
  cacheClockMs = 0;
  deps = {
    db,
    appSecret: SECRET,
    now: () => FIXED_NOW,
    cache: new ShopRuntimeCache<CompiledShopConfig | null>(db, {
      compile: compileForCallback,
      clockMs: () => cacheClockMs,
    }),
  };
});

function signedRequest(body: unknown, forShop = shop): Request {
  const raw = JSON.stringify(body);
  return new Request("http://app.test/api/carrier-service", {
    method: "POST",
    headers: { "X-Shopify-Hmac-Sha256": shopifyHmac(raw, SECRET), "X-Shopify-Shop-Domain": forShop },
    body: raw,
  });
}
const smallCartToDenver = () => {
  const body = fixture<{ rate: { destination: Record<string, unknown> } }>(
    "engine/request-small-cart-dallas.json",
  );
  body.rate.destination = { ...body.rate.destination, postal_code: "80202", province: "CO", city: "Denver" };
  return body;
};
type Rates = {
  rates: {
    service_code: string;
    total_price: string;
    min_delivery_date?: string;
    max_delivery_date?: string;
    description: string;
  }[];
};

describe("answerCarrierCallback", () => {
  it("dates every rate from the injected clock, in Shopify's format and the buyer's time zone", async () => {
    const response = await answerCarrierCallback(signedRequest(smallCartToDenver()), null, deps);
    const { rates } = (await response.json()) as Rates;
    // (Express to Denver is withdrawn: Standard is as fast for less, docs/engine.md.)
    expect(rates.map((r) => r.service_code)).toEqual(["TR_STANDARD", "TR_ECONOMY"]);
    for (const r of rates) {
      expect(r.min_delivery_date).toMatch(/^2026-1[12]-\d{2} 14:00:00 -0700$/); // Denver, MST
      expect(r.min_delivery_date! >= "2026-11-25").toBe(true); // never before tomorrow
    }
  });

  it("answers the shop's fallback rates when the engine throws, and records the failure", async () => {
    const response = await answerCarrierCallback(signedRequest(smallCartToDenver()), null, {
      ...deps,
      rate: () => {
        throw new RangeError("boom");
      },
    });
    expect(response.status).toBe(200);
    const { rates } = (await response.json()) as Rates;
    const expected = demoShopConfig.fallbackRates.filter((r) => !r.serviceCode.startsWith("TR_FREIGHT_"));
    expect(rates.map((r) => [r.service_code, r.total_price])).toEqual(
      expected.map((r) => [r.serviceCode, String(r.priceCents)]),
    );
    // …each still dated with its tier's conservative window (the engine's slowest zone for the tier)
    for (const rate of rates) {
      expect(rate.min_delivery_date).toMatch(/^\d{4}-\d{2}-\d{2} 14:00:00 -0[67]00$/);
      expect(rate.max_delivery_date! >= rate.min_delivery_date!).toBe(true);
    }
    await expect.poll(() => db.callbackFailure.count({ where: { shop, reason: "ENGINE_ERROR" } })).toBe(1);
  });

  it("answers 503 instead when the shop prefers Shopify's backup rates", async () => {
    await db.shop.update({ where: { shop }, data: { onCallbackFailure: "SHOPIFY_BACKUP_RATES" } });
    const response = await answerCarrierCallback(signedRequest(smallCartToDenver()), null, {
      ...deps,
      rate: () => {
        throw new Error("boom");
      },
    });
    expect(response.status).toBe(503);
  });

  it("answers fallback rates when the engine blows the time budget", async () => {
    const response = await answerCarrierCallback(signedRequest(smallCartToDenver()), null, {
      ...deps,
      timeBudgetMs: 5,
      rate: () => {
        const until = performance.now() + 20;
        while (performance.now() < until) {
          // a slow engine
        }
        return { rates: [] };
      },
    });
    const { rates } = (await response.json()) as Rates;
    expect(rates.length).toBeGreaterThan(0);
    await expect.poll(() => db.callbackFailure.count({ where: { shop, reason: "TIME_BUDGET" } })).toBe(1);
  });

  it("answers 503 (Shopify's backup rates), not a 500, when the shop's configuration cannot be compiled", async () => {
    const broken = new ShopRuntimeCache<CompiledShopConfig>(db, {
      compile: () => {
        throw new Error("duplicate warehouse id");
      },
    });
    const response = await answerCarrierCallback(signedRequest(smallCartToDenver()), null, {
      ...deps,
      cache: broken,
    });
    expect(response.status).toBe(503);
  });

  it("answers an unknown path token with a bare 401 before looking at the body", async () => {
    const oversized = new Request("http://app.test/api/carrier-service/nope", {
      method: "POST",
      body: JSON.stringify({ padding: "x".repeat(1_100_000) }),
    });
    const response = await answerCarrierCallback(oversized, "nope", deps);
    expect(response.status).toBe(401);
    expect(await response.text()).toBe("");
  });

  it("serves a saved configuration change once the revalidation period has passed", async () => {
    // GIVEN a warm cache
    const before = (await (
      await answerCarrierCallback(signedRequest(smallCartToDenver()), null, deps)
    ).json()) as Rates;
    // WHEN the merchant doubles the handling fee on another instance (only the database changes)
    await saveShopConfig(db, { ...demoShopConfig, shop, markup: { basisPoints: 0, fixedCents: 1100 } });
    const stillCached = (await (
      await answerCarrierCallback(signedRequest(smallCartToDenver()), null, deps)
    ).json()) as Rates;
    cacheClockMs += 1_000; // the revalidation period passes
    await answerCarrierCallback(signedRequest(smallCartToDenver()), null, deps); // triggers the version check
    await expect
      .poll(async () => {
        const after = (await (
          await answerCarrierCallback(signedRequest(smallCartToDenver()), null, deps)
        ).json()) as Rates;
        return Number(after.rates[0].total_price) - Number(before.rates[0].total_price);
      })
      .toBe(1000);
    // THEN the old prices were served until then, the new ones after
    expect(stillCached).toEqual(before);
  });

  it("answers a freshly installed shop with nothing configured 200 and no rates, not a 401 or a 5xx", async () => {
    // GIVEN a shop installed through the real install path and nothing else
    const fresh = "callback-fresh-install.myshopify.com";
    await recordInstall(db, fresh);
    // WHEN Shopify sends it a signed rate request
    const response = await answerCarrierCallback(signedRequest(smallCartToDenver(), fresh), null, deps);
    // THEN checkout gets an empty rate list (the shop cannot serve yet), nothing is recorded as a failure
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ rates: [] });
    expect(await db.callbackFailure.count({ where: { shop: fresh } })).toBe(0);
  });

  it("answers 200 and no rates when every warehouse is switched off", async () => {
    // GIVEN a configured shop whose warehouses are all inactive
    await db.warehouse.updateMany({ where: { shop }, data: { active: false } });
    await db.shop.update({ where: { shop }, data: { configVersion: { increment: 1 } } });
    // WHEN a signed rate request arrives
    const response = await answerCarrierCallback(signedRequest(smallCartToDenver()), null, deps);
    // THEN an empty rate list, no failure
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ rates: [] });
    expect(await db.callbackFailure.count({ where: { shop } })).toBe(0);
  });

  it("answers 200 and no rates when every carrier service is disabled", async () => {
    // GIVEN a configured shop with no fallback rates whose services are all disabled
    await db.carrierService.updateMany({ where: { shop }, data: { enabled: false } });
    await db.shop.update({ where: { shop }, data: { fallbackRates: [], configVersion: { increment: 1 } } });
    // WHEN a signed rate request arrives
    const response = await answerCarrierCallback(signedRequest(smallCartToDenver()), null, deps);
    // THEN an empty rate list, no failure
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ rates: [] });
    expect(await db.callbackFailure.count({ where: { shop } })).toBe(0);
  });

  it("still refuses a correctly signed request for a shop that never installed with a bare 401", async () => {
    const response = await answerCarrierCallback(
      signedRequest(smallCartToDenver(), "never-installed.myshopify.com"),
      null,
      deps,
    );
    expect(response.status).toBe(401);
    expect(await response.text()).toBe("");
  });
});
