// The varied mix quoted on one warm compiled config, for the three quote-caches suites (each compares a part of the
// warm answers with a cold engine's, so the parts run side by side).
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { CarrierServiceRequest } from "../../app/contracts/carrier-service";
import { compileShopConfig, quote } from "../../app/engine";
import type { CompiledShopConfig } from "../../app/engine/config/types";
import { PackingCache } from "../../app/engine/packing";
import type { QuoteInput, QuoteResult } from "../../app/engine/types";
import { toQuoteInput } from "../../app/services/carrier-service/rate-mapping";
import { variedMix } from "../../bench/lib/varied-mix";

/**
 * A copy of the config with an empty packing cache and a new identity (so no cart plan is shared either). Zones are
 * computed per quote (quote-caches.test.ts checks that they do not depend on earlier traffic).
 */
export function cold(compiled: CompiledShopConfig): CompiledShopConfig {
  return { ...compiled, packing: new PackingCache(compiled.cartons) };
}

export const MOMENTS = [new Date("2026-11-24T15:00:00Z"), new Date("2026-11-27T23:30:00Z")];

export interface WarmMix {
  compiled: CompiledShopConfig;
  mix: ReturnType<typeof variedMix>;
  /** Per moment, the mix's first 900 checkouts. */
  inputs: QuoteInput[][];
  /** Per moment, the warm config's answers: first pass (both moments in turn), then again (every cache hit). */
  first: QuoteResult[][];
  again: QuoteResult[][];
}

/** 1,800 checkouts (900 at each moment) quoted twice, in that order, on one shared warm config. */
export function warmMix(): WarmMix {
  const compiled = compileShopConfig(demoShopConfig);
  const mix = variedMix(3000).slice(0, 900);
  const inputs = MOMENTS.map((now) =>
    mix.map((entry) => toQuoteInput(CarrierServiceRequest.parse(entry.body), now)),
  );
  const first = inputs.map((atMoment) => atMoment.map((input) => quote(compiled, input)));
  const again = inputs.map((atMoment) => atMoment.map((input) => quote(compiled, input)));
  return { compiled, mix, inputs, first, again };
}
