#!/usr/bin/env node
// `npm start`: the app server compiled by `npm run build` (scripts/build-server.mjs), run by Node itself.
// A build moved out of the checkout with TAILROUTE_BUILD_DIR (tests, a demo beside them) imports its packages
// from this project's node_modules: ES modules do not read NODE_PATH, so a resolve hook retries a package it
// could not find from the project's root (https://nodejs.org/api/module.html#moduleregisterhooksoptions).
import { existsSync } from "node:fs";
import { createRequire, enableCompileCache, registerHooks } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildLocation } from "../app/server/build-location.mjs";

// Node keeps V8's compiled code of every module it loads (the server bundle, Prisma, Shopify's and React's packages)
// under os.tmpdir(), so a restart compiles less: https://nodejs.org/api/module.html#module-compile-cache. It never
// fails a start (NODE_DISABLE_COMPILE_CACHE=1 turns it off).
enableCompileCache();

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = buildLocation().serverEntryPath;
if (!existsSync(entry)) {
  console.error(`No compiled app server at ${entry}: run \`npm run build\` first.`);
  process.exit(1);
}
if (relative(root, entry).startsWith("..")) {
  const fromProject = pathToFileURL(join(root, "package.json")).href;
  const requireFromProject = createRequire(fromProject);
  registerHooks({
    resolve(specifier, context, nextResolve) {
      try {
        return nextResolve(specifier, context);
      } catch (error) {
        // A package name (`react`, `.prisma/postgres-client`), not a path or URL; import or require.
        const bare = !/^(\.{1,2}(\/|$)|\/|[a-z][a-z0-9+.-]*:)/i.test(specifier);
        const notFound = error?.code === "ERR_MODULE_NOT_FOUND" || error?.code === "MODULE_NOT_FOUND";
        if (!bare || !notFound) throw error;
        // require() resolves from its caller's directory whatever the context says: resolve it from the project.
        if (error.code === "MODULE_NOT_FOUND")
          return { url: pathToFileURL(requireFromProject.resolve(specifier)).href, shortCircuit: true };
        return nextResolve(specifier, { ...context, parentURL: fromProject });
      }
    },
  });
}
await import(pathToFileURL(entry).href);
