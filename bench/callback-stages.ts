// Where the callback's in-process time goes on the varied mix, per stage (docs/performance.md): the HMAC check,
// JSON.parse, zod validation (the compiled schema the callback uses; the runtime parser printed for scale), the
// engine input, the engine's call, engine result → Shopify rates and its JSON, then answerCarrierRequest with the
// engine's result looked up (the stages plus the glue between them: cache look-up, headers, promises, time
// budget) and answerCarrierRequest whole.
// Each stage runs over the 3,000 requests in a loop of its own and is timed in CPU time (process.cpuUsage, so
// time the process spends descheduled on this shared machine does not count); the stages take turns, and the
// median of the rounds is printed.
//
//   npx tsx bench/callback-stages.ts [rounds]
import { createHmac } from "node:crypto";
import { demoShopConfig, DEMO_SHOP_DOMAIN } from "../app/demo/demo-shop-config";
import { CarrierServiceRequest } from "../app/contracts/carrier-service";
import { quote } from "../app/engine";
import type { QuoteResult } from "../app/engine/types";
import { isValidShopifyHmac } from "../app/services/carrier-service/auth.server";
import {
  answerCarrierRequest,
  compileForCallback,
  engineInput,
  type CarrierCallbackDeps,
} from "../app/services/carrier-service/callback.server";
import { toShopifyRates } from "../app/services/carrier-service/rate-mapping";
import { CompiledCarrierServiceRequest } from "../app/services/carrier-service/request-schema";
import type { ShopRuntime } from "../app/services/shop/runtime-cache.server";
import { variedMix } from "./lib/varied-mix";

const ROUNDS = Number(process.argv[2] ?? 15);
const SECRET = "bench-secret";
const now = new Date("2026-11-24T15:00:00Z");
const compiled = compileForCallback(demoShopConfig)!;
const runtime: ShopRuntime<typeof compiled> = {
  shop: DEMO_SHOP_DOMAIN,
  callbackToken: "bench",
  configVersion: 1,
  stockVersion: 1,
  backorderDays: 7,
  installed: true,
  config: demoShopConfig,
  compiled,
  onCallbackFailure: "FALLBACK_RATES",
  laneStats: [],
  liveRates: null,
};
// A warm cache holding the demo shop, as the server's is after the first request.
const cache = {
  cached: () => runtime,
  byShop: async () => runtime,
  cachedByToken: () => undefined,
  byToken: async () => null,
} as unknown as CarrierCallbackDeps["cache"];
const deps: CarrierCallbackDeps = { db: undefined as never, cache, appSecret: SECRET, now: () => now };

const bodies = variedMix().map((entry) => Buffer.from(JSON.stringify(entry.body)));
const signatures = bodies.map((raw) => createHmac("sha256", SECRET).update(raw).digest("base64"));
const requests = bodies.map((rawBody, i) => {
  const headers: Record<string, string> = {
    "x-shopify-hmac-sha256": signatures[i],
    "x-shopify-shop-domain": DEMO_SHOP_DOMAIN,
  };
  return { method: "POST", header: (name: string) => headers[name] ?? null, rawBody };
});
const jsons: unknown[] = bodies.map((raw) => JSON.parse(raw.toString("utf8")));
const parsed = jsons.map((json) => CarrierServiceRequest.parse(json));
const inputs = parsed.map((request) => engineInput(runtime, request, now));
const results: QuoteResult[] = inputs.map((input) =>
  quote(compiled, input, { issues: "errors", reasons: false }),
);

const STAGES: [string, () => unknown][] = [
  ["HMAC check", () => bodies.forEach((raw, i) => isValidShopifyHmac(raw, signatures[i], SECRET))],
  ["JSON.parse", () => bodies.forEach((raw) => JSON.parse(raw.toString("utf8")))],
  ["zod (compiled)", () => jsons.forEach((json) => CompiledCarrierServiceRequest.safeParse(json))], // as the callback does
  ["zod, runtime parser (for scale)", () => jsons.forEach((json) => CarrierServiceRequest.safeParse(json))],
  ["engineInput", () => parsed.forEach((request) => engineInput(runtime, request, now))],
  ["quote()", () => inputs.forEach((input) => quote(compiled, input, { issues: "errors", reasons: false }))], // as the callback calls it
  // Together: stringifying answers built once measures flattened strings; fresh descriptions are concatenations.
  [
    "rates + stringify",
    () =>
      parsed.forEach((request, i) =>
        JSON.stringify({ rates: toShopifyRates(results[i], compiled, request, now) }),
      ),
  ],
];

// The same callback with the engine's call replaced by a look-up of its result: what happens outside the engine.
const resultByZip = new Map(parsed.map((request, i) => [request.rate.destination.postal_code, results[i]]));
const engineLookedUp: CarrierCallbackDeps = {
  ...deps,
  rate: (shopRuntime, request, at) => {
    engineInput(shopRuntime, request, at);
    const result = resultByZip.get(request.rate.destination.postal_code)!;
    return { rates: toShopifyRates(result, compiled, request, at) };
  },
};

async function wholeCallback(withDeps: CarrierCallbackDeps) {
  for (const request of requests) {
    const answer = await answerCarrierRequest(request, null, withDeps);
    if (answer.status !== 200) throw new Error(`answered ${answer.status}: ${answer.body}`);
  }
}

const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const runs: [string, () => unknown][] = [
    ...STAGES,
    ["outside", () => wholeCallback(engineLookedUp)],
    ["all", () => wholeCallback(deps)],
  ];
  const times = new Map<string, number[]>(runs.map(([name]) => [name, []]));
  for (let round = -2; round < ROUNDS; round++) {
    for (const [name, run] of runs) {
      const start = cpuMicros();
      await run();
      if (round >= 0) times.get(name)!.push((cpuMicros() - start) / bodies.length);
    }
  }
  const print = (name: string, us: number, note = "") =>
    console.log(`${name.padEnd(32)} ${us.toFixed(1).padStart(7)} µs${note}`);
  let stagesOutside = 0;
  for (const [name] of STAGES) {
    const us = median(times.get(name)!);
    const forScale = name === "quote()" || name.endsWith("(for scale)");
    if (!forScale) stagesOutside += us;
    print(name, us, name === "quote()" ? "  (alone, in a loop of its own)" : "");
  }
  const outside = median(times.get("outside")!);
  print("glue", outside - stagesOutside, "  (outside the engine, minus the stages above)");
  print("outside the engine", outside, "  (answerCarrierRequest with the engine's result looked up)");
  print("answerCarrierRequest", median(times.get("all")!), `  (all of it; median of ${ROUNDS} rounds)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
