import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
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

function removeSqliteFiles(filePath: string): void {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(filePath + suffix, { force: true });
}

/** A digest of every migration file and of the Prisma version: a new or edited migration means a new template. */
function migrationsDigest(): string {
  const hash = createHash("sha256");
  const migrations = join(PROJECT_ROOT, "prisma", "migrations");
  for (const entry of readdirSync(migrations, { recursive: true, withFileTypes: true }).sort((a, b) =>
    join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)),
  )) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hash.update(path.slice(migrations.length)).update(readFileSync(path));
  }
  hash.update(readFileSync(require.resolve("prisma/package.json")));
  return hash.digest("hex").slice(0, 16);
}

/**
 * A SQLite file that `prisma migrate deploy` migrated, made once per set of migrations and reused. Each
 * `prisma migrate deploy` is a child process of ~1-2 s, and the test suites ask for dozens of databases; copying
 * a migrated file gives the same tables, indexes and `_prisma_migrations` rows. It is written under a unique name
 * and renamed into place, so parallel test workers never read a half-written template.
 */
function migratedSqliteTemplate(quiet: boolean): string {
  const template = join(tmpdir(), `tailroute-sqlite-template-${migrationsDigest()}.sqlite`);
  if (existsSync(template)) return template;
  const partial = `${template}.${process.pid}-${Date.now()}`;
  removeSqliteFiles(partial);
  runNodeBin(
    "prisma/build/index.js",
    ["migrate", "deploy"],
    { ...process.env, DATABASE_URL: `file:${partial}` },
    quiet,
  );
  renameSync(partial, template);
  removeSqliteFiles(partial);
  return template;
}

/**
 * Deletes a SQLite database file (and its journal) and recreates it with every migration applied: a copy of a
 * database `prisma migrate deploy` migrated (see migratedSqliteTemplate).
 */
export function freshSqliteDatabase(filePath: string, { quiet = true } = {}): string {
  removeSqliteFiles(filePath);
  copyFileSync(migratedSqliteTemplate(quiet), filePath);
  return `file:${filePath}`;
}

/**
 * `npm run build`: compiles the Remix app (remix.config.js) into build/ and public/build/, or under
 * TAILROUTE_BUILD_DIR, and the app server beside it (scripts/build-server.mjs).
 */
export function buildApp({ quiet = true } = {}): void {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  runNodeBin("@remix-run/dev/dist/cli.js", ["build"], env, quiet);
  runNodeBin(join(PROJECT_ROOT, "scripts", "build-server.mjs"), [], env, quiet);
}

export function appIsBuilt(): boolean {
  const { serverBuildPath, serverEntryPath } = buildLocation();
  return existsSync(serverBuildPath) && existsSync(serverEntryPath);
}

/** What `npm run build` compiles: app/, the Remix and TypeScript configuration, the locked dependencies, and how the server is compiled. */
export function appSourcesDigest(root = PROJECT_ROOT): string {
  const hash = createHash("sha256");
  const app = join(root, "app");
  const files = readdirSync(app, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const configs = ["remix.config.js", "tsconfig.json", "package-lock.json", "scripts/build-server.mjs"].map(
    (f) => join(root, f),
  );
  for (const path of [...files, ...configs]) {
    hash.update(path.slice(root.length)).update("\0").update(readFileSync(path));
  }
  return hash.digest("hex");
}

/**
 * Builds the app unless the build in place was made from exactly these sources (a digest of them is kept beside
 * the server build). The test suites and benches start from here: an unchanged checkout skips the ~30 s build,
 * and any edit under app/ (or to the configuration or the lockfile) rebuilds.
 */
export function ensureAppBuilt({ quiet = true } = {}): "BUILT" | "UP_TO_DATE" {
  const stamp = join(dirname(buildLocation().serverBuildPath), ".tailroute-sources-digest");
  // Taken before the build, so an edit made while it runs leaves a stale stamp and the next run rebuilds.
  const digest = appSourcesDigest();
  if (appIsBuilt() && existsSync(stamp) && readFileSync(stamp, "utf8") === digest) {
    return "UP_TO_DATE";
  }
  rmSync(stamp, { force: true });
  buildApp({ quiet });
  writeFileSync(stamp, digest);
  return "BUILT";
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
      reject(new PortTakenError(`Port ${port} is already in use: stop what runs there or set PORT.`)),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

export interface RunningApp {
  url: string;
  process: ChildProcess;
  /** Everything the app has printed so far (for a failing test's message). */
  output(): string;
  stop(): Promise<void>;
}

export interface AppServerOptions {
  port: number;
  env: Record<string, string | undefined>;
  /** Also print the app's output on this process's own stdout and stderr. */
  inheritOutput?: boolean;
  /** Also append everything the app prints to this file (the test suites' shared server: docs/testing.md). */
  logFile?: string;
  timeoutMs?: number;
}

/** The app could not listen on the port it was given: another process took it after the free-port check. */
export class PortTakenError extends Error {}

/**
 * Starts the built app with the app's own server (app/server/node-server.ts) and resolves once it says it listens
 * on the port and /healthz answers. Both are needed: another process that takes the port between the free-port
 * check and the app's own bind would answer /healthz too, while the app exits with EADDRINUSE.
 */
export async function startAppServer(options: AppServerOptions): Promise<RunningApp> {
  // Otherwise another process on the port would answer /healthz and pass for this app.
  await assertPortFree(options.port);
  const child = spawn(
    process.execPath,
    // The compiled server run by Node itself in this one process (bin/serve.mjs, as `npm start`): stopping or
    // killing `process` stops the server itself (tests/scale/crash-safety.test.ts sends SIGKILL).
    [join(PROJECT_ROOT, "bin", "serve.mjs")],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        ...options.env,
        PORT: String(options.port),
        HOST: "127.0.0.1",
      } as NodeJS.ProcessEnv,
      stdio: "pipe",
    },
  );
  let output = "";
  const log = options.logFile ? createWriteStream(options.logFile, { flags: "a" }) : null;
  child.stdout.on("data", (chunk) => {
    output += chunk;
    log?.write(chunk);
    if (options.inheritOutput) process.stdout.write(chunk);
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
    log?.write(chunk);
    if (options.inheritOutput) process.stderr.write(chunk);
  });
  const url = `http://127.0.0.1:${options.port}`;
  // The line node-server.ts prints once its own listen() succeeded.
  const listening = `listening on ${url}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const message = `The app exited with code ${child.exitCode ?? child.signalCode}:\n${output}`;
      throw output.includes("EADDRINUSE") ? new PortTakenError(message) : new Error(message);
    }
    if (output.includes(listening)) {
      try {
        const response = await fetch(`${url}/healthz`);
        if (response.ok) break;
      } catch {
        // listening, but not answering yet
      }
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
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * startAppServer on a free port. `options` gets the port, for the URLs the app is told. Another process may take
 * the port between the check and the app's bind (the test suites start servers side by side): then it tries again
 * on another port, up to three times.
 */
export async function startAppServerOnFreePort(
  options: (port: number) => Omit<AppServerOptions, "port">,
  pickPort: () => Promise<number> = freePort,
): Promise<RunningApp> {
  for (let attempt = 1; ; attempt++) {
    const port = await pickPort();
    try {
      return await startAppServer({ ...options(port), port });
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt >= 3) throw error;
    }
  }
}
