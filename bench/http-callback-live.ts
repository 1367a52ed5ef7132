// `npx tsx bench/http-callback-live.ts` (docs/performance.md, "Live rates"): the CarrierService callback over real
// HTTP at a fixed 200 req/s on the varied mix, first with rate cards only, then with four parcel services priced
// live by an EasyPost account whose fake (in this process) answers every rate request in 200 ms, with no answer
// cache (every checkout pays the fake's latency). Goal: p99 within the live-rate budget (1,500 ms) and no drop in
// requests answered.
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { sealSecret, secretKeysFrom } from "../app/config/secret-box.server";
import { createPrismaClient } from "../app/db.server";
import { seedDemoShop } from "../app/demo/seed.server";
import { freshSqliteDatabase } from "../scripts/lib/app-server";
import { EASYPOST_FAKE_KEY } from "../tests/support/fakes/easypost-fake";
import { signedCallbackRequest, startBenchApp } from "./lib/bench-app";
import { variedMix } from "./lib/varied-mix";

const SECRET = "bench-secret";
const SHOP = "tailroute-demo.myshopify.com";
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const FAKE_LATENCY_MS = 200;
const BUDGET_MS = 1500;

interface Run {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const run = (options: Record<string, unknown>) =>
  new Promise<Run>((resolve, reject) =>
    autocannon({ duration: DURATION_S, ...options }, (error: unknown, result: Run) =>
      error ? reject(error) : resolve(result),
    ),
  );

const line = (label: string, r: Run) =>
  `${label.padEnd(44)} ${r.requests.total.toString().padStart(5)} answered   p50 ${String(r.latency.p50).padStart(4)} ms   p90 ${String(r.latency.p90).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   max ${String(r.latency.max).padStart(4)} ms   non-2xx ${r.non2xx}   errors ${r.errors}   timeouts ${r.timeouts}`;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "tailroute-bench-live-"));
  const url = freshSqliteDatabase(join(dir, "bench.sqlite"));
  const db = createPrismaClient(url);
  await seedDemoShop(db);
  // The fake in its own process (bench/lib/easypost-fake-process.ts), like a remote API.
  const fakeProcess = fork(join(import.meta.dirname, "lib", "easypost-fake-process.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, FAKE_LATENCY_MS: String(FAKE_LATENCY_MS) },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  const fakeBaseUrl = await new Promise<string>((resolve, reject) => {
    fakeProcess.stdout!.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    fakeProcess.once("exit", (code) => reject(new Error(`the EasyPost fake exited (${code})`)));
  });
  const fakeAnswered = () =>
    new Promise<number>((resolve) => {
      fakeProcess.once("message", (m: { answered: number }) => resolve(m.answered));
      fakeProcess.send("count");
    });
  const app = await startBenchApp(url, SECRET);
  try {
    const checkouts = variedMix().map((entry) => signedCallbackRequest(entry.body, SHOP, SECRET));
    let next = 0;
    const requests = {
      requests: [
        {
          setupRequest: (r: Record<string, unknown>) => {
            const c = checkouts[next++ % checkouts.length];
            return { ...r, method: "POST", path: "/api/carrier-service", body: c.body, headers: c.headers };
          },
        },
      ],
    };
    // 200 req/s × up to 1.5 s each needs up to 300 requests in flight: enough connections that the load
    // generator never waits on the app (autocannon keeps one request in flight per connection).
    const load = { url: app.url, overallRate: 200, connections: 400, timeout: 10, ...requests };
    console.log(
      `\nLive rates: the callback at 200 req/s on the varied mix (${checkouts.length} distinct checkouts), ${DURATION_S} s per run; EasyPost fake answering in ${FAKE_LATENCY_MS} ms, budget ${BUDGET_MS} ms, no answer cache`,
    );
    await run({ ...load, duration: 3 }); // warm-up, not measured
    const rateCards = await run(load);
    // Price four parcel services live (one connected account), as the admin's Carrier accounts page would.
    const account = await db.carrierAccount.create({
      data: {
        shop: SHOP,
        provider: "EASYPOST",
        label: "Bench EasyPost",
        apiKeySealed: sealSecret(EASYPOST_FAKE_KEY, secretKeysFrom({ SHOPIFY_API_SECRET: SECRET })),
        apiKeyHint: "…0001",
        apiBaseUrl: fakeBaseUrl,
      },
    });
    for (const [serviceCode, providerAccount, providerService] of [
      ["ups-ground", "ca_fake_ups", "Ground"],
      ["ups-2nd-day-air", "ca_fake_ups", "2ndDayAir"],
      ["usps-ground-advantage", "ca_fake_usps", "GroundAdvantage"],
      ["usps-priority", "ca_fake_usps", "Priority"],
    ])
      await db.carrierServiceMapping.create({
        data: { shop: SHOP, serviceCode, carrierAccountId: account.id, providerAccount, providerService },
      });
    await db.liveRateSetting.create({ data: { shop: SHOP, budgetMs: BUDGET_MS, cacheTtlMs: 0 } });
    await db.shop.update({ where: { shop: SHOP }, data: { configVersion: { increment: 1 } } });
    await new Promise((resolve) => setTimeout(resolve, 2500)); // the app's runtime cache revalidates every second
    await run({ ...load, duration: 3 }); // warm-up of the SDK path, not measured
    const warmupCalls = await fakeAnswered();
    const live = await run(load);
    const liveCalls = (await fakeAnswered()) - warmupCalls;
    console.log(line("callback, rate cards only", rateCards));
    console.log(line(`callback, live rates (fake ${FAKE_LATENCY_MS} ms)`, live));
    console.log(
      `EasyPost fake: ${liveCalls} rate requests during the measured live run (${(liveCalls / Math.max(1, live.requests.total)).toFixed(2)} per checkout)`,
    );
    console.log(
      `live p99 ${live.latency.p99} ms (goal ≤ ${BUDGET_MS} ms: ${live.latency.p99 <= BUDGET_MS ? "met" : "NOT met"}); answered ${live.requests.total} vs ${rateCards.requests.total} with rate cards only, non-2xx ${live.non2xx}, errors ${live.errors}`,
    );
  } finally {
    await app.stop();
    fakeProcess.kill("SIGTERM");
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
