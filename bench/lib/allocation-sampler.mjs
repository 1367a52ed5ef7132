// Loaded into a server with NODE_OPTIONS=--import=<this file> (bench/http-callback-ab.ts --heap=<name>): the first
// SIGUSR2 starts V8's sampling heap profiler counting every allocation, including objects the garbage collector has
// already freed; the second writes the profile to <tmpdir>/tailroute-allocations-<pid>.json for
// bench/allocation-summary.mjs (bytes allocated per request by function).
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { tmpdir } from "node:os";
import { join } from "node:path";

const session = new Session();
session.connect();
const post = (method, params) =>
  new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
let sampling = false;
process.on("SIGUSR2", async () => {
  if (sampling) {
    const { profile } = await post("HeapProfiler.stopSampling");
    writeFileSync(join(tmpdir(), `tailroute-allocations-${process.pid}.json`), JSON.stringify(profile));
    sampling = false;
    return;
  }
  await post("HeapProfiler.enable");
  await post("HeapProfiler.startSampling", {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  sampling = true;
});
