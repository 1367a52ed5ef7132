import type { PrismaClient } from "@prisma/client";
import { CarrierServiceRequest, type CarrierServiceResponse } from "../../contracts/carrier-service";
import { zodIssuesText } from "../../contracts/zod-issues";
import {
  activeConfig,
  compileShopConfig,
  quote,
  type CompiledShopConfig,
  type QuoteOptions,
} from "../../engine";
import type { ShopConfig } from "../../engine/types";
import { identifyCallbackCaller } from "./auth.server";
import { CompiledCarrierServiceRequest } from "./request-schema";
import { fallbackRates, toQuoteInput, toShopifyRates } from "./rate-mapping";
import { loadLaneStats } from "../tracking/lanes.server";
import { readBodyWithLimit } from "../http/request-body.server";
import { loadStockOverlay, loadStockSyncTimes, withSyncedStock } from "../warehouses/stock-store.server";
import { ShopRuntimeCache, type ShopRuntime } from "../shop/runtime-cache.server";
import { loadLiveRateSetup } from "../carrier-accounts/live-rates/setup.server";
import type { LiveRateState } from "../carrier-accounts/live-rates/live-answers";
import type { LiveRateSetup } from "../carrier-accounts/live-rates/types";
import { quoteWithLiveRates } from "./live-quote.server";

/** Shopify allows 10 s at low volume and 3 s above 3,000 requests/min; answer well inside the tightest. */
export const CALLBACK_TIME_BUDGET_MS = 2500;

/** Countries the callback rates; Shopify sends US territories under their own country codes. */
const SERVED_COUNTRIES = new Set(["US", "PR", "VI", "GU", "AS", "MP"]);

export interface CarrierCallbackDeps {
  db: PrismaClient;
  cache: ShopRuntimeCache<CompiledShopConfig | null>;
  appSecret: string;
  now: () => Date;
  timeBudgetMs?: number;
  /** The engine call; replaceable so tests can make it fail or stall. */
  rate?: (
    runtime: ShopRuntime<CompiledShopConfig | null>,
    request: CarrierServiceRequest,
    now: Date,
  ) => CarrierServiceResponse;
  /** Breakers, cache and calls in flight of live rates; the process's own when absent (docs/carriers.md). */
  liveRateState?: LiveRateState;
}

/**
 * The callback's compile step. A shop with no active warehouse is installed but not set up yet (a fresh install
 * before onboarding, or every warehouse switched off): there is nothing to compile, and it quotes no rates (200,
 * empty list: "cannot serve", docs/carrier-service.md) instead of the engine's refusal becoming a 503.
 */
export function compileForCallback(config: ShopConfig): CompiledShopConfig | null {
  return activeConfig(config).warehouses.length > 0 ? compileShopConfig(config) : null;
}

/** A runtime the engine can quote with (the shop has at least one active warehouse). */
export function isQuotable(
  runtime: ShopRuntime<CompiledShopConfig | null>,
): runtime is ShopRuntime<CompiledShopConfig> {
  return runtime.compiled !== null;
}

/**
 * How the callback asks the engine: only prices, dates and errors reach Shopify, so the engine skips rating
 * allocations that cannot be carried and writes no reasons (docs/performance.md). The same quotes as a full quote.
 */
const CALLBACK_QUOTE: QuoteOptions = { issues: "errors", reasons: false };

/** The production engine call: compiled config + Shopify request → Shopify rates (none for a shop not set up). */
export function rateWithEngine(
  runtime: ShopRuntime<CompiledShopConfig | null>,
  request: CarrierServiceRequest,
  now: Date,
) {
  if (!isQuotable(runtime)) return { rates: [] };
  const result = quote(runtime.compiled, engineInput(runtime, request, now), CALLBACK_QUOTE);
  return { rates: toShopifyRates(result, runtime.compiled, request, now) };
}

/**
 * The engine's input for a checkout request: the cart and address, the shop's learned lanes, and its backorder
 * days. Shopify calls the callback only for a cart it lets the buyer order, so a cart our stock cannot cover
 * (oversold with inventoryPolicy CONTINUE, or stock not yet synced) is quoted as a backorder, never left rateless.
 */
export function engineInput(
  runtime: ShopRuntime<CompiledShopConfig | null>,
  request: CarrierServiceRequest,
  now: Date,
) {
  const input = toQuoteInput(request, now);
  input.backorder = { days: runtime.backorderDays };
  if (runtime.laneStats.length > 0) input.laneStats = runtime.laneStats;
  return input;
}

