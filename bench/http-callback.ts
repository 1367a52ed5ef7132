// `npm run bench` (second part): the CarrierService callback over real HTTP, side by side with a bare
// node:http server (its own process, like the app) answering the same precomputed JSON, same autocannon settings,
// in one run (the machine is shared and noisy, so the ratio is the figure to trust). Then a fixed 200 req/s run
// for the latency goal.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { createPrismaClient } from "../app/db.server";
import { seedDemoShop } from "../app/demo/seed.server";
import { freshSqliteDatabase } from "../scripts/lib/app-server";
import { carrierServiceRequestBody, DEMO_CHECKOUTS } from "../scripts/lib/demo-checkouts";
import { signedCallbackRequest, startBenchApp, type SignedRequest } from "./lib/bench-app";
import { startBareServer } from "./lib/bare-server";
import { variedMix } from "./lib/varied-mix";

const SECRET = "bench-secret";
const SHOP = "tailroute-demo.myshopify.com";
const CONNECTIONS = 10;
const DURATION_S = 8;

interface Run {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

function load(
  url: string,
  body: string,
  headers: Record<string, string>,
  extra: Record<string, unknown> = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, method: "POST", body, headers, connections: CONNECTIONS, duration: DURATION_S, ...extra },
      (error: unknown, result: Run) => (error ? reject(error) : resolve(result)),
    );
  });
}

const line = (label: string, r: Run & { cpuMicrosPerRequest?: number }) =>
  `${label.padEnd(34)} ${Math.round(r.requests.average).toLocaleString("en-US").padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(3)} ms   p99 ${String(r.latency.p99).padStart(3)} ms   non-2xx ${r.non2xx}   errors ${r.errors}${r.cpuMicrosPerRequest === undefined ? "" : `   CPU ${r.cpuMicrosPerRequest.toFixed(0)} µs/request`}`;

/** CPU time (user + system, all threads) a process has used so far, in ms; undefined where /proc is missing. */
function cpuMs(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  const stat = readFileSync(file, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
}

/**
 * A run against the server process `pid`, with that process's CPU time per request: on this shared machine the
 * req/s of either server swing with other work, CPU per request much less.
 */
async function measured(
  pid: number | undefined,
  run: () => Promise<Run>,
): Promise<Run & { cpuMicrosPerRequest?: number }> {
  const before = cpuMs(pid);
  const result = await run();
  const after = cpuMs(pid);
  if (before === undefined || after === undefined) return result;
  return { ...result, cpuMicrosPerRequest: ((after - before) * 1000) / result.requests.total };
}

const loadAverage = () =>
  existsSync("/proc/loadavg")
    ? readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")
    : "n/a";

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "tailroute-bench-"));
  const url = freshSqliteDatabase(join(dir, "bench.sqlite"));
  const db = createPrismaClient(url);
  await seedDemoShop(db);
  await db.$disconnect();
  const app = await startBenchApp(url, SECRET);
  const { body, headers } = signedCallbackRequest(carrierServiceRequestBody(DEMO_CHECKOUTS[4]), SHOP, SECRET); // the mixed cart
  const callbackUrl = `${app.url}/api/carrier-service`;
  const warm = await fetch(callbackUrl, { method: "POST", headers, body });
  const precomputed = await warm.text();
  if (!warm.ok) throw new Error(`callback answered ${warm.status}: ${precomputed}`);

  const bare = await startBareServer(dir, [precomputed]);

  console.log(`\nHTTP: the same signed mixed-cart request (${body.length} B) throughout`);
  // Warm the JIT and the engine's memo tables (not measured), then the steady checkout load, before the
  // saturating runs leave garbage-collection debt behind.
  await load(callbackUrl, body, headers, { duration: 3 });
  const paced = await load(callbackUrl, body, headers, { overallRate: 200, connections: 20 });
  console.log(line("callback at a fixed 200 req/s", paced));
  console.log(`p99 at 200 req/s: ${paced.latency.p99} ms (goal ≤ 15 ms)`);
  console.log(
    `side by side, ${CONNECTIONS} connections × ${DURATION_S} s each (load average ${loadAverage()}):`,
  );
  const bareRun = await measured(bare.pid, () => load(bare.url, body, headers));
  const callbackRun = await measured(app.process.pid, () => load(callbackUrl, body, headers));
  console.log(line("bare node:http (precomputed JSON)", bareRun));
  console.log(line("CarrierService callback", callbackRun));
  console.log(
    `ratio callback / bare: ${(callbackRun.requests.average / bareRun.requests.average).toFixed(2)} (goal ≥ 0.5)`,
  );

  bare.stop();
  await variedRuns(dir, callbackUrl, app.process.pid);
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** autocannon options sending the mix in order, shared by every connection (no two connections in lockstep). */
function cycling(mix: SignedRequest[]) {
  let next = 0;
  return {
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => {
          const m = mix[next++ % mix.length];
          return { ...request, method: "POST", body: m.body, headers: m.headers };
        },
      },
    ],
  };
}

/**
 * The varied mix (bench/lib/varied-mix.ts: 3,000 distinct destinations, carts from the demo catalogue), side by
 * side with a bare node:http server answering the precomputed answers of the same requests, in the same order
 * (same response sizes). The callback keeps no memo of whole requests; the mix is distinct anyway.
 */
async function variedRuns(dir: string, callbackUrl: string, appPid: number | undefined) {
  const mix: SignedRequest[] = variedMix().map((entry) => signedCallbackRequest(entry.body, SHOP, SECRET));
  // One pass to get each request's answer (for the bare server) and to check every one is a 200.
  const answers: string[] = [];
  for (const m of mix) {
    const response = await fetch(callbackUrl, { method: "POST", headers: m.headers, body: m.body });
    const text = await response.text();
    if (!response.ok) throw new Error(`callback answered ${response.status}: ${text}`);
    answers.push(text);
  }
  const bare = await startBareServer(dir, answers);
  const meanBytes = Math.round(answers.reduce((sum, a) => sum + a.length, 0) / answers.length);
  console.log(
    `\nHTTP: the varied mix, ${mix.length} distinct signed requests (answers ${meanBytes} B on average)`,
  );
  await load(callbackUrl, "", {}, { duration: 3, ...cycling(mix) });
  const paced = await load(callbackUrl, "", {}, { overallRate: 200, connections: 20, ...cycling(mix) });
  console.log(line("varied: callback at 200 req/s", paced));
  console.log(`varied: p99 at 200 req/s: ${paced.latency.p99} ms (goal ≤ 15 ms)`);
  console.log(`varied: side by side (load average ${loadAverage()}):`);
  const bareRun = await measured(bare.pid, () => load(bare.url, "", {}, cycling(mix)));
  const callbackRun = await measured(appPid, () => load(callbackUrl, "", {}, cycling(mix)));
  console.log(line("varied: bare node:http", bareRun));
  console.log(line("varied: CarrierService callback", callbackRun));
  console.log(
    `varied-mix ratio callback / bare: ${(callbackRun.requests.average / bareRun.requests.average).toFixed(2)} (goal ≥ 0.5)`,
  );
  if (bareRun.cpuMicrosPerRequest !== undefined && callbackRun.cpuMicrosPerRequest !== undefined)
    console.log(
      `varied-mix CPU per request, bare / callback: ${(bareRun.cpuMicrosPerRequest / callbackRun.cpuMicrosPerRequest).toFixed(2)} (load average ${loadAverage()})`,
    );
  bare.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
