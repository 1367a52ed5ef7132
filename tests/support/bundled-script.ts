// The TypeScript scripts that tests run as real processes (job workers killed with SIGKILL, a process holding
// SQLite's lock) are bundled with esbuild into one ES module that Node runs by itself. Started through tsx's loader,
// a worker cost about 2.5 s of CPU before it was ready (every app module transformed in the new process); bundled,
// 0.3 s (docs/testing.md, "Speed"). Packages stay imports of node_modules, so the bundle is written inside the
// project (node_modules/.cache), where Node finds them; its name carries its content's hash, so files running side
// by side never write the same bundle twice or read a half-written one.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { buildSync } from "esbuild";
import { PROJECT_ROOT } from "../../scripts/lib/app-server";

const BUNDLES = join(PROJECT_ROOT, "node_modules", ".cache", "tailroute-test-scripts");
const built = new Map<string, string>();

/** The path of `script` (relative to the project) bundled into one ES module, built once per test process. */
export function bundledScript(script: string): string {
  const known = built.get(script);
  if (known) return known;
  const [output] = buildSync({
    entryPoints: [join(PROJECT_ROOT, script)],
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    packages: "external",
    write: false,
    outfile: "bundle.mjs",
    logLevel: "warning",
  }).outputFiles;
  const hash = createHash("sha256").update(output!.contents).digest("hex").slice(0, 16);
  const path = join(BUNDLES, `${basename(script, ".ts")}-${hash}.mjs`);
  if (!existsSync(path)) {
    mkdirSync(BUNDLES, { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, output!.contents);
    renameSync(partial, path);
  }
  built.set(script, path);
  return path;
}
