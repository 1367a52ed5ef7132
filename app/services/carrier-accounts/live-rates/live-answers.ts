import type { LiveRateSettings, LiveRateSetup } from "./types";
import { CircuitBreaker } from "./breaker";
import { TtlCache } from "./rate-cache";
import type { LiveAnswer, LiveRequest } from "./overlay";
import { ProviderError, type RatesResult } from "../types";

/**
 * Per-process memory of live rates, kept across shop runtime reloads: a circuit breaker per connected account,
 * the short-lived answer cache and the requests in flight (two checkouts needing the same answer share one call).
 */
export class LiveRateState {
  readonly cache: TtlCache<RatesResult>;
  private readonly breakers = new Map<string, CircuitBreaker>();
  readonly inFlight = new Map<string, Promise<RatesResult>>();

  constructor(readonly clockMs: () => number = () => Date.now()) {
    this.cache = new TtlCache(clockMs);
  }

  breaker(accountId: string, settings: LiveRateSettings): CircuitBreaker {
    const options = { failureThreshold: settings.breakerFailures, cooldownMs: settings.breakerCooldownMs };
    let breaker = this.breakers.get(accountId);
    if (!breaker) {
      breaker = new CircuitBreaker(options, this.clockMs);
      this.breakers.set(accountId, breaker);
    } else breaker.configure(options);
    return breaker;
  }
}

const asProviderError = (error: unknown) =>
  error instanceof ProviderError
    ? error
    : new ProviderError("EASYPOST", "UNEXPECTED", "live rate call failed");

/**
 * Asks each account for what the requests need, at most until `deadlineMs` (on the `elapsedMs` clock), and returns
 * what was ready then: cached answers at once, an open breaker's requests not at all, the others raced against the
 * deadline. Calls still running at the deadline end there too (their own timeout is the time left) and count as
 * timeouts for their breaker; nothing here ever throws.
 */
export async function fetchLiveAnswers(
  requests: Iterable<LiveRequest>,
  setup: LiveRateSetup,
  state: LiveRateState,
  deadlineMs: number,
  elapsedMs: () => number,
): Promise<Map<string, LiveAnswer>> {
  const answers = new Map<string, LiveAnswer>();
  const calls: Promise<void>[] = [];
  for (const request of requests) {
    const cached = state.cache.get(request.key);
    if (cached) {
      answers.set(request.key, { ok: true, rates: cached });
      continue;
    }
    const remaining = Math.floor(deadlineMs - elapsedMs());
    if (remaining <= 0) continue; // no time left: the rate card answers (TIMEOUT)
    const account = setup.accounts.get(request.accountId);
    if (!account) continue;
    let call = state.inFlight.get(request.key);
    if (!call) {
      const breaker = state.breaker(account.id, setup.settings);
      if (!breaker.tryAcquire()) {
        answers.set(request.key, { ok: false, miss: "BREAKER_OPEN" });
        continue;
      }
      const key = request.key;
      call = account.provider.getRates(request.shipment, { timeoutMs: remaining }).then(
        (rates) => {
          breaker.success();
          state.cache.set(key, rates, setup.settings.cacheTtlMs);
          return rates;
        },
        (error: unknown) => {
          const failure = asProviderError(error);
          // A refused request (e.g. an address the carrier cannot find) proves the API is up.
          if (failure.isOutage) breaker.failure();
          else breaker.success();
          throw failure;
        },
      );
      const shared = call;
      state.inFlight.set(key, shared);
      void shared
        .catch(() => undefined)
        .finally(() => {
          if (state.inFlight.get(key) === shared) state.inFlight.delete(key);
        });
    }
    calls.push(
      call.then(
        (rates) => void answers.set(request.key, { ok: true, rates }),
        (error: unknown) => {
          const failure = asProviderError(error);
          answers.set(request.key, {
            ok: false,
            miss: failure.kind === "TIMEOUT" ? "TIMEOUT" : "ERROR",
            error: failure,
          });
        },
      ),
    );
  }
  if (calls.length > 0) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, deadlineMs - elapsedMs()));
    });
    await Promise.race([Promise.all(calls), deadline]);
    clearTimeout(timer);
  }
  // What was ready at the deadline; later answers only fill the cache.
  return new Map(answers);
}
