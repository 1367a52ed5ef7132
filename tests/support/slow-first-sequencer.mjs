// Loaded by vitest.config.ts (plain JavaScript, so the config imports it with its extension).
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
 * Starts the slowest files first, whatever their project, so that no long file starts last and runs alone at the
 * end (docs/testing.md, "Speed"). vitest's own order is by the durations recorded in its cache and, on a fresh
 * clone (CI), which has none, by file size: crash safety, small and slow, then started late.
 */
export class SlowFirstSequencer extends BaseSequencer {
  /** @param {import("vitest/node").TestSpecification[]} files */
  async sort(files) {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    /** @param {import("vitest/node").TestSpecification} file */
    const rank = (file) => {
      const at = SLOW_FILES.indexOf(relative(root, file.moduleId));
      return at < 0 ? SLOW_FILES.length : at;
    };
    return sorted
      .map((file, order) => ({ file, order, rank: rank(file) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .map(({ file }) => file);
  }
}
