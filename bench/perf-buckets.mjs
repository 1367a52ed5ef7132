// CPU per request of a server by kind of work, from `perf record -g` (bench/http-callback-ab.ts --perf, servers
// started with --node-options-<name>=--perf-basic-prof so JIT frames have names):
//   perf script -i <perf.data> -F comm,pid,tid,time,ip,sym,dso > script.txt
//   node bench/perf-buckets.mjs <script.txt> <windows.json> <server> <pid> [--show "<bucket>"]
// Each sample (CPU clock, 2,000 Hz) goes to the innermost frame of its stack that a rule names; samples of other
// threads than the main one are V8's helpers (concurrent GC, compilers). Only samples inside the server's measured
// windows count. TurboFan inlines the callback's own code into the stream's end-of-body handler, so after inlining
// that code shows under "streams, events, nextTick, microtasks" (perf sees only the outer function).
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";

const [scriptFile, windowsFile, server, pid] = process.argv.slice(2);
const showIndex = process.argv.indexOf("--show");
const show = showIndex > 0 ? process.argv[showIndex + 1] : undefined;
const PERIOD_US = 500; // -F 2000
const windows = JSON.parse(readFileSync(windowsFile, "utf8")).filter((w) => w.server === server);
const requests = windows.reduce((sum, w) => sum + w.requests, 0);
const RULES = [
  [
    "GC",
    /Heap::|Scavenger|ScavengeJob|MarkCompact|MinorMS|GCTracer|Sweeper|ConcurrentMarking|IncrementalMarking|PerformGarbageCollection|MemoryAllocator|Builtins_.*Allocate|AllocateRaw/,
  ],
  [
    "V8 compilers (JIT, deopt)",
    /Compiler|Maglev|maglev::|TurboFan|compiler::|Deoptimizer|Builtins_CompileLazy|OptimizeMaglev|Sparkplug|BaselineBatch/,
  ],
  ["kernel: socket write", /\b(tcp_sendmsg|sock_write_iter|do_writev|ksys_write|__sys_sendmsg)\b/],
  ["kernel: socket read", /\b(tcp_recvmsg|sock_read_iter|ksys_read)\b/],
  ["kernel: epoll", /\b(do_epoll_wait|ep_poll|__x64_sys_epoll|do_epoll_ctl)\b/],
  [
    "kernel: accept / close / shutdown",
    /\b(__sys_accept4|do_accept|__x64_sys_close|__fput|tcp_close|__sys_shutdown|inet_shutdown|tcp_shutdown)\b/,
  ],
  ["kernel: other syscalls / interrupts", /\b(do_syscall_64|asm_|irq|softirq|schedule|entry_SYSCALL)/],
  ["job runner / timers", /sqlite-engine|pollIfDue|JS:\S*processTimers|listOnTimeout|cron|luxon|RunTimers/],
  ["Prisma (revalidation, queries)", /@prisma|prisma|better-sqlite3|better_sqlite3|sqlite3/],
  ["engine quote()", /JS:\S*(quote|rateWithEngine) file/],
  ["zod", /zod\//],
  ["JSON.parse (request)", /JsonParse|JsonParser/],
  ["JSON.stringify (answer)", /JsonStringif|JS:\S*json2 file/],
  ["HMAC", /Hmac|HMAC|sha256|timingSafeEqual|isValidShopifyHmac|SHA256|createHmac|Buffer_from|base64/i],
  ["Shopify rates, engine input", /toShopifyRates|toQuoteInput|engineInput/],
  [
    "callback glue (answerCarrier*, body, headers)",
    /answerCarrierRequest|answerCarrierFromNode|readNodeBodyWithLimit|identifyCallbackCaller|writeAnswer|node-server\.mjs|cachedByToken|JS:\S*cached file|carrierCallbackToken/,
  ],
  [
    "HTTP answer (OutgoingMessage, socket writes)",
    /_http_outgoing|writeGeneric|stream_base_commons|LibuvStreamWrap::Do|StreamBase::Write|uv__write|uv_try_write|WriteWrap|writeUtf8|resOnFinish|onFinish/,
  ],
  [
    "HTTP request (llhttp, IncomingMessage, server)",
    /llhttp|parserOn|_http_incoming|_http_common|_http_server|Parser<|Parser::|node:net|onconnection|TCPWrap|ConnectionWrap/,
  ],
  [
    "streams, events, nextTick, microtasks",
    /streams\/|node:events|task_queues|RunMicrotasks|MakeCallback|EmitAfter|AsyncWrap|AsyncHooks|async_hooks/,
  ],
  ["malloc/free", /malloc|_int_free|cfree|unlink_chunk|malloc_consolidate/],
  ["libuv event loop", /uv_|uv__|epoll/],
];

const buckets = new Map();
const shown = new Map();
let total = 0;
let header = null;
let frames = [];
const clean = (f) =>
  f
    .replace(/\s*\([^()]*\)$/, "")
    .replace(/^\s*\S+\s+/, "")
    .replace(/file:\/\/\S*\/index\.js/, "index.js");
function flush() {
  if (header && frames.length) {
    const us = header.time * 1e6;
    if (header.pid === pid && windows.some((w) => us >= w.startUs && us < w.endUs)) {
      let label = header.comm !== "MainThread" ? "GC and compilers (V8 helper threads)" : "other";
      let matched = frames[0];
      if (label === "other")
        outer: for (const f of frames)
          for (const [l, re] of RULES)
            if (re.test(f)) {
              label = l;
              matched = f;
              break outer;
            }
      buckets.set(label, (buckets.get(label) ?? 0) + 1);
      if (label === show) {
        const key = `${clean(matched)} <- ${clean(frames[0])}`;
        shown.set(key, (shown.get(key) ?? 0) + 1);
      }
      total++;
    }
  }
  frames = [];
}
for await (const line of createInterface({ input: createReadStream(scriptFile) })) {
  const m = /^\s*(\S+)\s+(\d+)\/\d+\s+([\d.]+):/.exec(line);
  if (m && !line.startsWith("\t")) {
    flush();
    header = { comm: m[1], pid: m[2], time: Number(m[3]) };
  } else if (line.trim()) frames.push(line.trim());
}
flush();
const perRequest = (n) => ((n * PERIOD_US) / requests).toFixed(1).padStart(7);
console.log(`${server}: ${requests} requests, ${perRequest(total)} µs CPU per request sampled`);
for (const [label, n] of [...buckets].sort((a, b) => b[1] - a[1]))
  console.log(`${perRequest(n)} µs  ${label}`);
if (show) {
  console.log(`\n${show}, by frame <- leaf:`);
  for (const [k, n] of [...shown].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${perRequest(n)} µs  ${k}`);
}
