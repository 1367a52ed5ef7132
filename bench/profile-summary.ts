// Sums a V8 .cpuprofile's self time by function and by file: `tsx bench/profile-summary.ts <file> [top]`.
// Used to read `node --cpu-prof` runs of the bench (docs/performance.md). With `--stages <µs per quote>` instead
// of `top`, it prints the table "where each microsecond goes" of quote(): every sample goes to the first stage in
// the order below with a function on its stack (garbage collection first), its share scaled to the given time.
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, stagesArg] = process.argv.slice(2);
if (!file)
  throw new Error("usage: tsx bench/profile-summary.ts <file.cpuprofile> [top | --stages <µs per quote>]");
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  const frame = byId.get(id)!.callFrame;
  const where = frame.url.replace(/^file:\/\//, "").replace(/^.*\/node_modules\//, "npm:") || "(native)";
  const fn = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  byFile.set(where, (byFile.get(where) ?? 0) + us);
  total += us;
});
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title} (self time, of ${(total / 1000).toFixed(0)} ms)`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`,
    );
};
const STAGES: [string, string[]][] = [
  ["garbage collection", ["(garbage collector)"]],
  ["destination legs (coverage, zone, transit, ship day)", ["destinationLeg", "computeLeg"]],
  ["rating (shared per packing and zone)", ["ratingFor", "rateShipment"]],
  ["tier quotes: plans, dates, reasons", ["toTierQuote"]],
  ["destination: ZIP, time zone, address class", ["resolveDestination"]],
  ["cart: lines, cart plan, packing lookups", ["resolveCart", "cartPlanFor", "templateFor"]],
  ["split pruning checks", ["allocationMayBeCarried", "mayBeCarried", "slotMayBeCarried"]],
  [
    "option and plan search",
    ["plansForTier", "planFor", "evaluateShipment", "shipmentOption", "computeOption"],
  ],
  ["distinct speeds, rest of quote()", ["quote"]],
];

/** Samples of the profiler's own work (an inspector session) are left out. */
function stageTable(perQuoteUs: number) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const sums = new Map<string, number>(STAGES.map(([name]) => [name, 0]));
  let counted = 0;
  let outside = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const stack: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      stack.push(byId.get(at)!.callFrame.functionName);
    if (stack.some((f) => f === "dispatch" || f === "post" || f === "(idle)" || f === "(program)")) return;
    counted += us;
    const stage = STAGES.find(([, fns]) => stack.some((f) => fns.includes(f)));
    if (stage) sums.set(stage[0], sums.get(stage[0])! + us);
    else outside += us;
  });
  console.log(`\n| Stage of one quote | µs |\n| --- | --- |`);
  for (const [name, us] of sums) console.log(`| ${name} | ${((us / counted) * perQuoteUs).toFixed(1)} |`);
  console.log(`| outside quote() | ${((outside / counted) * perQuoteUs).toFixed(1)} |`);
}

if (topArg === "--stages") stageTable(Number(stagesArg));
else {
  print("by function", byFunction);
  print("by file", byFile);
}
