// Loaded by vitest.config.ts (plain JavaScript, so the config imports it with its extension).
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { BaseSequencer } from "vitest/node";

/**
 * The files that take longest (CI's fresh-clone run of 2026-12-06, `npm test` and `npm run test:pg`), longest
 * first. Each starts app servers, worker processes or Chromium and mostly waits on them.
 */
export const SLOW_FILES = [
  "tests/browser/admin-pages.test.ts",
  "tests/scale/crash-safety.test.ts",
  "tests/hardening/fuzz-endpoints.test.ts",
  "tests/jobs/reliability-processes.test.ts",
  "tests/jobs/reliability-failures.test.ts",
  "tests/browser/onboarding.test.ts",
  "tests/jobs/contract.test.ts",
  "tests/foundation/db-migration.test.ts",
  "tests/order-routing/route-order.test.ts",
  "tests/tracking/demo-replay-jobs.test.ts",
  "tests/scale/multi-instance.test.ts",
  "tests/handoff/handoff-flow.test.ts",
  "tests/engine/quote-caches.test.ts",
  "tests/engine/quote-caches-later.test.ts",
  "tests/engine/quote-caches-backorder.test.ts",
  "tests/foundation/cli.test.ts",
];

/**
 * The projects in the order their files start. vitest keeps a worker for the next file only when that file is of
 * the same project (its pool's `schedule()`); a file of another project in between ends the worker, and the next
 * one loads Prisma, Shopify's and Remix's packages again. So each project's files run together: the browser files
 * first (the slowest, each in its own process anyway), then the integration files, then the short unit files.
 */
export const PROJECT_ORDER = ["browser", "integration", "unit"];

/**
 * The environment a file asks for in its first lines (`// @vitest-environment happy-dom`), "" for the project's own.
 * A worker is kept only for a next file of the same environment too.
 * @param {string} path
 */
export function fileEnvironment(path) {
  const head = readFileSync(path, "utf8").slice(0, 500);
  return /@vitest-environment\s+(\S+)/.exec(head)?.[1] ?? "";
}

/**
 * Starts each project's files together (PROJECT_ORDER), the files that ask for another environment after the rest
 * of their project, and, within each, the slowest files first, so that no long file starts last and runs alone at
 * the end (docs/testing.md, "Speed"). vitest's own order is by the durations recorded in its cache and, on a fresh
 * clone (CI), which has none, by file size: crash safety, small and slow, then started late.
 */
export class SlowFirstSequencer extends BaseSequencer {
  /** @param {import("vitest/node").TestSpecification[]} files */
  async sort(files) {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    /** @param {string[]} list @param {string} item */
    const rankIn = (list, item) => {
      const at = list.indexOf(item);
      return at < 0 ? list.length : at;
    };
    return sorted
      .map((file, order) => ({
        file,
        order,
        project: rankIn(PROJECT_ORDER, file.project.name),
        environment: fileEnvironment(file.moduleId),
        slow: rankIn(SLOW_FILES, relative(root, file.moduleId)),
      }))
      .sort(
        (a, b) =>
          a.project - b.project ||
          a.environment.localeCompare(b.environment) ||
          a.slow - b.slow ||
          a.order - b.order,
      )
      .map(({ file }) => file);
  }
}
