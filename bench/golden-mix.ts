// Golden record of the engine's answers on the bench's varied mix: every quote() result (quotes, issues, reasons)
// and the Shopify rates the callback maps it to, for the 3,000-checkout mix at three moments, as a backorder, and
// with every cart distinct. Prints one SHA-256; an optimisation must leave it unchanged.
//
//   npx tsx bench/golden-mix.ts            # prints the digest
//   npx tsx bench/golden-mix.ts out.jsonl  # also writes every answer, one per line (to diff two trees)
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { demoShopConfig } from "../app/demo/demo-shop-config";
import { compileShopConfig, quote } from "../app/engine";
import type { QuoteInput } from "../app/engine/types";
import { CarrierServiceRequest } from "../app/contracts/carrier-service";
import { toQuoteInput, toShopifyRates } from "../app/services/carrier-service/rate-mapping";
import { variedMix } from "./lib/varied-mix";

const NOWS = ["2026-11-24T15:00:00Z", "2026-11-27T23:30:00Z", "2026-12-31T04:10:00Z"].map((s) => new Date(s));

export function goldenLines(): string[] {
  const compiled = compileShopConfig(demoShopConfig);
  const out: string[] = [];
  const run = (label: string, body: unknown, input: QuoteInput) => {
    const request = CarrierServiceRequest.parse(body);
    const result = quote(compiled, input);
    out.push(JSON.stringify({ label, result, rates: toShopifyRates(result, compiled, request, input.now) }));
  };
  const mix = variedMix();
  for (const now of NOWS) {
    mix.forEach((entry, i) => {
      run(
        `${now.toISOString()}#${i}`,
        entry.body,
        toQuoteInput(CarrierServiceRequest.parse(entry.body), now),
      );
    });
  }
  mix.forEach((entry, i) => {
    const input = toQuoteInput(CarrierServiceRequest.parse(entry.body), NOWS[0]);
    run(`backorder#${i}`, entry.body, { ...input, backorder: { days: 3 } });
  });
  variedMix(3000, 7, 3000).forEach((entry, i) => {
    run(`distinct#${i}`, entry.body, toQuoteInput(CarrierServiceRequest.parse(entry.body), NOWS[1]));
  });
  return out;
}

const lines = goldenLines();
const digest = createHash("sha256").update(lines.join("\n")).digest("hex");
if (process.argv[2]) writeFileSync(process.argv[2], lines.join("\n") + "\n");
console.log(`${lines.length} answers, sha256 ${digest}`);
