import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildLocation } from "../../app/server/build-location.mjs";

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);

function runNodeBin(packageBin: string, args: string[], env: NodeJS.ProcessEnv, quiet: boolean): void {
  const result = spawnSync(process.execPath, [require.resolve(packageBin), ...args], {
    cwd: PROJECT_ROOT,
    env,
    stdio: quiet ? "pipe" : "inherit",
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(
      `${packageBin} ${args.join(" ")} failed (exit ${result.status}):\n${result.stderr ?? ""}${result.stdout ?? ""}`,
    );
  }
}

/** Deletes a SQLite database file (and its journal) and applies every migration with `prisma migrate deploy`. */
export function freshSqliteDatabase(filePath: string, { quiet = true } = {}): string {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(filePath + suffix, { force: true });
  const url = `file:${filePath}`;
  runNodeBin("prisma/build/index.js", ["migrate", "deploy"], { ...process.env, DATABASE_URL: url }, quiet);
  return url;
}

/** Compiles the Remix app (remix.config.js) into build/ and public/build/, or under TAILROUTE_BUILD_DIR. */
export function buildApp({ quiet = true } = {}): void {
  runNodeBin("@remix-run/dev/dist/cli.js", ["build"], { ...process.env, NODE_ENV: "production" }, quiet);
}

export function appIsBuilt(): boolean {
  return existsSync(buildLocation().serverBuildPath);
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () =>
      reject(new Error(`Port ${port} is already in use: stop what runs there or set PORT.`)),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

export interface RunningApp {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the built app with the app's own server (app/server/node-server.ts) and resolves once /healthz answers. */
export async function startAppServer(options: {
  port: number;
  env: Record<string, string | undefined>;
  inheritOutput?: boolean;
  timeoutMs?: number;
}): Promise<RunningApp> {
  // Otherwise another process on the port would answer /healthz and pass for this app.
  await assertPortFree(options.port);
  const child = spawn(
    process.execPath,
    // tsx as a loader inside this one process (not the tsx CLI, which runs the server in a child): stopping or
    // killing `process` must stop the server itself (tests/scale/crash-safety.test.ts sends SIGKILL).
    ["--import", "tsx", join(PROJECT_ROOT, "app", "server", "node-server.ts")],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        ...options.env,
        PORT: String(options.port),
        HOST: "127.0.0.1",
      } as NodeJS.ProcessEnv,
      stdio: options.inheritOutput ? "inherit" : "pipe",
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (Date.now() >= deadline) {
    child.kill();
    throw new Error(`The app did not answer /healthz in time:\n${output}`);
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
