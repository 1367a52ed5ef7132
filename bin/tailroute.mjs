#!/usr/bin/env node
// Entry point of the `tailroute` command (package.json "bin"). It checks the Node version, then runs the
// TypeScript CLI in this same process through tsx's loader (`tsx/esm/api` register), so that the CLI shares the
// app's sources without a build step and starts one Node process instead of three (tsx's own CLI starts a child).
import "./check-node.mjs";
import { register } from "tsx/esm/api";

register();
const { runAsProcess } = await import("../app/cli/main.ts");
runAsProcess();
