import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import type { CompiledShopConfig } from "../../app/engine";
import { addCarrierAccount } from "../../app/services/carrier-accounts/account-store.server";
import { LiveRateState } from "../../app/services/carrier-accounts/live-rates/live-answers";
import { loadLiveRateSetup } from "../../app/services/carrier-accounts/live-rates/setup.server";
import {
  answerCarrierCallback,
  compileForCallback,
  engineInput,
  type CarrierCallbackDeps,
} from "../../app/services/carrier-service/callback.server";
import { quoteWithLiveRates } from "../../app/services/carrier-service/live-quote.server";
import { toExplain } from "../../app/services/carrier-service/rate-mapping";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { ShopRuntimeCache } from "../../app/services/shop/runtime-cache.server";
import { shopifyHmac } from "../../scripts/lib/signed-webhook";
import {
  EASYPOST_FAKE_KEY,
  EASYPOST_FAKE_RATES,
  startEasyPostFake,
  type EasyPostFake,
} from "../support/fakes/easypost-fake";
import { fixture } from "../support/fixtures";
import { freshTestDatabase } from "../support/test-database";
import { CarrierServiceRequest } from "../../app/contracts/carrier-service";

// Live rates at checkout within the budget: the callback with a connected EasyPost account (its fake answering
// in 200 ms, in 3 s, or never) answers within the shop's budget plus a slack, with 200 and rates every time.
//
// Slack: the product's target is budget + 50 ms; a loaded 2-core CI machine adds timer and scheduling delay,
// so the assertion allows BUDGET + SLACK_MS (measured here: see docs/carriers.md). A callback that ignored the
// budget would take the fake's 3 s (or forever) and fail it.
const BUDGET_MS = 600;
const SLACK_MS = 350;

const dir = mkdtempSync(join(tmpdir(), "tailroute-live-rates-"));
const db = createPrismaClient(freshTestDatabase("live_rates_budget", dir));
const SECRET = "live-rates-test-secret";
const shop = "live-rates.myshopify.com";
const FIXED_NOW = new Date("2026-11-24T15:00:00Z");
let fake: EasyPostFake;
let deps: CarrierCallbackDeps;
let state: LiveRateState;

beforeAll(async () => {
  process.env.TAILROUTE_SECRETS_KEY = randomBytes(32).toString("base64");
  fake = await startEasyPostFake();
  await saveShopConfig(db, { ...demoShopConfig, shop });
  await db.shop.update({ where: { shop }, data: { onCallbackFailure: "RETURN_FALLBACK_RATES" } });
  const added = await addCarrierAccount(db, shop, {
    provider: "EASYPOST",
    label: "Fake EasyPost",
    apiKey: EASYPOST_FAKE_KEY,
    apiBaseUrl: fake.baseUrl,
  });
  if (!added.ok) throw new Error("account not added");
  const accountId = added.value!.id;
  for (const [serviceCode, providerAccount, providerService] of [
    ["ups-ground", "ca_fake_ups", "Ground"],
    ["ups-2nd-day-air", "ca_fake_ups", "2ndDayAir"],
    ["usps-ground-advantage", "ca_fake_usps", "GroundAdvantage"],
    ["usps-priority", "ca_fake_usps", "Priority"],
  ])
    await db.carrierServiceMapping.create({
      data: { shop, serviceCode, carrierAccountId: accountId, providerAccount, providerService },
    });
  await db.liveRateSetting.create({ data: { shop, budgetMs: BUDGET_MS } });
  // The SDK's first call in a process loads and connects more slowly than the budget tests allow: warm it.
  const setup = await loadLiveRateSetup(db, shop);
  await setup!.accounts.get(accountId)!.provider.listCarrierAccounts({ timeoutMs: 10_000 });
});
afterAll(async () => {
  await fake.close();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
  delete process.env.TAILROUTE_SECRETS_KEY;
});
beforeEach(async () => {
  fake.reset();
  fake.rateRows = EASYPOST_FAKE_RATES.map((r) => ({ ...r }));
  await db.callbackFailure.deleteMany({ where: { shop } });
  state = new LiveRateState();
  deps = {
    db,
    appSecret: SECRET,
    now: () => FIXED_NOW,
    liveRateState: state,
    cache: new ShopRuntimeCache<CompiledShopConfig | null>(db, {
      compile: compileForCallback,
      loadLiveRates: (s) => loadLiveRateSetup(db, s),
    }),
  };
});

