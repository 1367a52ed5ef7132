// Where `remix build` writes and where the app server reads the build, and where `npm run build` puts the compiled
// app server (scripts/build-server.mjs). Defaults to Remix's usual build/ + public/build/. TAILROUTE_BUILD_DIR moves both under one directory, so two test runs (or a
// test run and a demo) on one checkout never overwrite each other's build.
import { join, resolve } from "node:path";

/** @param {NodeJS.ProcessEnv} env */
export function buildLocation(env = process.env) {
  const dir = env.TAILROUTE_BUILD_DIR ? resolve(env.TAILROUTE_BUILD_DIR) : undefined;
  return {
    serverBuildPath: dir ? join(dir, "index.js") : resolve("build/index.js"),
    serverEntryPath: dir ? join(dir, "node-server.mjs") : resolve("build/node-server.mjs"),
    assetsBuildDirectory: dir ? join(dir, "public") : resolve("public/build"),
    cacheDirectory: dir ? join(dir, ".cache") : resolve(".cache"),
  };
}
