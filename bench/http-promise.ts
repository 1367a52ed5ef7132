// `npx tsx bench/http-promise.ts` (docs/performance.md, "Storefront promise"): the product page's promise
// (GET /proxy/promise behind the app proxy) over real HTTP at a fixed 200 req/s on a varied mix (the demo
// catalogue's variants × 3,000 ZIPs × quantities 1–3), beside the CarrierService callback at the same rate on its
// own varied mix, in one run against one app server. Each request is signed when autocannon sends it (the proxy
// refuses a timestamp older than 90 s). Goal: p99 ≤ 20 ms.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { createPrismaClient } from "../app/db.server";
import { DEMO_VARIANTS } from "../app/demo/demo-shop-config";
import { sampleDirectory } from "../app/demo/sample-pickup-directory";
import { seedDemoShop } from "../app/demo/seed.server";
import { savePickupPoints } from "../app/services/pickup/directory-import.server";
import { freshSqliteDatabase } from "../scripts/lib/app-server";
import { signedProxyQuery } from "../scripts/lib/app-proxy";
import { signedCallbackRequest, startBenchApp } from "./lib/bench-app";
import { seededRandom, variedMix } from "./lib/varied-mix";

const SECRET = "bench-secret";
const SHOP = "tailroute-demo.myshopify.com";
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);

interface Run {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}

const run = (options: Record<string, unknown>) =>
  new Promise<Run>((resolve, reject) =>
    autocannon({ duration: DURATION_S, ...options }, (error: unknown, result: Run) =>
      error ? reject(error) : resolve(result),
    ),
  );

const line = (label: string, r: Run) =>
  `${label.padEnd(36)} ${Math.round(r.requests.average).toString().padStart(4)} req/s   p50 ${String(r.latency.p50).padStart(3)} ms   p90 ${String(r.latency.p90).padStart(3)} ms   p99 ${String(r.latency.p99).padStart(3)} ms   max ${String(r.latency.max).padStart(4)} ms   non-2xx ${r.non2xx}   errors ${r.errors}`;

/** The product-page mix: variants × distinct ZIPs × quantities, as the block asks (price and grams included). */
function promiseMix(count = 3000): Record<string, string>[] {
  const random = seededRandom(20261206);
  const variants = [
    [DEMO_VARIANTS.mug, 1800, 397],
    [DEMO_VARIANTS.tee, 2000, 170],
    [DEMO_VARIANTS.hoodie, 4500, 680],
    [DEMO_VARIANTS.lamp, 12000, 0],
    [DEMO_VARIANTS.watch, 45000, 227],
    [DEMO_VARIANTS.coldBrewKit, 6500, 0],
    [DEMO_VARIANTS.sofa, 149900, 0],
    [DEMO_VARIANTS.mattress, 89900, 0],
    [DEMO_VARIANTS.rug, 12900, 0],
  ] as const;
  return variedMix(count).map((entry) => {
    const zip = String((entry.body.rate.destination as { postal_code: string }).postal_code).slice(0, 5);
    const [variant_id, price, grams] = variants[Math.floor(random() * variants.length)];
    return {
      variant_id,
      quantity: String(1 + Math.floor(random() * 3)),
      zip,
      price: String(price),
      grams: String(grams),
    };
  });
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "tailroute-bench-promise-"));
  const url = freshSqliteDatabase(join(dir, "bench.sqlite"));
  const db = createPrismaClient(url);
  await seedDemoShop(db);
  await savePickupPoints(db, SHOP, sampleDirectory(), { source: "SAMPLE", isSample: true, mode: "replace" });
  await db.$disconnect();
  const app = await startBenchApp(url, SECRET);
  try {
    // The promise mix, keeping the requests the app answers 200 (a ZIP the ZIP table lacks is a 400 by design).
    const proxyUrl = (buyer: Record<string, string>) =>
      `/proxy/promise?${new URLSearchParams(signedProxyQuery(buyer, { shop: SHOP, secret: SECRET }))}`;
    const mix: Record<string, string>[] = [];
    let refused: string | undefined;
    for (const buyer of promiseMix()) {
      const response = await fetch(`${app.url}${proxyUrl(buyer)}`);
      const text = await response.text();
      if (response.ok) mix.push(buyer);
      else refused ??= `${response.status} ${text}`;
    }
    if (refused) console.log(`(left out of the mix: requests answered ${refused.slice(0, 120)})`);
    if (mix.length === 0) throw new Error("the app answered no promise request with a 200");
    let nextPromise = 0;
    const promiseRequests = {
      requests: [
        {
          setupRequest: (r: Record<string, unknown>) => ({
            ...r,
            method: "GET",
            path: proxyUrl(mix[nextPromise++ % mix.length]),
          }),
        },
      ],
    };
    const checkouts = variedMix().map((entry) => signedCallbackRequest(entry.body, SHOP, SECRET));
    let nextCheckout = 0;
    const checkoutRequests = {
      requests: [
        {
          setupRequest: (r: Record<string, unknown>) => {
            const c = checkouts[nextCheckout++ % checkouts.length];
            return { ...r, method: "POST", path: "/api/carrier-service", body: c.body, headers: c.headers };
          },
        },
      ],
    };
    console.log(
      `\nStorefront promise: ${mix.length} distinct product-page requests (9 variants × ZIPs × quantities 1–3), signed as the app proxy signs them; ${DURATION_S} s per run`,
    );
    // Warm both paths (JIT, caches), not measured.
    await run({ url: app.url, connections: 10, duration: 3, ...promiseRequests });
    await run({ url: app.url, connections: 10, duration: 3, ...checkoutRequests });
    const promise = await run({ url: app.url, overallRate: 200, connections: 20, ...promiseRequests });
    const callback = await run({ url: app.url, overallRate: 200, connections: 20, ...checkoutRequests });
    console.log(line("promise (GET /proxy/promise) 200 req/s", promise));
    console.log(line("callback (varied mix) 200 req/s", callback));
    console.log(`promise p99 at 200 req/s: ${promise.latency.p99} ms (goal ≤ 20 ms)`);
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
