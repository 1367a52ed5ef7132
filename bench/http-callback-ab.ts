// Builds of the app server side by side on the varied mix, with a bare node:http server, in alternating rounds: CPU
// time per request of each server process (user and system apart, from /proc), page faults per request, req/s. The
// figure that stays comparable on a shared machine; for before/after measurements of the callback's server process
// (docs/performance.md, "The callback's server process, session 9").
//
//   git worktree add /tmp/base HEAD~1 && (cd /tmp/base && ln -s "$PWD/node_modules" . && TAILROUTE_BUILD_DIR=/tmp/b0 npm run build)
//   TAILROUTE_BUILD_DIR=/tmp/b1 npm run build
//   npx tsx bench/http-callback-ab.ts before=/tmp/base:/tmp/b0 after=.:/tmp/b1 [--rounds=10] [--seconds=4]
//
// Each <name>=<checkout>:<build dir> runs that checkout's bin/serve.mjs on that build, on its own copy of the seeded
// demo database; every server answers the same 3,000 requests in the same order, and the answers are compared with
// the first server's. Options for the profiles of that section:
//   --args-<name>="--max-semi-space-size=8"     Node/V8 flags for one server (before bin/serve.mjs)
//   --node-options-<name>="--perf-basic-prof"   NODE_OPTIONS for one server (--cpu-prof, --import=...)
//   --log-<name>=<file>                         that server's stdout (--trace-gc, --trace-deopt)
//   --perf=<name>,<name>:<file>                 `perf record -g` (CPU clock, CLOCK_MONOTONIC) of those servers over the rounds
//   --windows=<file>                            the monotonic-clock windows of each measured run, to cut profiles to them
//   --heap=<name>                               SIGUSR2 around the rounds: bench/lib/allocation-sampler.mjs (--import) samples
//   --paced                                     then each server at a fixed 200 req/s (p50 / p99)
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import { createPrismaClient } from "../app/db.server";
import { seedDemoShop } from "../app/demo/seed.server";
import { freePort, freshSqliteDatabase } from "../scripts/lib/app-server";
import { signedCallbackRequest, type SignedRequest } from "./lib/bench-app";
import { startBareServer } from "./lib/bare-server";
import { variedMix } from "./lib/varied-mix";

const SECRET = "bench-secret";
const SHOP = "tailroute-demo.myshopify.com";

interface Run {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

interface Server {
  name: string;
  url: string;
  pid: number | undefined;
  child: ChildProcess;
}

const argValue = (name: string, fallback: string) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
};

/** utime and stime of a process so far, in ms. */
function cpu(pid: number | undefined): { user: number; system: number; minflt: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10, minflt: Number(fields[7]) };
}

const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

function cycling(mix: SignedRequest[], url: string, seconds: number, extra: Record<string, unknown> = {}) {
  let next = 0;
  return new Promise<Run>((done, fail) =>
    autocannon(
      {
        url,
        method: "POST",
        connections: 10,
        duration: seconds,
        requests: [
          {
            setupRequest: (request: Record<string, unknown>) => {
              const m = mix[next++ % mix.length];
              return { ...request, method: "POST", body: m.body, headers: m.headers };
            },
          },
        ],
        ...extra,
      },
      (error: unknown, result: Run) => (error ? fail(error) : done(result)),
    ),
  );
}