const smallCartToDenver = () => {
  const body = fixture<{ rate: { destination: Record<string, unknown> } }>(
    "engine/request-small-cart-dallas.json",
  );
  body.rate.destination = { ...body.rate.destination, postal_code: "80202", province: "CO", city: "Denver" };
  return body;
};

async function timedCallback(body: unknown) {
  const raw = JSON.stringify(body);
  const request = new Request("http://app.test/api/carrier-service", {
    method: "POST",
    headers: { "X-Shopify-Hmac-Sha256": shopifyHmac(raw, SECRET), "X-Shopify-Shop-Domain": shop },
    body: raw,
  });
  const started = performance.now();
  const response = await answerCarrierCallback(request, null, deps);
  const elapsedMs = performance.now() - started;
  const json = (await response.json()) as { rates: { service_code: string; total_price: string }[] };
  return { status: response.status, rates: json.rates, elapsedMs };
}

/** The same cart answered from rate cards only: the account's API refuses, at once. */
async function rateCardAnswer() {
  fake.behaviour.answer = 500;
  const answer = await timedCallback(smallCartToDenver());
  fake.reset();
  state = deps.liveRateState = new LiveRateState();
  return answer.rates;
}

describe("live rates at checkout within the budget", () => {
  it("uses the account's prices when the fake answers in 200 ms, well inside the budget", async () => {
    // GIVEN the rate-card answer for the cart, and the fake answering in 200 ms
    const rateCard = await rateCardAnswer();
    fake.behaviour.latencyMs = 200;
    // WHEN checkout asks
    const { status, rates, elapsedMs } = await timedCallback(smallCartToDenver());
    // THEN rates come back after the fake's 200 ms but before the budget, and mapped tiers carry live prices
    expect(status).toBe(200);
    expect(elapsedMs).toBeGreaterThanOrEqual(195);
    expect(elapsedMs).toBeLessThan(BUDGET_MS + SLACK_MS);
    expect(rates.map((r) => r.service_code)).toEqual(rateCard.map((r) => r.service_code));
    expect(rates.map((r) => r.total_price)).not.toEqual(rateCard.map((r) => r.total_price));
  });

  it.each([
    ["answers in 3 s", { latencyMs: 3000 }],
    ["never answers", { answer: "NO_ANSWER" as const }],
  ])(
    "answers with the rate cards at the budget when the fake %s, with no failure recorded",
    async (_, behaviour) => {
      const rateCard = await rateCardAnswer();
      Object.assign(fake.behaviour, behaviour);
      const { status, rates, elapsedMs } = await timedCallback(smallCartToDenver());
      expect(status).toBe(200);
      // It waited for the budget (the fake is slower) and not longer than the budget plus the slack.
      expect(elapsedMs).toBeGreaterThanOrEqual(BUDGET_MS - 5);
      expect(elapsedMs).toBeLessThan(BUDGET_MS + SLACK_MS);
      expect(rates).toEqual(rateCard);
      expect(await db.callbackFailure.count({ where: { shop } })).toBe(0);
    },
  );

  it("says per shipment in the explain output whether the price is LIVE or from the RATE_CARD", async () => {
    // GIVEN an account that quotes USPS Ground Advantage but not Priority Mail (a partial rate list)
    fake.rateRows = fake.rateRows.filter((r) => r.service !== "Priority");
    const runtime = await deps.cache.byShop(shop);
    if (!runtime?.compiled || !runtime.liveRates) throw new Error("runtime without live rates");
    const request = CarrierServiceRequest.parse(smallCartToDenver());
    // WHEN the cart is quoted with live rates
    const { result } = await quoteWithLiveRates(
      runtime.compiled,
      runtime.liveRates,
      engineInput(runtime, request, FIXED_NOW),
      performance.now(),
      state,
    );
    const shipments = toExplain(result).flatMap((q) => q.shipments);
    // THEN Ground Advantage says LIVE with the carrier's service, Priority Mail RATE_CARD with the reason
    const advantage = shipments.find((s) => s.service === "USPS Ground Advantage");
    const priority = shipments.find((s) => s.service === "USPS Priority Mail");
    expect(advantage).toMatchObject({
      price_source: "LIVE",
      live: { provider: "EASYPOST", carrier: "USPS", service: "GroundAdvantage" },
    });
    expect(priority).toMatchObject({ price_source: "RATE_CARD", live_miss: "NO_MATCHING_RATE" });
  });
});
