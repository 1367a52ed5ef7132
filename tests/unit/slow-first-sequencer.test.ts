import { describe, expect, it } from "vitest";
import type { TestSpecification, Vitest } from "vitest/node";
import { SLOW_FILES, SlowFirstSequencer } from "../support/slow-first-sequencer.mjs";

// The order vitest starts test files in (vitest.config.ts `sequence.sequencer`), on a fresh clone: no durations
// recorded, so vitest itself would go by project name and file size. The files are this repository's own (the
// sequencer reads a file's first lines for the environment it asks for).
const ROOT = process.cwd();
const spec = (path: string, project: string) =>
  ({
    moduleId: `${ROOT}/${path}`,
    project: { name: project, config: { sequence: { groupOrder: 0 }, isolate: project === "browser" } },
  }) as unknown as TestSpecification;
const freshClone = {
  config: { root: ROOT },
  cache: { getFileTestResults: () => undefined, getFileStats: () => undefined },
} as unknown as Vitest;
const paths = (files: TestSpecification[]) => files.map((f) => f.moduleId.slice(ROOT.length + 1));

describe("the slow-first sequencer", () => {
  it("starts each project's files together, the known slow files of each first, longest first", async () => {
    // GIVEN a slow and a fast unit file, an integration file in happy-dom, a fast integration file, crash safety
    // (slow, integration) and the admin pages (slowest, browser), listed in the order vitest found them
    const files = [
      spec("tests/engine/zone-charts.test.ts", "unit"),
      spec("tests/extension/delivery-options.test.ts", "integration"),
      spec("tests/admin/home.test.ts", "integration"),
      spec("tests/engine/quote-caches.test.ts", "unit"),
      spec("tests/scale/crash-safety.test.ts", "integration"),
      spec("tests/browser/admin-pages.test.ts", "browser"),
    ];
    // WHEN sorted
    const sorted = await new SlowFirstSequencer(freshClone).sort(files);
    // THEN the browser file comes first, then the integration files, then the unit files (a worker is kept only
    // for a next file of its own project and environment), the happy-dom file after the other integration files,
    // and the slow file of each before the others
    expect(paths(sorted)).toEqual([
      "tests/browser/admin-pages.test.ts",
      "tests/scale/crash-safety.test.ts",
      "tests/admin/home.test.ts",
      "tests/extension/delivery-options.test.ts",
      "tests/engine/quote-caches.test.ts",
      "tests/engine/zone-charts.test.ts",
    ]);
  });

  it("names only files that exist", async () => {
    const { existsSync } = await import("node:fs");
    expect(SLOW_FILES.filter((path) => !existsSync(path))).toEqual([]);
  });
});
