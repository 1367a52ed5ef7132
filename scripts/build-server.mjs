#!/usr/bin/env node
// `npm run build`, after `remix build`: compiles the app server (app/server/node-server.ts) into one ES module
// beside Remix's server build, packages left to node_modules, so that `npm start` runs it with Node itself
// (bin/serve.mjs) instead of compiling TypeScript at every start (docs/decisions.md).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { buildLocation } from "../app/server/build-location.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { serverEntryPath } = buildLocation();
await build({
  entryPoints: [join(root, "app", "server", "node-server.ts")],
  outfile: serverEntryPath,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node22",
  logLevel: "warning",
});
console.log(`app server: ${serverEntryPath}`);