async function waitReady(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no /healthz:\n${output()}`);
}

async function startServer(
  name: string,
  checkout: string,
  buildDir: string,
  databaseUrl: string,
): Promise<Server> {
  const port = await freePort();
  const nodeOptions = argValue(`node-options-${name}`, "");
  const nodeArgs = argValue(`args-${name}`, "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(checkout, "bin", "serve.mjs")], {
    cwd: checkout,
    env: {
      ...process.env,
      NODE_ENV: "demo" as NodeJS.ProcessEnv["NODE_ENV"],
      TAILROUTE_DEMO: "1",
      DATABASE_URL: databaseUrl,
      SHOPIFY_API_SECRET: SECRET,
      SHOPIFY_API_KEY: "bench",
      TAILROUTE_BUILD_DIR: buildDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_OPTIONS: nodeOptions,
    } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const logFile = argValue(`log-${name}`, "");
  if (logFile) {
    const log = createWriteStream(logFile);
    child.stdout?.pipe(log);
  }
  child.stdout?.on("data", (c) => (output += c));
  child.stderr?.on("data", (c) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child, () => output);
  console.log(`${name}: pid ${child.pid}, ${checkout} with ${buildDir} ${nodeArgs.join(" ")} ${nodeOptions}`);
  return { name, url, pid: child.pid, child };
}

async function main() {
  const specs = process.argv
    .slice(2)
    .filter((a) => !a.startsWith("--"))
    .map((a) => {
      const [name, rest] = a.split("=");
      const [checkout, buildDir] = rest.split(":");
      return { name, checkout: resolve(checkout), buildDir: resolve(buildDir) };
    });
  const rounds = Number(argValue("rounds", "6"));
  const seconds = Number(argValue("seconds", "5"));
  const dir = mkdtempSync(join(tmpdir(), "tailroute-ab-"));
  const template = freshSqliteDatabase(join(dir, "seed.sqlite"));
  const db = createPrismaClient(template);
  await seedDemoShop(db);
  await db.$disconnect();
  const servers: Server[] = [];
  try {
    for (const spec of specs) {
      const file = join(dir, `${spec.name}.sqlite`);
      writeFileSync(file, readFileSync(join(dir, "seed.sqlite")));
      servers.push(await startServer(spec.name, spec.checkout, spec.buildDir, `file:${file}`));
    }
    const mix = variedMix().map((e) => signedCallbackRequest(e.body, SHOP, SECRET));
    let reference: string[] | undefined;
    for (const server of servers) {
      const answers: string[] = [];
      for (const m of mix) {
        const response = await fetch(`${server.url}/api/carrier-service`, {
          method: "POST",
          headers: m.headers,
          body: m.body,
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`${server.name} answered ${response.status}: ${text}`);
        answers.push(text);
      }
      if (reference) {
        const differing = answers.filter((a, i) => a !== reference![i]).length;
        console.log(
          `${server.name}: ${differing} of ${answers.length} answers differ from ${servers[0].name}'s`,
        );
      } else reference = answers;
      await cycling(mix, `${server.url}/api/carrier-service`, 3);
    }
    const bare: Server = { name: "bare", ...(await startBareServer(dir, reference!)) };
    servers.push(bare);
    const targets = servers.map((s) => ({
      ...s,
      target: s.name === "bare" ? s.url : `${s.url}/api/carrier-service`,
    }));
    const rows: Record<
      string,
      { cpu: number[]; user: number[]; system: number[]; rps: number[]; faults: number[] }
    > = {};
    for (const s of targets) rows[s.name] = { cpu: [], user: [], system: [], rps: [], faults: [] };
    console.log(
      `rounds of ${seconds} s, 10 connections, load average ${loadAverage()} at ${new Date().toISOString()}`,
    );
    // Monotonic-clock windows of the measured runs: V8's .cpuprofile timestamps use the same clock, so a profile's
    // samples can be cut to them (--windows=<file>).
    // --perf=<server>:<file>: `perf record` (CPU-clock samples, call graphs) of that server over the rounds.
    const perfArg = argValue("perf", "");
    let perf: ChildProcess | undefined;
    if (perfArg) {
      const [perfServers, perfFile] = perfArg.split(":");
      const names = perfServers.split(",");
      const pid = targets
        .filter((t) => names.includes(t.name))
        .map((t) => t.pid)
        .join(",");
      console.log(`perf record of ${perfServers} (pids ${pid})`);
      perf = spawn(
        "perf",
        [
          "record",
          "-e",
          argValue("perf-event", "cpu-clock"),
          ...(argValue("perf-event", "cpu-clock") === "cpu-clock" ? ["-F", "2000"] : ["-c", "1"]),
          "-g",
          "-k",
          "CLOCK_MONOTONIC",
          "-p",
          pid,
          "-o",
          perfFile,
        ],
        {
          stdio: "ignore",
        },
      );
      await new Promise((r) => setTimeout(r, 1000));
    }
    // --heap=<server>: toggles the allocation sampler of /tmp/cb-tools/heapsample.mjs (SIGUSR2) around the rounds.
    const heapPid = targets.find((t) => t.name === argValue("heap", ""))?.pid;
    if (heapPid) process.kill(heapPid, "SIGUSR2");
    const windows: { server: string; startUs: number; endUs: number; requests: number }[] = [];
    for (let round = 0; round < rounds; round++) {
      const order = targets.map((_, i) => targets[(i + round) % targets.length]);
      for (const s of order) {
        const before = cpu(s.pid);
        const startUs = Number(process.hrtime.bigint() / 1000n);
        const run = await cycling(mix, s.target, seconds);
        const endUs = Number(process.hrtime.bigint() / 1000n);
        const after = cpu(s.pid);
        windows.push({ server: s.name, startUs, endUs, requests: run.requests.total });
        const n = run.requests.total;
        const row = rows[s.name];
        row.user.push(((after.user - before.user) * 1000) / n);
        row.system.push(((after.system - before.system) * 1000) / n);
        row.cpu.push(row.user.at(-1)! + row.system.at(-1)!);
        row.rps.push(run.requests.average);
        row.faults.push((after.minflt - before.minflt) / n);
        if (run.non2xx || run.errors) console.log(`${s.name}: non-2xx ${run.non2xx}, errors ${run.errors}`);
      }
      console.log(
        `round ${round + 1} (load ${loadAverage()}): ` +
          targets
            .map(
              (s) =>
                `${s.name} ${rows[s.name].cpu.at(-1)!.toFixed(1)} µs (${Math.round(rows[s.name].rps.at(-1)!)} req/s)`,
            )
            .join(", "),
      );
    }
    if (heapPid) {
      process.kill(heapPid, "SIGUSR2");
      await new Promise((r) => setTimeout(r, 3000));
    }
    if (perf) {
      perf.kill("SIGINT");
      await new Promise((r) => perf!.once("exit", r));
    }
    const windowsFile = argValue("windows", "");
    if (windowsFile) writeFileSync(windowsFile, JSON.stringify(windows));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(
      `\nCPU per request (µs), ${rounds} rounds, load average ${loadAverage()} at ${new Date().toISOString()}`,
    );
    console.log("server      median   mean    user   system   req/s (median)   page faults per request");
    for (const s of targets) {
      const r = rows[s.name];
      console.log(
        `${s.name.padEnd(10)} ${median(r.cpu).toFixed(1).padStart(7)} ${mean(r.cpu).toFixed(1).padStart(7)} ${mean(r.user).toFixed(1).padStart(7)} ${mean(r.system).toFixed(1).padStart(7)}   ${String(Math.round(median(r.rps))).padStart(6)}           ${mean(r.faults).toFixed(2)}`,
      );
    }
    if (process.argv.includes("--paced")) {
      for (const s of targets.filter((t) => t.name !== "bare")) {
        const paced = await cycling(mix, s.target, 8, { overallRate: 200, connections: 20 });
        console.log(
          `${s.name}: 200 req/s p50 ${paced.latency.p50} ms p99 ${paced.latency.p99} ms (load ${loadAverage()})`,
        );
      }
    }
  } finally {
    for (const s of servers) {
      s.child.kill("SIGTERM");
    }
    await new Promise((r) => setTimeout(r, 1500));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
