import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { SlowFirstSequencer } from "./tests/support/slow-first-sequencer.mjs";

// Three projects (docs/testing.md): where a test file lives decides which one runs it.
// - unit: pure code, no server and no database, no global setup. New pure suites go in tests/engine/,
//   tests/unit/, tests/format/, tests/contracts/ or app/**/__tests__/.
// - browser: Chromium against the built app, tests/browser/.
// - integration: everything else under tests/ (the built app server, migrated databases, child processes).
const UNIT = [
  "tests/engine/**/*.test.{ts,tsx}",
  "tests/unit/**/*.test.{ts,tsx}",
  "tests/format/**/*.test.{ts,tsx}",
  "tests/contracts/**/*.test.{ts,tsx}",
  "app/**/__tests__/**/*.test.{ts,tsx}",
  // Pure suites that sit beside the integration suites of their feature.
  "tests/admin/page-services.test.ts",
  "tests/admin/rate-card-csv.test.ts",
  "tests/carrier-service/callback-path.test.ts",
  "tests/foundation/env.test.ts",
  "tests/foundation/node-version.test.ts",
  "tests/foundation/postgres-schema.test.ts",
  "tests/order-routing/order-input.test.ts",
  "tests/pickup/eligibility.test.ts",
  "tests/pickup/nearest-search.test.ts",
  "tests/services/admin-graphql-url.test.ts",
  "tests/tracking/normalization.test.ts",
  "tests/tracking/risk-and-signatures.test.ts",
];
const BROWSER = ["tests/browser/**/*.test.{ts,tsx}"];

// Node's compile cache for the test workers and every process they start (Prisma's CLI, worker scripts, app
// servers): a module compiled once is not compiled again by the next process (docs/testing.md, "Speed";
// https://nodejs.org/api/module.html#module-compile-cache).
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), "node-compile-cache");
// Prisma 6's CLI (the migration writer's and the migration suites' runs) otherwise starts a child process each time
// for its update check and usage data (its checkpoint client: https://www.npmjs.com/package/checkpoint-client).
process.env.CHECKPOINT_DISABLE ??= "1";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    environment: "node",
    // Clears SHOPIFY_API_SECRET, DATABASE_URL & co. from the developer's shell before every file.
    setupFiles: ["tests/support/pinned-env.ts"],
    // Files run in parallel: every integration suite has its own database and ports. One fork more than the
    // cores, because most integration suites spend their time waiting on the app server, Chromium or a child
    // process (vitest's default, cores - 1, runs one file at a time on a 2-core machine: docs/testing.md).
    pool: "forks",
    maxWorkers: availableParallelism() + 1,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The slowest files first, so none of them starts last on a fresh clone (tests/support/slow-first-sequencer.mjs).
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      // Pure suites share each worker's module cache (no per-file isolation): the engine's data tables are
      // imported once per worker instead of once per file, which halves the unit project's CPU time
      // (docs/testing.md, "Speed"). Nothing in these suites keeps state between files.
      { extends: true, test: { name: "unit", include: UNIT, isolate: false } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.{ts,tsx}"],
          exclude: [...UNIT, ...BROWSER],
          globalSetup: ["tests/support/global-setup.ts"],
          isolate: false,
          setupFiles: ["tests/support/pinned-env.ts", "tests/support/shared-worker.ts"],
        },
      },
      {
        extends: true,
        test: { name: "browser", include: BROWSER, globalSetup: ["tests/support/global-setup.ts"] },
      },
    ],
  },
});
