// Profiles the checkout callback's engine call on the varied mix's steady state (docs/performance.md):
//
//   npx tsx bench/engine-mix-profile.ts out.cpuprofile [count]     # count new destinations, 3,000 by default
//   npx tsx bench/profile-summary.ts out.cpuprofile --stages <µs CPU printed>
//
// A first pass quotes the mix's 3,000 checkouts (empty caches); then `count` further checkouts of the same mix
// whose destinations were never seen are quoted under the profiler (what bench/index.ts calls "new destinations"),
// then the same again without it ("warm"). CPU time per quote is printed for both (the profiler's own cost included
// in the first).
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { demoShopConfig } from "../app/demo/demo-shop-config";
import { CarrierServiceRequest } from "../app/contracts/carrier-service";
import { compileShopConfig, quote } from "../app/engine";
import type { QuoteInput } from "../app/engine/types";
import { toQuoteInput } from "../app/services/carrier-service/rate-mapping";
import { variedMix } from "./lib/varied-mix";

const [out, countArg] = process.argv.slice(2);
if (!out) throw new Error("usage: tsx bench/engine-mix-profile.ts <out.cpuprofile> [count]");
const now = new Date("2026-11-24T15:00:00Z");
const mix: QuoteInput[] = variedMix(3000 + Number(countArg ?? 3000)).map((entry) =>
  toQuoteInput(CarrierServiceRequest.parse(entry.body), now),
);
const compiled = compileShopConfig(demoShopConfig);

function cpuPerQuote(inputs: QuoteInput[]): number {
  const start = process.cpuUsage();
  for (const input of inputs) quote(compiled, input, { issues: "errors", reasons: false });
  const used = process.cpuUsage(start);
  return (used.user + used.system) / inputs.length;
}

async function main() {
  cpuPerQuote(mix.slice(0, 3000));
  const fresh = mix.slice(3000);
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  const steady = cpuPerQuote(fresh);
  const { profile } = await session.post("Profiler.stop");
  writeFileSync(out, JSON.stringify(profile));
  const warm = cpuPerQuote(fresh);
  console.log(
    `new destinations: ${steady.toFixed(1)} µs CPU per quote (profiled); again: ${warm.toFixed(1)} µs`,
  );
}

void main();
