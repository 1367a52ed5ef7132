// Where the callback's in-process time goes on the varied mix, per stage (docs/performance.md): HMAC, JSON.parse,
// zod validation, request → engine input, engine quote(), engine result → Shopify rates, JSON.stringify. Each
// stage is timed with performance.now() over the 3,000 requests; passes 1–2 warm up, the best of passes 3–5
// is printed (the machine is shared: the best pass is the least disturbed one).
//
//   npx tsx bench/callback-stages.ts
import { createHmac } from "node:crypto";
import { demoShopConfig } from "../app/demo/demo-shop-config";
import { CarrierServiceRequest } from "../app/contracts/carrier-service";
import { compileShopConfig, quote } from "../app/engine";
import type { QuoteInput, QuoteResult } from "../app/engine/types";
import { toQuoteInput, toShopifyRates } from "../app/services/carrier-service/rate-mapping";
import { variedMix } from "./lib/varied-mix";

const SECRET = "bench-secret";
const compiled = compileShopConfig(demoShopConfig);
const now = new Date("2026-11-24T15:00:00Z");
const bodies = variedMix().map((entry) => Buffer.from(JSON.stringify(entry.body)));
const STAGES = ["HMAC", "JSON.parse", "zod", "toQuoteInput", "quote()", "toShopifyRates", "JSON.stringify"];

function pass(): number[] {
  const totals = STAGES.map(() => 0);
  for (const raw of bodies) {
    let t = performance.now();
    const lap = (i: number) => {
      const n = performance.now();
      totals[i] += n - t;
      t = n;
    };
    createHmac("sha256", SECRET).update(raw).digest("base64");
    lap(0);
    const json: unknown = JSON.parse(raw.toString("utf8"));
    lap(1);
    const request = CarrierServiceRequest.parse(json);
    lap(2);
    const input: QuoteInput = toQuoteInput(request, now);
    lap(3);
    const result: QuoteResult = quote(compiled, input, { issues: "errors" }); // as the callback calls it
    lap(4);
    const rates = toShopifyRates(result, compiled, request, now);
    lap(5);
    JSON.stringify({ rates });
    lap(6);
  }
  return totals.map((ms) => (ms * 1000) / bodies.length);
}

pass();
pass();
const passes = [pass(), pass(), pass()];
const best = passes.reduce((a, b) => (b.reduce((x, y) => x + y) < a.reduce((x, y) => x + y) ? b : a));
for (const [i, stage] of STAGES.entries())
  console.log(`${stage.padEnd(16)} ${best[i].toFixed(1).padStart(7)} µs`);
console.log(
  `${"total".padEnd(16)} ${best
    .reduce((x, y) => x + y)
    .toFixed(1)
    .padStart(7)} µs`,
);
