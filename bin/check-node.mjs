#!/usr/bin/env node
// Fails fast, with a clear message, when the project is run on a Node older than it supports.
// Kept dependency-free and in plain JS so that it runs on any Node that can start at all.
const [major, minor] = process.versions.node.split(".").map(Number);
const ok = major > 22 || (major === 22 && minor >= 12);
if (!ok) {
  console.error(
    `Tailroute needs Node >= 22.12 (Node 24 LTS recommended, see .nvmrc); this is Node ${process.versions.node}.\n` +
      "Install Node 24 (e.g. `nvm install 24`) or see README.md > Prerequisites.",
  );
  process.exit(1);
}
