// Bytes allocated per request by function, from bench/lib/allocation-sampler.mjs's profile:
//   node bench/allocation-summary.mjs <profile.json> <requests> [top]
import { readFileSync } from "node:fs";

const [file, requestsArg, topArg] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, "utf8"));
const requests = Number(requestsArg);
const top = Number(topArg ?? 30);
const bytesById = new Map();
for (const s of profile.samples) bytesById.set(s.nodeId, (bytesById.get(s.nodeId) ?? 0) + s.size);
const name = (f) =>
  `${f.functionName || "(anonymous)"} ${f.url.replace(/^file:\/\//, "").replace(/^.*node_modules\//, "npm:")}:${f.lineNumber + 1}`;
const self = new Map();
const inclusive = new Map();
let total = 0;
(function walk(node, stack) {
  const here = name(node.callFrame);
  const bytes = bytesById.get(node.id) ?? 0;
  total += bytes;
  self.set(here, (self.get(here) ?? 0) + bytes);
  const path = [...stack, here];
  if (bytes) for (const f of new Set(path)) inclusive.set(f, (inclusive.get(f) ?? 0) + bytes);
  for (const child of node.children) walk(child, path);
})(profile.head, []);
console.log(`${(total / requests).toFixed(0)} B allocated per request (sampled)`);
for (const [title, map] of [
  ["self", self],
  ["inclusive", inclusive],
]) {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(v / requests).toFixed(0).padStart(7)} B  ${k}`);
}
