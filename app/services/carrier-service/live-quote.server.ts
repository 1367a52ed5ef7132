import { quote, type CompiledShopConfig, type QuoteOptions } from "../../engine";
import type { QuoteInput, QuoteResult } from "../../engine/types";
import { fetchLiveAnswers, LiveRateState } from "../carrier-accounts/live-rates/live-answers";
import { applyLivePrices, planLiveRequests } from "../carrier-accounts/live-rates/overlay";
import type { LiveRateSetup, PricedTierQuote } from "../carrier-accounts/live-rates/types";

/** This process's breakers, answer cache and calls in flight (tests pass their own, with a fake clock). */
export const liveRateState = new LiveRateState();

export interface LiveQuote {
  /** The engine's result with mapped shipments re-priced; tiers, dates and order are the engine's. */
  result: QuoteResult & { quotes: PricedTierQuote[] };
  /** How long the engine took (the callback's own engine budget applies to it alone). */
  engineMs: number;
}

/**
 * Quotes with the engine at once, then asks the shop's connected accounts for the mapped shipments and keeps what
 * they returned by the live-rate budget (counted from `startedAtMs` on the `performance.now()` clock): a slow,
 * failing or broken account only means its shipments keep their rate-card price. Never throws for a provider;
 * an engine error propagates as before.
 */
export async function quoteWithLiveRates(
  compiled: CompiledShopConfig,
  setup: LiveRateSetup,
  input: QuoteInput,
  startedAtMs: number,
  state: LiveRateState = liveRateState,
  /** The engine call's options: the checkout callback's leave out reasons and non-error issues. */
  options: QuoteOptions = {},
): Promise<LiveQuote> {
  const engineStarted = performance.now();
  const result = quote(compiled, input, options);
  const engineMs = performance.now() - engineStarted;
  const requests = planLiveRequests(result, compiled.config, setup, input.destination);
  const answers =
    requests.size === 0
      ? new Map()
      : await fetchLiveAnswers(requests.values(), setup, state, startedAtMs + setup.settings.budgetMs, () =>
          performance.now(),
        );
  const quotes = applyLivePrices(result, compiled.config, setup, input.destination, answers);
  return { result: { ...result, quotes }, engineMs };
}