/** A per-process cache of compiled shop configurations for the callback. */
export function createCallbackCache(db: PrismaClient) {
  return new ShopRuntimeCache<CompiledShopConfig | null>(db, {
    compile: compileForCallback,
    loadLaneStats: (shop) => loadLaneStats(db, shop),
    prepareConfig: async (shop, config) =>
      withSyncedStock(config, await loadStockOverlay(db, shop), await loadStockSyncTimes(db, shop)),
    loadLiveRates: (shop) => loadLiveRateSetup(db, shop),
  });
}

/** A callback request, whatever server received it. `rawBody` is null when it exceeded the size limit. */
export interface CallbackRequest {
  method: string;
  header(name: string): string | null;
  rawBody: Buffer | null;
}

/** The answer, for the receiving server to write. */
export interface CallbackAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

const JSON_HEADERS = { "Content-Type": "application/json" };
const json = (body: unknown, status = 200): CallbackAnswer => ({
  status,
  headers: JSON_HEADERS,
  body: JSON.stringify(body),
});
const UNAUTHORIZED: CallbackAnswer = { status: 401, headers: {}, body: null };
const SHOPIFY_BACKUP: CallbackAnswer = { status: 503, headers: { "Retry-After": "0" }, body: null };

const TOO_LARGE: CallbackAnswer = {
  status: 413,
  headers: JSON_HEADERS,
  body: '{"error":"Request body over 1 MB"}',
};

type Runtime = ShopRuntime<CompiledShopConfig | null>;
/** Who is calling: the shop's runtime (null when unknown), or the answer that ends the request here. */
type Caller = Runtime | null | CallbackAnswer;
const isAnswer = (caller: Caller): caller is CallbackAnswer => caller !== null && "status" in caller;

/**
 * Answers Shopify's CarrierService callback (docs/carrier-service.md). Bad input gets a 4xx with a reason; a
 * request we cannot serve gets `{"rates":[]}`; any internal failure or a blown time budget gets the shop's
 * fallback rates (or a 503 when the shop prefers Shopify's backup rates) and is recorded — never a 500.
 *
 * A shop this process holds is answered synchronously (the checkout's hot path: no promise, no microtask); a
 * cache miss, or live rates, return a promise of the answer.
 */
export function answerCarrierRequest(
  request: CallbackRequest,
  pathToken: string | null,
  deps: CarrierCallbackDeps,
): CallbackAnswer | Promise<CallbackAnswer> {
  if (request.method !== "POST") return { status: 405, headers: { Allow: "POST" }, body: "Use POST" };
  const receivedAtMs = performance.now();
  const caller = identifiedCaller(request, pathToken, deps);
  return caller instanceof Promise
    ? caller.then((known) => answerCaller(known, request, deps, receivedAtMs))
    : answerCaller(caller, request, deps, receivedAtMs);
}

/**
 * The caller's shop runtime, checked: from this process's cache when it holds the shop, else (a promise) from the
 * database. A path token is checked first, so an unknown caller learns nothing (not even the size limit).
 */
function identifiedCaller(
  request: CallbackRequest,
  pathToken: string | null,
  deps: CarrierCallbackDeps,
): Caller | Promise<Caller> {
  try {
    if (!pathToken) return callerOfToken(request, null, null, deps);
    const tokenRuntime = deps.cache.cachedByToken(pathToken);
    if (tokenRuntime) return callerOfToken(request, pathToken, tokenRuntime, deps);
    return deps.cache
      .byToken(pathToken)
      .then((loaded) => (loaded ? callerOfToken(request, pathToken, loaded, deps) : UNAUTHORIZED))
      .catch(configurationUnavailable);
  } catch (error) {
    return configurationUnavailable(error);
  }
}

function callerOfToken(
  request: CallbackRequest,
  pathToken: string | null,
  tokenRuntime: Runtime | null,
  deps: CarrierCallbackDeps,
): Caller | Promise<Caller> {
  // The server discards the unread rest of an oversized body (app/server/drain-unread-body.ts).
  if (!request.rawBody) return TOO_LARGE;
  const identity = identifyCallbackCaller(
    {
      rawBody: request.rawBody,
      hmacHeader: request.header("x-shopify-hmac-sha256"),
      shopHeader: request.header("x-shopify-shop-domain"),
      pathToken,
    },
    deps.appSecret,
    () => tokenRuntime?.shop,
  );
  if (!identity.ok) return UNAUTHORIZED;
  if (tokenRuntime?.shop === identity.shop) return tokenRuntime;
  return deps.cache.cached(identity.shop) ?? deps.cache.byShop(identity.shop).catch(configurationUnavailable);
}

/**
 * The shop's configuration could not be loaded or compiled: there are no fallback rates to give, so let Shopify
 * show its backup rates (the cache keeps serving a shop's last good configuration when a reload fails).
 */
function configurationUnavailable(error: unknown): CallbackAnswer {
  console.error(
    "[carrier-callback] configuration unavailable:",
    error instanceof Error ? error.message : error,
  );
  return SHOPIFY_BACKUP;
}

