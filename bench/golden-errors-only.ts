// The checkout callback's call, quote(…, { issues: "errors" }), against the full quote() on the inputs of
// bench/golden-mix.ts (15,000: the mix at three moments, as backorders, and 3,000 distinct carts): the quotes and the
// error issues must be identical. Each mode has its own compiled config, so no cache is shared between them.
//
//   npx tsx bench/golden-errors-only.ts   # prints the number of differences (0 expected); exits 1 otherwise
import { isDeepStrictEqual } from "node:util";
import { demoShopConfig } from "../app/demo/demo-shop-config";
import { CarrierServiceRequest } from "../app/contracts/carrier-service";
import { compileShopConfig, quote } from "../app/engine";
import type { QuoteInput } from "../app/engine/types";
import { toQuoteInput } from "../app/services/carrier-service/rate-mapping";
import { variedMix } from "./lib/varied-mix";

const NOWS = ["2026-11-24T15:00:00Z", "2026-11-27T23:30:00Z", "2026-12-31T04:10:00Z"].map((s) => new Date(s));
const parsed = (body: unknown, now: Date) => toQuoteInput(CarrierServiceRequest.parse(body), now);

const inputs: QuoteInput[] = [];
const mix = variedMix();
for (const now of NOWS) for (const entry of mix) inputs.push(parsed(entry.body, now));
for (const entry of mix) inputs.push({ ...parsed(entry.body, NOWS[0]), backorder: { days: 3 } });
for (const entry of variedMix(3000, 7, 3000)) inputs.push(parsed(entry.body, NOWS[1]));

const full = compileShopConfig(demoShopConfig);
const errorsOnly = compileShopConfig(demoShopConfig);
let differences = 0;
inputs.forEach((input, i) => {
  const expected = quote(full, input);
  const actual = quote(errorsOnly, input, { issues: "errors" });
  const errors = expected.issues.filter((issue) => issue.level === "error");
  if (!isDeepStrictEqual(expected.quotes, actual.quotes) || !isDeepStrictEqual(errors, actual.issues)) {
    differences += 1;
    if (differences <= 3) console.log(`input ${i} differs`);
  }
});
console.log(
  `${inputs.length} inputs, ${differences} differences between the full quote and the errors-only call`,
);
if (differences > 0) process.exitCode = 1;
