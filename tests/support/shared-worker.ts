// Runs before every file of the integration project, whose files share a worker process (vitest.config.ts
// `isolate: false`): Node's own module cache (Prisma, Shopify's and Remix's packages) is then loaded once per
// worker instead of once per file. What one file could leave behind for the next is reset here, so each file
// starts as it would in a fresh process: the environment as the worker began, the app's modules evaluated anew
// (their singletons read the new file's DATABASE_URL), the default Prisma client closed, spies and stubbed
// globals restored (docs/testing.md, "Speed").
import { vi } from "vitest";

const worker = globalThis as typeof globalThis & { tailrouteWorkerEnv?: NodeJS.ProcessEnv };

if (worker.tailrouteWorkerEnv) {
  const start = worker.tailrouteWorkerEnv;
  for (const name of Object.keys(process.env)) if (!(name in start)) delete process.env[name];
  Object.assign(process.env, start);
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.resetModules();
  const prisma = globalThis.tailroutePrisma;
  globalThis.tailroutePrisma = undefined;
  await prisma?.$disconnect();
} else {
  worker.tailrouteWorkerEnv = { ...process.env };
}