function answerCaller(
  caller: Caller,
  request: CallbackRequest,
  deps: CarrierCallbackDeps,
  receivedAtMs: number,
): CallbackAnswer | Promise<CallbackAnswer> {
  if (isAnswer(caller)) return caller;
  // Unknown or uninstalled: refused. Installed but not set up yet: served below, with no rates.
  const runtime = caller;
  if (!runtime || !runtime.installed) return UNAUTHORIZED;
  const rawBody = request.rawBody!;

  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(rawBody.toString("utf8"));
  } catch (error) {
    return json({ error: `Malformed JSON: ${(error as Error).message}` }, 400);
  }
  const parsed = CompiledCarrierServiceRequest.safeParse(parsedJson);
  if (!parsed.success) {
    const reason = zodIssuesText(parsed.error, { root: "body" });
    return json({ error: `Not a CarrierService rate request: ${reason}` }, 400);
  }
  const rateRequest = parsed.data;
  if (!SERVED_COUNTRIES.has((rateRequest.rate.destination.country ?? "").toUpperCase()))
    return json({ rates: [] });
  if (!isQuotable(runtime)) return json({ rates: [] });

  if (!deps.rate && runtime.liveRates)
    return answerWithLiveRates(deps, runtime, runtime.liveRates, rateRequest, receivedAtMs);
  const started = performance.now();
  try {
    const rates = (deps.rate ?? rateWithEngine)(runtime, rateRequest, deps.now());
    const elapsed = performance.now() - started;
    if (elapsed > (deps.timeBudgetMs ?? CALLBACK_TIME_BUDGET_MS)) {
      return failSafe(deps, runtime, rateRequest, "TIME_BUDGET", `engine took ${Math.round(elapsed)} ms`);
    }
    return json(rates);
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : "unknown";
    return failSafe(deps, runtime, rateRequest, "ENGINE_ERROR", detail);
  }
}

/**
 * A shop with services priced by a connected account: the engine's quote, re-priced with the live answers that
 * arrived within the shop's live-rate budget (counted from the request's arrival). The engine's own budget and
 * failure handling are unchanged; a provider never makes the answer fail.
 */
async function answerWithLiveRates(
  deps: CarrierCallbackDeps,
  runtime: ShopRuntime<CompiledShopConfig>,
  setup: LiveRateSetup,
  request: CarrierServiceRequest,
  receivedAtMs: number,
): Promise<CallbackAnswer> {
  const now = deps.now();
  try {
    const input = engineInput(runtime, request, now);
    const { result, engineMs } = await quoteWithLiveRates(
      runtime.compiled,
      setup,
      input,
      receivedAtMs,
      deps.liveRateState,
      CALLBACK_QUOTE,
    );
    if (engineMs > (deps.timeBudgetMs ?? CALLBACK_TIME_BUDGET_MS))
      return failSafe(deps, runtime, request, "TIME_BUDGET", `engine took ${Math.round(engineMs)} ms`);
    return json({ rates: toShopifyRates(result, runtime.compiled, request, now) });
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : "unknown";
    return failSafe(deps, runtime, request, "ENGINE_ERROR", detail);
  }
}

/** The callback for a Fetch API `Request` (Remix routes, tests). */
export async function answerCarrierCallback(
  request: Request,
  pathToken: string | null,
  deps: CarrierCallbackDeps,
): Promise<Response> {
  const body = await readBodyWithLimit(request);
  const answer = await answerCarrierRequest(
    {
      method: request.method,
      header: (name) => request.headers.get(name),
      rawBody: body.ok ? body.raw : null,
    },
    pathToken,
    deps,
  );
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

function failSafe(
  deps: CarrierCallbackDeps,
  runtime: ShopRuntime<CompiledShopConfig>,
  request: CarrierServiceRequest,
  reason: "ENGINE_ERROR" | "TIME_BUDGET",
  detail: string,
): CallbackAnswer {
  const backup = runtime.onCallbackFailure === "SHOPIFY_BACKUP_RATES";
  const answeredBy = backup ? "SHOPIFY_BACKUP_RATES" : "FALLBACK_RATES";
  // Recorded without waiting: the buyer's checkout must not wait on the failure log.
  void deps.db.callbackFailure
    .create({ data: { shop: runtime.shop, reason, detail: detail.slice(0, 500), answeredBy } })
    .catch((error: unknown) =>
      console.error(`[carrier-callback] could not record a failure for ${runtime.shop}:`, error),
    );
  console.warn(`[carrier-callback] ${runtime.shop}: ${reason} (${detail}); answered with ${answeredBy}`);
  if (backup) return SHOPIFY_BACKUP;
  return json({ rates: fallbackRates(runtime.compiled, request, deps.now()) });
}
