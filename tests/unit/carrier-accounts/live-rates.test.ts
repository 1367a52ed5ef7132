import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "../../../app/services/carrier-accounts/live-rates/breaker";
import {
  fetchLiveAnswers,
  LiveRateState,
} from "../../../app/services/carrier-accounts/live-rates/live-answers";
import { TtlCache } from "../../../app/services/carrier-accounts/live-rates/rate-cache";
import type { LiveRequest } from "../../../app/services/carrier-accounts/live-rates/overlay";
import type { LiveRateSetup } from "../../../app/services/carrier-accounts/live-rates/types";
import {
  ProviderError,
  type CarrierAccountProvider,
  type RatesResult,
} from "../../../app/services/carrier-accounts";

// The circuit breaker and the answer cache on an injected clock, and fetchLiveAnswers with a scripted provider.

describe("CircuitBreaker", () => {
  it("opens after N consecutive failures, lets one trial through after the cool-down, and closes on its success", () => {
    // GIVEN a breaker that opens after 3 failures and cools down for 30 s
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 30_000 }, () => now);
    // WHEN two calls fail THEN it stays closed
    breaker.failure();
    breaker.failure();
    expect(breaker.state).toBe("CLOSED");
    expect(breaker.tryAcquire()).toBe(true);
    // WHEN the third fails THEN it opens and refuses calls until the cool-down ends
    breaker.failure();
    expect(breaker.state).toBe("OPEN");
    expect(breaker.tryAcquire()).toBe(false);
    now = 29_999;
    expect(breaker.tryAcquire()).toBe(false);
    // WHEN the cool-down has passed THEN exactly one trial is let through (half-open)
    now = 30_000;
    expect(breaker.state).toBe("HALF_OPEN");
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    // WHEN the trial succeeds THEN it closes and counts from zero again
    breaker.success();
    expect(breaker.state).toBe("CLOSED");
    expect(breaker.consecutiveFailures).toBe(0);
  });

  it("re-opens for a whole new cool-down when the half-open trial fails", () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1000 }, () => now);
    breaker.failure();
    now = 1000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.failure();
    expect(breaker.state).toBe("OPEN");
    now = 1999;
    expect(breaker.tryAcquire()).toBe(false);
    now = 2000;
    expect(breaker.tryAcquire()).toBe(true);
  });

  it("resets the count of failures on a success in between", () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1000 }, () => 0);
    breaker.failure();
    breaker.success();
    breaker.failure();
    expect(breaker.state).toBe("CLOSED");
  });
});

describe("TtlCache", () => {
  it("answers until the entry's time is up, and drops the oldest when full", () => {
    let now = 0;
    const cache = new TtlCache<string>(() => now, 2);
    cache.set("a", "A", 100);
    now = 99;
    expect(cache.get("a")).toBe("A");
    now = 100;
    expect(cache.get("a")).toBeUndefined();
    cache.set("b", "B", 1000);
    cache.set("c", "C", 1000);
    cache.set("d", "D", 1000);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("d")).toBe("D");
  });
});

const RATES: RatesResult = {
  rates: [
    {
      rateId: "r1",
      carrierAccountId: "ca_1",
      carrier: "UPS",
      service: "Ground",
      amountCents: 900,
      currency: "USD",
    },
  ],
  messages: [],
};

function scripted(answer: () => Promise<RatesResult>) {
  const calls: number[] = [];
  // Only what live rates call; the other capabilities are never reached here.
  const provider = {
    kind: "EASYPOST" as const,
    testConnection: () => Promise.reject(new Error("unused")),
    listCarrierAccounts: () => Promise.resolve([]),
    getRates: () => {
      calls.push(1);
      return answer();
    },
  } as unknown as CarrierAccountProvider;
  const setup: LiveRateSetup = {
    settings: { budgetMs: 1500, breakerFailures: 2, breakerCooldownMs: 10_000, cacheTtlMs: 60_000 },
    accounts: new Map([["acc", { id: "acc", kind: "EASYPOST", label: "A", provider }]]),
    mappings: new Map([
      [
        "ups-ground",
        { serviceCode: "ups-ground", accountId: "acc", providerAccount: "ca_1", providerService: "Ground" },
      ],
    ]),
  };
  return { calls, setup };
}

const request: LiveRequest = {
  key: "acc|75201|80202|12x10x6x40",
  accountId: "acc",
  shipment: { from: { zip: "75201", country: "US" }, to: { zip: "80202", country: "US" }, parcels: [] },
};

describe("fetchLiveAnswers", () => {
  it("serves a second identical request from the cache without calling the provider, until the entry expires", async () => {
    // GIVEN a provider that answers at once
    let now = 0;
    const state = new LiveRateState(() => now);
    const { calls, setup } = scripted(() => Promise.resolve(RATES));
    // WHEN the same origin, destination and parcels are asked twice
    const first = await fetchLiveAnswers([request], setup, state, 1000, () => 0);
    const second = await fetchLiveAnswers([request], setup, state, 1000, () => 0);
    // THEN the provider was called once and both answers are the live rates
    expect(calls).toHaveLength(1);
    expect(first.get(request.key)).toEqual({ ok: true, rates: RATES });
    expect(second.get(request.key)).toEqual({ ok: true, rates: RATES });
    // WHEN the cache time has passed THEN the provider is asked again
    now = 60_000;
    await fetchLiveAnswers([request], setup, state, 1000, () => 0);
    expect(calls).toHaveLength(2);
  });

  it("opens the account's breaker after consecutive failures and then asks nobody until the cool-down ends", async () => {
    let now = 0;
    const state = new LiveRateState(() => now);
    const { calls, setup } = scripted(() => Promise.reject(new ProviderError("EASYPOST", "SERVER", "500")));
    for (let i = 0; i < 2; i++) {
      const answers = await fetchLiveAnswers([request], setup, state, 1000, () => 0);
      expect(answers.get(request.key)).toMatchObject({ ok: false, miss: "ERROR" });
    }
    const refused = await fetchLiveAnswers([request], setup, state, 1000, () => 0);
    expect(refused.get(request.key)).toEqual({ ok: false, miss: "BREAKER_OPEN" });
    expect(calls).toHaveLength(2);
    now = 10_000;
    await fetchLiveAnswers([request], setup, state, 1000, () => 0);
    expect(calls).toHaveLength(3);
  });

  it("returns at the deadline with nothing for a provider still thinking", async () => {
    const state = new LiveRateState(() => 0);
    const { setup } = scripted(() => new Promise(() => undefined));
    const started = performance.now();
    const answers = await fetchLiveAnswers([request], setup, state, started + 200, () => performance.now());
    const elapsed = performance.now() - started;
    expect(answers.has(request.key)).toBe(false);
    expect(elapsed).toBeGreaterThanOrEqual(195);
    expect(elapsed).toBeLessThan(1000);
  });
});
