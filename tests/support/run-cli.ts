// Runs the `tailroute` CLI inside the test's own process: the same dispatcher (`runCli`) that bin/tailroute.mjs
// calls, without the 2.3 s of CPU a child process costs (Node's start, tsx's loader, importing the app). What a
// child process gave the tests for free is reproduced here, so their assertions keep their meaning:
// - a fresh module graph per call (`vi.resetModules()`): the command's default Prisma client (app/db.server.ts)
//   opens the database named by DATABASE_URL at the time of the call, and no cache of the app's outlives it;
// - the environment of a child (`{ ...process.env, ...env }`): applied to process.env for the call, then restored;
// - everything the command prints, console output included, lands on its stdout or stderr;
// - a thrown error is exit code 1 with `tailroute: <what failed>` on stderr, as `runAsProcess()` prints it;
// - the Prisma client the command opened is closed afterwards (a process exit closed it before).
// tests/foundation/cli.test.ts keeps running the real bin/tailroute.mjs as a child process.
import { Readable } from "node:stream";
import { format } from "node:util";
import { vi } from "vitest";
import type { CliIO } from "../../app/cli/commands/types";

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** Variables set (a string) or removed (undefined) for the duration of the call. */
  env?: Record<string, string | undefined>;
  /** What the command reads on stdin (e.g. `quote -`); empty by default. */
  input?: string;
}

const STDOUT_METHODS = ["log", "info", "debug"] as const;
const STDERR_METHODS = ["error", "warn"] as const;

/** `tailroute <args…>` in this process; resolves to its exit code and what it wrote. */
export async function runTailroute(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdin: Readable.from(options.input === undefined ? [] : [options.input]),
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  };
  const restoreEnv = applyEnv(options.env ?? {});
  const restoreConsole = captureConsole(io);
  const previousClient = globalThis.tailroutePrisma;
  globalThis.tailroutePrisma = undefined;
  try {
    vi.resetModules();
    const { runCli, describeFailure } = await import("../../app/cli/main");
    let status: number;
    try {
      status = await runCli(args, io);
    } catch (error) {
      io.stderr(`tailroute: ${describeFailure(error)}\n`);
      status = 1;
    }
    return { status, stdout, stderr };
  } finally {
    const opened = defaultClient();
    globalThis.tailroutePrisma = previousClient;
    if (opened && opened !== previousClient) await opened.$disconnect();
    restoreConsole();
    restoreEnv();
  }
}

/** The default client app/db.server.ts keeps (a function: TypeScript would narrow a read after the reset). */
const defaultClient = () => globalThis.tailroutePrisma;

function applyEnv(env: Record<string, string | undefined>): () => void {
  const before = Object.keys(env).map((name) => [name, process.env[name]] as const);
  const set = (name: string, value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  for (const [name, value] of Object.entries(env)) set(name, value);
  return () => {
    for (const [name, value] of before) set(name, value);
  };
}

/** A child's console writes to its stdout / stderr: so does the command's here, for the call's duration. */
function captureConsole(io: CliIO): () => void {
  const saved = [...STDOUT_METHODS, ...STDERR_METHODS].map((m) => [m, console[m]] as const);
  for (const m of STDOUT_METHODS) console[m] = (...data: unknown[]) => io.stdout(`${format(...data)}\n`);
  for (const m of STDERR_METHODS) console[m] = (...data: unknown[]) => io.stderr(`${format(...data)}\n`);
  return () => {
    for (const [m, fn] of saved) console[m] = fn as never;
  };
}
