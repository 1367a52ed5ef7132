// Real processes for the job runner's reliability suites: worker processes killed with SIGKILL, a process holding
// SQLite's lock. Each runs its TypeScript script bundled (tests/support/bundled-script.ts) by Node itself, so a
// signal reaches the script, not a parent process.
import { spawn, type ChildProcess } from "node:child_process";
import { bundledScript } from "../support/bundled-script";

export interface ScriptProcess {
  process: ChildProcess;
  /** Resolves once the script printed the line it was started to wait for; rejects if it exits first. */
  ready: Promise<void>;
  /** Resolves once the script printed `line` (at any time since it started), rejects if it exits first. */
  printed(line: string): Promise<void>;
}

export function startScript(script: string, args: string[], line: string): ScriptProcess {
  const proc = spawn(process.execPath, [bundledScript(script), ...args], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  let output = "";
  proc.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  const printed = (wanted: string) =>
    new Promise<void>((resolve, reject) => {
      if (output.includes(wanted)) return resolve();
      proc.stdout!.on("data", () => output.includes(wanted) && resolve());
      proc.once("exit", (code) => reject(new Error(`${script} exited (${code}) before printing ${wanted}`)));
    });
  const ready = printed(line);
  // A test that kills the process before it printed the line, having stopped waiting, is not an unhandled rejection.
  ready.catch(() => undefined);
  return { process: proc, ready, printed };
}

export const exited = (p: ChildProcess) =>
  p.exitCode !== null || p.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => p.once("exit", () => r()));
