#!/usr/bin/env node
// Fails fast, with a clear message, when the project is run on a Node older than it supports.
// Kept dependency-free and in plain JS so that it runs on any Node that can start at all.
import { MINIMUM_NODE, isSupportedNode } from "./node-version.mjs";

if (!isSupportedNode(process.versions.node)) {
  console.error(
    `Tailroute needs Node >= ${MINIMUM_NODE} (Node 24 LTS recommended, see .nvmrc); this is Node ${process.versions.node}.\n` +
      "Install Node 24 (e.g. `nvm install 24`), or run `source .ci/use-node24.sh` to use Node 24 from the npm registry.",
  );
  process.exit(1);
}
